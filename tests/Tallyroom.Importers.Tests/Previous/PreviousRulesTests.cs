using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Previous;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Previous;

/// <summary>The matching and defended-seat rules, on small files written for each case.</summary>
public sealed class PreviousRulesTests : IDisposable
{
    private const string Header2014 = "\"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\"";
    private const string GlaHeader = "\uFEFFWard_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,elected_flag,Number of councillors in ward";
    private const string ChangesHeader = "GEOGCD,GEOGNM,GEOGNMW,GEOGCD_P,GEOGNM_P,GEOGNMW_P,SI_ID,SI_TITLE,OPER_DATE,ENTITYCD,YEAR";
    private static readonly DateOnly PollingDay2014 = new(2014, 5, 22);
    private static readonly ImportOptions Options2014 = new() { PollingDay = PollingDay2014 };
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void WhenMoreWereElectedFourYearsBeforeTheTopPlacedWinnersAreDefended()
    {
        var path = Leap2014(
            Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", true),
            Row2014("Marine", "Adur", "Ann Able", "C", "900", true),
            Row2014("Marine", "Adur", "Cat Cole", "LD", "100", false),
            Row2014("Hillside", "Adur", "Dan Dale", "Lab", "500", true),
            Row2014("Hillside", "Adur", "Eve Ely", "C", "400", false));
        var election = PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1), new TestBallot("Adur", "Hillside", null, 1));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var state = ResultsEngine.Fold(election, batch.Events);

        var marine = state.Ballots["local.adur.marine.2018-05-03"].Baseline!;
        Assert.Equal((BaselineKind.Actual, (DateOnly?)PollingDay2014), (marine.Kind, marine.LastFought));
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Conservative, 1)], marine.Defended);
        Assert.Equal<PreviousCandidate>(
            [new PreviousCandidate("Bob Baker", PartyCatalog.Labour, 800, true), new PreviousCandidate("Ann Able", PartyCatalog.Conservative, 900, true), new PreviousCandidate("Cat Cole", PartyCatalog.LiberalDemocrats, 100, false)],
            marine.Previous);
        Assert.Equal(
            "LEAP 2014_results.csv, poll of 2014-05-22: Adur, Marine, matched by council and ward name; 2 elected then for 1 seat now: the 1 top-placed defended, having taken the full four-year term (the others filled seats with shorter terms).",
            marine.Source);
        var hillside = state.Ballots["local.adur.hillside.2018-05-03"].Baseline!;
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1)], hillside.Defended);
        Assert.Equal("LEAP 2014_results.csv, poll of 2014-05-22: Adur, Hillside, matched by council and ward name.", hillside.Source);
        // Events come in ballot id order: Hillside (line 5), then Marine (line 2).
        Assert.Equal([new SourceLocation(path, 5), new SourceLocation(path, 2)], batch.Sources);
        Assert.Contains("1 ballot had more winners then than seats up now; the defended seats follow the rule stated in each baseline's source. By council: Adur 1.", batch.Notes);
    }

    [Fact]
    public void WhenACouncilWasAllOutTwoYearsBeforeItsLowestPlacedWinnersAreDefendedAndOtherCouncilsAreLeftAlone()
    {
        var path = scratch.Write("leap-2016-05-05.csv", Lines(
            Row2016("Sheffield", "E08000019", "Beighton", "E05010001", "Ann Able", "Lab", 1900, true),
            Row2016("Sheffield", "E08000019", "Beighton", "E05010001", "Bob Baker", "UKIP", 1800, true),
            Row2016("Sheffield", "E08000019", "Beighton", "E05010001", "Cat Cole", "Lab", 1700, true),
            Row2016("Sheffield", "E08000019", "Beighton", "E05010001", "Dan Dale", "C", 900, false),
            Row2016("Sheffield", "E08000019", "City", "E05010002", "Eve Ely", "Grn", 700, true),
            Row2016("Sheffield", "E08000019", "City", "E05010002", "Fay Fox", "Lab", 650, true),
            Row2016("Sheffield", "E08000019", "City", "E05010002", "Gus Gray", "Grn", 600, true),
            Row2016("Sheffield", "E08000019", "City", "E05010002", "Hal Hill", "LD", 100, false),
            Row2016("Sheffield", "E08000019", "Darnall", "E05010003", "Ian Ives", "Lab", 1000, true),
            Row2016("Sheffield", "E08000019", "Darnall", "E05010003", "Jo Jones", "Lab", 900, true),
            Row2016("Sheffield", "E08000019", "Darnall", "E05010003", "Kit Kerr", "C", 300, false),
            Row2016("Bolton", "E08000001", "Astley Bridge", "E05000650", "Kay King", "C", 1500, true),
            Row2016("Bolton", "E08000001", "Astley Bridge", "E05000650", "Lee Lamb", "Lab", 1400, false),
            Row2016("Bolton", "E08000001", "Breightmet", "E05000651", "Max Moss", "Lab", 1200, true),
            Row2016("Bolton", "E08000001", "Breightmet", "E05000651", "Nia Nye", "C", 1100, false),
            Row2016("Bolton", "E08000001", "Bradshaw", "E05000652", "Ned Nash", "C", 1600, true),
            Row2016("Bolton", "E08000001", "Bradshaw", "E05000652", "Olu Ore", "Lab", 1000, false)));
        var election = PreviousElection.Of(
            new TestBallot("Sheffield", "Beighton", "E05010001", 1),
            new TestBallot("Sheffield", "City", "E05010002", 2),
            new TestBallot("Bolton", "Astley Bridge", "E05000650", 1));

        var batch = PreviousLeap.Read(path, election, new ImportOptions());
        var state = ResultsEngine.Fold(election, batch.Events);

        var beighton = state.Ballots["local.sheffield.beighton.2018-05-03"].Baseline!;
        Assert.Equal((BaselineKind.Actual, (DateOnly?)new DateOnly(2016, 5, 5)), (beighton.Kind, beighton.LastFought));
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1)], beighton.Defended);
        Assert.Equal(
            "LEAP leap-2016-05-05.csv, poll of 2016-05-05: Sheffield, Beighton, matched by ward code E05010001; 3 elected then, all-out, for 1 seat now: the 1 lowest-placed defended, whose term was the shortest, ending in 2018.",
            beighton.Source);
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1), new PartyCount(PartyCatalog.Green, 1)], state.Ballots["local.sheffield.city.2018-05-03"].Baseline!.Defended);
        Assert.Null(state.Ballots["local.bolton.astley-bridge.2018-05-03"].Baseline);
        Assert.Equal(2, batch.Events.Count);
        Assert.Contains(
            "LEAP leap-2016-05-05.csv is two years before local.2018-05-03: its winners defend seats up now only where the council elected every seat then (all-out, on new boundaries) and now elects by thirds, the lowest-placed having got the shortest term. Rule: a council was all-out when more than half its wards elected two or more councillors (a year of thirds elects one a ward, bar casual vacancies). All-out: Sheffield (3 of 3 wards, 8 seats). The other 1 council of the file elected other seats then (in a council by thirds, seats up again in 2020); their ballots are left as they are.",
            batch.Notes);
        Assert.Contains("1 ballot of 1 council whose election then was not all-out was left as it is: bolton.", batch.Notes);
    }

    [Fact]
    public void WhenMoreSeatsAreUpThanWereFilledThenTheBallotIsNotComparableButKeepsThePreviousResults()
    {
        var path = Leap2014(
            Row2014("Marine", "Adur", "Ann Able", "C", "900", true),
            Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", false));
        var election = PreviousElection.Of(new TestBallot("Adur", "Marine", null, 2));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var baseline = ResultsEngine.Fold(election, batch.Events).Ballots["local.adur.marine.2018-05-03"].Baseline!;

        Assert.Equal((BaselineKind.NotComparable, (DateOnly?)null, 0, 2), (baseline.Kind, baseline.LastFought, baseline.Defended.Length, baseline.Previous.Length));
        Assert.Equal(
            "Not comparable with LEAP 2014_results.csv, poll of 2014-05-22: Adur, Marine (matched by council and ward name) filled 1 seat then, but 2 are up now; the extra seat fills a casual vacancy whose last contest is not in the file.",
            baseline.Source);
        Assert.Contains("1 ballot of 1 council got a baseline from LEAP 2014_results.csv: 0 actual, 1 not comparable (1 with more seats up now than were filled then (a casual vacancy)).", batch.Notes);
    }

    [Fact]
    public void AnUnmatchedWardOfACoveredCouncilIsNotComparableAndACouncilOutsideTheFileIsLeftAlone()
    {
        var path = Leap2014(
            Row2014("Marine", "Adur", "Ann Able", "C", "900", true),
            Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", false));
        var election = PreviousElection.Of(new TestBallot("Adur", "Seaside", null, 1), new TestBallot("Trafford", "Altrincham", null, 1));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var state = ResultsEngine.Fold(election, batch.Events);

        var seaside = state.Ballots["local.adur.seaside.2018-05-03"].Baseline!;
        Assert.Equal((BaselineKind.NotComparable, 0, 0), (seaside.Kind, seaside.Defended.Length, seaside.Previous.Length));
        Assert.Equal("Not comparable with LEAP 2014_results.csv, poll of 2014-05-22: no ward of that name in LEAP 2014_results.csv (Adur): a new ward since 2014-05-22.", seaside.Source);
        Assert.Null(state.Ballots["local.trafford.altrincham.2018-05-03"].Baseline);
        Assert.Equal([new SourceLocation(path, 2)], batch.Sources);
        Assert.Equal(
            [
                "LEAP 2014_results.csv has no ward codes and no ward-code changes file was given (ImportOptions.WardCodeChangesPath), so wards are matched by council and ward name alone: a ward redrawn since 2014-05-22 that kept its name would be taken as comparable.",
                "1 ballot of 1 council got a baseline from LEAP 2014_results.csv: 0 actual, 1 not comparable (1 with no ward of their name in the file).",
                "1 ballot of 1 council the file does not cover was left as it is: trafford.",
            ],
            batch.Notes);
    }

    [Fact]
    public void ATieBetweenWinnersAtTheCutIsSettledByFileOrderAndNoted()
    {
        var path = Leap2014(
            Row2014("Marine", "Adur", "Ann Able", "Lab", "500", true),
            Row2014("Marine", "Adur", "Bob Baker", "C", "500", true),
            Row2014("Marine", "Adur", "Cat Cole", "LD", "100", false));
        var election = PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var baseline = ResultsEngine.Fold(election, batch.Events).Ballots["local.adur.marine.2018-05-03"].Baseline!;

        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1)], baseline.Defended);
        Assert.EndsWith("the 1 top-placed defended, having taken the full four-year term (the others filled seats with shorter terms); a tie at the cut (500 votes) was settled by file order.", baseline.Source, StringComparison.Ordinal);
        Assert.Contains(
            "local.adur.marine.2018-05-03: the winners Ann Able (Labour), Bob Baker (Conservative) are tied at 500 votes across the cut of 1 defended seat; the file does not say whose term ends now, so the one listed first in the file (line 2) is taken.",
            batch.Notes);
    }

    [Fact]
    public void AnUncontestedWardThenDefendsItsWinnersWithNoVotes()
    {
        var path = Leap2014(Row2014("Marine", "Adur", "Ann Able", "C", "0", true));
        var election = PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1));

        var baseline = ResultsEngine.Fold(election, PreviousLeap.Read(path, election, Options2014).Events).Ballots["local.adur.marine.2018-05-03"].Baseline!;

        Assert.Equal(BaselineKind.Actual, baseline.Kind);
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Conservative, 1)], baseline.Defended);
        Assert.Equal<PreviousCandidate>([new PreviousCandidate("Ann Able", PartyCatalog.Conservative, null, true)], baseline.Previous);
    }

    [Fact]
    public void TheWardCodeChangesMarkWardsRedrawnSinceAndFollowRenames()
    {
        var path = Leap2014(
            Row2014("Allington", "Maidstone", "Ann Able", "C", "900", true),
            Row2014("Allington", "Maidstone", "Ann Other", "Lab", "90", false),
            Row2014("Barming", "Maidstone", "Bob Baker", "C", "800", true),
            Row2014("Barming", "Maidstone", "Bob Other", "Lab", "80", false),
            Row2014("Bridge", "Maidstone", "Cat Cole", "LD", "700", true),
            Row2014("Bridge", "Maidstone", "Cat Other", "Lab", "70", false),
            Row2014("Coxheath", "Maidstone", "Dan Dale", "C", "600", true),
            Row2014("Coxheath", "Maidstone", "Dan Other", "Lab", "60", false),
            Row2014("Detling", "Maidstone", "Eve Ely", "UKIP", "500", true),
            Row2014("Detling", "Maidstone", "Eve Other", "Lab", "50", false));
        var changes = scratch.Write("changes.csv", Lines(
            ChangesHeader,
            "E05009400,Detling,,E05004990,Detling and Thurnham,,100/2013,The Maidstone (Electoral Changes) Order 2013,22/05/2014,E05,2014",
            "E05004983,Barming and Teston,,E05004983,Barming,,6006/2017,Name Change,01/01/2018,E05,2018",
            "E05011111,Bridge,,E05004985,Bridge,,200/2017,The Maidstone (Electoral Changes) Order 2017,03/05/2018,E05,2018"));
        var election = PreviousElection.Of(
            new TestBallot("Maidstone", "Allington", "E05004982", 1),
            new TestBallot("Maidstone", "Barming and Teston", "E05004983", 1),
            new TestBallot("Maidstone", "Bridge", "E05011111", 1),
            new TestBallot("Maidstone", "Coxheath", "E05010555", 1),
            new TestBallot("Maidstone", "Detling", "E05009400", 1));

        var batch = PreviousLeap.Read(path, election, Options2014 with { WardCodeChangesPath = changes });
        var state = ResultsEngine.Fold(election, batch.Events);
        string Source(string ward) => state.Ballots[$"local.maidstone.{ward}.2018-05-03"].Baseline!.Source;

        Assert.Equal("LEAP 2014_results.csv, poll of 2014-05-22: Maidstone, Allington, matched by council and ward name.", Source("allington"));
        Assert.Equal("LEAP 2014_results.csv, poll of 2014-05-22: Maidstone, Barming, matched by the ward's name before it was renamed, 'Barming' (same ONS code E05004983).", Source("barming-and-teston"));
        Assert.Equal(
            "Not comparable with LEAP 2014_results.csv, poll of 2014-05-22: ward redrawn since 2014-05-22: its ONS code E05011111 replaced E05004985 under The Maidstone (Electoral Changes) Order 2017, in force 2018-05-03.",
            Source("bridge"));
        Assert.Equal(
            "Not comparable with LEAP 2014_results.csv, poll of 2014-05-22: ward redrawn since 2014-05-22: its ONS code E05010555 was issued after that poll (codes are issued in sequence, and the newest in use then was E05009400; the ward-code changes file does not list this one).",
            Source("coxheath"));

        // Detling was redrawn for the 2014 election itself, so 2014's contest was already on its boundaries.
        Assert.Equal("LEAP 2014_results.csv, poll of 2014-05-22: Maidstone, Detling, matched by council and ward name.", Source("detling"));
        Assert.Contains("1 of the redrawn wards have a one-to-one code change under the same name (Bridge (E05004985 → E05011111)). They are still not comparable: ONS issues a new code only when a boundary changes, and the file gives no areas to show the change is nil.", batch.Notes);
    }

    [Fact]
    public void TheGlaFileIsMatchedByCodeWithReadableNamesAndItsPartiesAndOnlyLondonIsTouched()
    {
        var path = scratch.Write("gla.csv", Lines(
            GlaHeader,
            "E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila Ms.*\",LAB,Labour Party,\"2,252\",Yes,2",
            "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doyle, Danielle Ms.\",REA,Hornchurch Residents Association,2072,yes,2",
            "E05000026,E09000002,Barking and Dagenham,Abbey,\"Saeed, Tariq*\",UKIP,UK Independence Party (UKIP),647,,2",
            "E05000027,E09000002,Barking and Dagenham,Alibon,\"Rice, Lee\",CON,Conservative Party,900,Yes,1",
            "E05000027,E09000002,Barking and Dagenham,Alibon,\"Ng, Sam\",GRE,Green Party,100,,1"));
        var election = PreviousElection.Of(
            new TestBallot("Barking and Dagenham", "Abbey", "E05000026", 2),
            new TestBallot("Barking and Dagenham", "Alibon", null, 1),
            new TestBallot("Westminster", "Abbey Road", "E05000630", 3));

        var batch = PreviousGla.Read(path, election, new ImportOptions());
        var state = ResultsEngine.Fold(election, batch.Events);

        var abbey = state.Ballots["local.barking-and-dagenham.abbey.2018-05-03"].Baseline!;
        Assert.Equal((BaselineKind.Actual, (DateOnly?)PollingDay2014), (abbey.Kind, abbey.LastFought));
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1), new PartyCount(new Party("name:hornchurch-residents-association", "Hornchurch Residents Association"), 1)], abbey.Defended);
        Assert.Equal([("Laila Butt", 2252), ("Danielle Doyle", 2072), ("Tariq Saeed", 647)], abbey.Previous.Select(p => (p.Name, p.Votes ?? -1)));
        Assert.Equal("GLA gla.csv, poll of 2014-05-22: Barking and Dagenham, Abbey, matched by ward code E05000026.", abbey.Source);
        Assert.Equal("GLA gla.csv, poll of 2014-05-22: Barking and Dagenham, Alibon, matched by council and ward name.", state.Ballots["local.barking-and-dagenham.alibon.2018-05-03"].Baseline!.Source);
        Assert.Null(state.Ballots["local.westminster.abbey-road.2018-05-03"].Baseline);
        Assert.Contains("elected_flag is 'yes' in lower case on line 3; read as Yes.", batch.Notes);
        Assert.Contains("number_votes is written with a thousands separator on line 2 ('2,252'); read as a whole number.", batch.Notes);
        Assert.Contains("1 ballot has no ward code in the log, so it was matched by council and ward name, although GLA gla.csv gives codes.", batch.Notes);
    }

    [Fact]
    public void CouncilNamesAreComparedWithoutALeadingCityOf()
    {
        var path = Leap2014(Row2014("Abbey", "Lincoln", "Ann Able", "Lab", "900", true), Row2014("Abbey", "Lincoln", "Bob Baker", "C", "800", false));
        var election = PreviousElection.Of(new TestBallot("City of Lincoln", "Abbey", null, 1));

        var batch = PreviousLeap.Read(path, election, Options2014);

        var baseline = Assert.IsType<BallotBaselineRecorded>(Assert.Single(batch.Events)).Baseline;
        Assert.Equal<PartyCount>([new PartyCount(PartyCatalog.Labour, 1)], baseline.Defended);
        Assert.Contains("City of Lincoln (city-of-lincoln) is LEAP 2014_results.csv's 'Lincoln': council names were compared without a leading \"City of\".", batch.Notes);
    }

    [Fact]
    public void MalformedLeapRowsAreRefusedWithFileAndLine()
    {
        var path = Leap2014(Row2014("Marine", "Adur", "Ann Able", "C", "900", true), Row2014("Marine", "Adur", "Bob Baker", "Lab", "8OO", false));

        var e = Assert.Throws<MalformedInputException>(() => PreviousLeap.Read(path, PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1)), Options2014));

        Assert.Equal((new SourceLocation(path, 3), "votes '8OO' is not a non-negative integer."), (e.Where, e.Reason));
    }

    [Theory]
    [InlineData("E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,2252,Maybe,1", "elected_flag 'Maybe' must be Yes (elected) or blank (not elected).")]
    [InlineData("E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,\"22,52\",Yes,1", "number_votes '22,52' is not a whole number of votes.")]
    [InlineData("E0500026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,2252,Yes,1", "Ward_code 'E0500026' is not an ONS code (a letter and eight digits, e.g. E05000026).")]
    [InlineData("E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",,Labour Party,2252,Yes,1", "party is empty; every candidate has the GLA's party code (IND for an independent).")]
    [InlineData("E05000026,E09000002,Barking and Dagenham,Eastbrook,\"Butt, Laila\",LAB,Labour Party,2252,Yes,1", "ward E05000026 is 'Eastbrook' of E09000002 with 1 councillor here, but 'Abbey' of E09000002 with 1 on line 2; a ward's rows agree on its name, borough and size.")]
    public void MalformedGlaRowsAreRefusedWithFileAndLine(string row, string reason)
    {
        var path = scratch.Write("gla.csv", Lines(GlaHeader, "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doyle, Dan\",CON,Conservative Party,100,,1", row));

        var e = Assert.Throws<MalformedInputException>(() => PreviousGla.Read(path, PreviousElection.Of(new TestBallot("Barking and Dagenham", "Abbey", "E05000026", 1)), new ImportOptions()));

        Assert.Equal((new SourceLocation(path, 3), reason), (e.Where, e.Reason));
    }

    [Fact]
    public void AGlaWardWithNobodyElectedIsRefusedAtItsFirstLine()
    {
        var path = scratch.Write("gla.csv", Lines(GlaHeader, "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doyle, Dan\",CON,Conservative Party,100,,1"));

        var e = Assert.Throws<MalformedInputException>(() => PreviousGla.Read(path, PreviousElection.Of(new TestBallot("Barking and Dagenham", "Abbey", "E05000026", 1)), new ImportOptions()));

        Assert.Equal(
            (new SourceLocation(path, 2), "elected_flag: no candidate of ward E05000026 (Abbey, Barking and Dagenham) is elected; every ward filled at least one seat."),
            (e.Where, e.Reason));
    }

    [Fact]
    public void AMalformedWardCodeChangesFileIsRefusedWithFileAndLine()
    {
        var path = Leap2014(Row2014("Marine", "Adur", "Ann Able", "C", "900", true), Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", false));
        var changes = scratch.Write("changes.csv", Lines(ChangesHeader, "E05011111,Bridge,,E05004985,Bridge,,200/2017,An Order,2018-05-03,E05,2018"));

        var e = Assert.Throws<MalformedInputException>(() => PreviousLeap.Read(path, PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1)), Options2014 with { WardCodeChangesPath = changes }));

        Assert.Equal((new SourceLocation(changes, 2), "OPER_DATE '2018-05-03' is not a date written dd/mm/yyyy (the day the change came into force)."), (e.Where, e.Reason));
    }

    [Fact]
    public void The2014FileIsRefusedWithoutAPollingDay()
    {
        var path = Leap2014(Row2014("Marine", "Adur", "Ann Able", "C", "900", true), Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", false));

        var e = Assert.Throws<MalformedInputException>(() => PreviousLeap.Read(path, PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1)), new ImportOptions()));

        Assert.Equal(
            (new SourceLocation(path, 1), "no polling day: LEAP rows do not carry the date, the file name has no valid yyyy-mm-dd, and ImportOptions.PollingDay is not set."),
            (e.Where, e.Reason));
    }

    [Fact]
    public void APreviousPollNeitherFourNorTwoYearsBeforeIsRefused()
    {
        var path = scratch.Write("leap-2015-05-07.csv", Lines(Row2016("Adur", "E07000223", "Marine", "E05007563", "Ann Able", "C", 900, true), Row2016("Adur", "E07000223", "Marine", "E05007563", "Bob Baker", "Lab", 800, false)));

        var e = Assert.Throws<MalformedInputException>(() => PreviousLeap.Read(path, PreviousElection.Of(new TestBallot("Adur", "Marine", null, 1)), new ImportOptions()));

        Assert.Equal(
            (new SourceLocation(path, 1), "the previous poll, 2015-05-07, is not 4 or 2 years before the election in the log (local.2018-05-03): seats up now were last fought a four-year term before, or two years before where a council elected every seat then; which winners of another year held these seats depends on the cycle, so it is not supported."),
            (e.Where, e.Reason));
    }

    [Fact]
    public void ALogWithoutAnElectionIsRefused()
    {
        var path = Leap2014(Row2014("Marine", "Adur", "Ann Able", "C", "900", true), Row2014("Marine", "Adur", "Bob Baker", "Lab", "800", false));

        var e = Assert.Throws<MalformedInputException>(() => PreviousLeap.Read(path, ElectionState.Empty, Options2014));

        Assert.Equal("the log holds no election yet: previous results are matched to the ballots of the election in the log, so import its ballots first.", e.Reason);
    }

    [Fact]
    public void BothFormatsAreListedByName()
    {
        Assert.Equal(PreviousLeap.Read, ImportFormats.Find("previous-leap"));
        Assert.Equal(PreviousGla.Read, ImportFormats.Find("previous-gla"));
        Assert.Contains("previous-leap", ImportFormats.Names);
        Assert.Contains("previous-gla", ImportFormats.Names);
    }

    public void Dispose() => scratch.Dispose();

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static string Row2014(string ward, string council, string candidate, string party, string votes, bool elected) =>
        $"\"{ward}\",\"{council}\",\"{candidate}\",\"{party}\",\"{votes}\",\"{(elected ? 1 : 0)}\"";

    private static string Row2016(string council, string councilCode, string ward, string wardCode, string candidate, string party, int votes, bool elected) =>
        FormattableString.Invariant($"\"{council}\",\"{councilCode}\",\"{ward}\",\"{wardCode}\",\"{candidate}\",\"{party}\",\"{votes}\",\"{(elected ? 1 : 0)}\"");

    // LEAP files are read as the leap format reads them, so a council with at most two contests is taken as
    // by-elections and left out; two more wards, after the test's rows, keep each council in.
    private string Leap2014(params string[] rows)
    {
        var councils = rows.Select(r => r.Split("\",\"")[1]).Distinct();
        var others = councils.SelectMany(c => new[]
        {
            Row2014("Other One", c, "Ola One", "C", "300", true), Row2014("Other One", c, "Oli One", "Lab", "200", false),
            Row2014("Other Two", c, "Tam Two", "Lab", "300", true), Row2014("Other Two", c, "Tim Two", "C", "200", false),
        });
        return scratch.Write("2014_results.csv", Lines([Header2014, .. rows, .. others]));
    }
}
