using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.EveOfPoll;
using static Tallyroom.Importers.Tests.EveOfPoll.OpenCouncilDataFiles;

namespace Tallyroom.Importers.Tests.EveOfPoll;

public sealed class OpenCouncilDataBaselinesTests : IDisposable
{
    private const string Con = "Conservative and Unionist";
    private const string Lab = "Labour Party";
    private static readonly Party[] ConSeat = [PartyCatalog.Conservative];
    private static readonly Party[] LabSeat = [PartyCatalog.Labour];
    private readonly OpenCouncilDataFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void AThirdsCouncilsContinuingSeatsAreTheEveOfPollMinusTheDefendedSeats()
    {
        var state = Election(("trafford", [ConSeat, ConSeat, LabSeat]));
        var roster = files.Write(
            Councillors("Trafford", ("PP52", Con, 5), ("PP53", Lab, 3), ("", "Independent / Other", 1)),
            Snapshot("Trafford", 2017, 9, 5, 3, 0, 0, 0, 1, "Con") + Snapshot("Trafford", 2018, 9, 4, 4, 0, 0, 0, 1, "Lab plurality"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var trafford = ResultsEngine.Fold(state, batch.Events).Councils["trafford"];

        Assert.Equal([new PartyCount(PartyCatalog.Independent, 1), new PartyCount(PartyCatalog.Conservative, 3), new PartyCount(PartyCatalog.Labour, 2)], trafford.Continuing.Entries.AsEnumerable());
        Assert.Equal((9, 5, "Conservative"), (trafford.TotalSeats, trafford.Majority, trafford.ControlBefore!.Label));
        Assert.Equal(
            "Open Council Data 2017: 9 seats, Con 5, Lab 3, Ind 1 (control Con). 3 seats up; defended Con 2, Lab 1; continuing = eve of poll − defended: Con 3, Lab 2, Ind 1.",
            trafford.Baseline!.Source);
        Assert.Equal(new SourceLocation(files.HistoryPath, 2), Assert.Single(batch.Sources));
        Assert.Contains("Continuing seats: 0 councils all-out (none), 0 resized and all-out on new wards (none), 0 all-out with seats missing from the log (none), 1 by thirds or halves (eve of poll − defended), of which 0 needed reconciling.", batch.Notes);
    }

    [Fact]
    public void APartyDefendingMoreThanItHoldsIsClampedAndTheSurplusIsScaledDownByLargestRemainder()
    {
        // UKIP won two of the seats up but holds none now (its councillors left). Raw Con 6-1, Lab 4-1, Ind 2 is 10 for
        // 8 seats not up: quotas 8×5/10 = 4, 8×3/10 = 2.4, 8×2/10 = 1.6; the eighth seat goes to Ind's larger remainder.
        Party[] ukip = [PartyCatalog.Ukip];
        var state = Election(("wyre-forest", [ukip, ukip, ConSeat, LabSeat]));
        var roster = files.Write(
            Councillors("Wyre Forest", ("PP52", Con, 6), ("PP53", Lab, 4), ("", "Independent / Other", 2)),
            Snapshot("Wyre Forest", 2017, 12, 6, 4, 0, 0, 0, 2, "Con plurality") + Snapshot("Wyre Forest", 2018, 12, 6, 4, 0, 0, 0, 2, "Con plurality"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var council = ResultsEngine.Fold(state, batch.Events).Councils["wyre-forest"];

        Assert.Equal([new PartyCount(PartyCatalog.Independent, 2), new PartyCount(PartyCatalog.Conservative, 4), new PartyCount(PartyCatalog.Labour, 2)], council.Continuing.Entries.AsEnumerable());
        Assert.Equal(
            "Open Council Data 2017: 12 seats, Con 6, Lab 4, Ind 2 (no overall control). 4 seats up; defended UKIP 2, Con 1, Lab 1; eve of poll − defended, clamped at zero, gives Con 5, Lab 3, Ind 2 = 10, 2 more than the 8 seats not up (UKIP defends 2 but holds 0); scaled down in proportion (largest remainder), continuing: Con 4, Ind 2, Lab 2.",
            council.Baseline!.Source);
        Assert.Contains("of which 1 needed reconciling: wyre-forest (2 too many (UKIP defends 2 but holds 0), scaled down in proportion).", batch.Notes.Single(n => n.StartsWith("Continuing seats:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void SeatsUpWithNoDefendedPartyMakeASurplusThatIsScaledDown()
    {
        // Con 6-1, Lab 4-1 is 8 for 7 seats not up: quotas 4.375 and 2.625, so the seventh goes to Labour.
        var election = Election(("rugby", [ConSeat, LabSeat, null]));
        var state = ResultsEngine.Fold(election, [new BallotBaselineRecorded(new BallotBaseline
        {
            BallotId = "local.rugby.ward-2.2018-05-03",
            Kind = BaselineKind.NotComparable,
            Source = "redrawn ward",
        })]);
        var roster = files.Write(
            Councillors("Rugby", ("PP52", Con, 6), ("PP53", Lab, 4)),
            Snapshot("Rugby", 2017, 10, 6, 4, 0, 0, 0, 0, "Con") + Snapshot("Rugby", 2018, 10, 6, 4, 0, 0, 0, 0, "Con"));

        var council = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()).Events).Councils["rugby"];

        Assert.Equal([new PartyCount(PartyCatalog.Conservative, 4), new PartyCount(PartyCatalog.Labour, 3)], council.Continuing.Entries.AsEnumerable());
        Assert.Equal(
            "Open Council Data 2017: 10 seats, Con 6, Lab 4 (control Con). 3 seats up; defended Con 1, Lab 1 (1 seat more, in 1 ballot, with no defended party recorded); eve of poll − defended gives Con 5, Lab 3 = 8, 1 more than the 7 seats not up (1 seat up with no defended party); scaled down in proportion (largest remainder), continuing: Con 4, Lab 3.",
            council.Baseline!.Source);
    }

    [Fact]
    public void VacantSeatsNotUpAreLeftUnattributedAndCountAsUndeclared()
    {
        var state = Election(("exeter", [ConSeat, ConSeat, LabSeat]));
        var roster = files.Write(
            Councillors("Exeter", ("PP52", Con, 5), ("PP53", Lab, 4)),
            Snapshot("Exeter", 2017, 10, 5, 4, 0, 0, 0, 0, "Con plurality") + Snapshot("Exeter", 2018, 10, 5, 5, 0, 0, 0, 0, "Con plurality"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var council = ResultsEngine.Fold(state, batch.Events).Councils["exeter"];

        // 10 seats, 9 councillors: Con 5-2 and Lab 4-1 continue, 6 of the 7 seats not up; the vacant one is still to come.
        Assert.Equal([new PartyCount(PartyCatalog.Conservative, 3), new PartyCount(PartyCatalog.Labour, 3)], council.Continuing.Entries.AsEnumerable());
        Assert.Equal((10, 4), (council.TotalSeats, council.SeatsUndeclared));
        Assert.Equal(CouncilControl.NoOverall, council.ControlBefore);
        Assert.Equal(
            "Open Council Data 2017: 10 seats (1 vacant), Con 5, Lab 4 (no overall control). 3 seats up; defended Con 2, Lab 1; continuing = eve of poll − defended: Con 3, Lab 3 = 6, 1 fewer than the 7 seats not up (1 vacant); those are left unattributed and count as undeclared.",
            council.Baseline!.Source);
        Assert.Contains("exeter: 1 vacant on the eve of poll (history total 10, 9 councillors in the roster).", batch.Notes);
    }

    [Fact]
    public void WithNoDefendedSeatsAtAllTheEveOfPollIsScaledDownToTheSeatsNotUp()
    {
        var state = Election(("hart", [null, null, null]));
        var roster = files.Write(
            Councillors("Hart", ("PP52", Con, 4), ("PP367", "Community Campaign (Hart)", 3), ("PP90", "Liberal Democrats", 2)),
            Snapshot("Hart", 2017, 9, 4, 0, 2, 0, 0, 3, "Con plurality") + Snapshot("Hart", 2018, 9, 4, 0, 2, 0, 0, 3, "Con plurality"));

        var council = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()).Events).Councils["hart"];

        // 6 seats not up shared 4:3:2 of 9 give quotas 2.67, 2 and 1.33: Con 2, CCH 2, LD 1, and the sixth to Con.
        Assert.Equal(
            "Open Council Data 2017: 9 seats, Con 4, Community Campaign (Hart) 3, LD 2 (no overall control). 3 seats up, none with a defended party recorded (no comparable ballot baseline in the log), so continuing is the eve of poll scaled down to the 6 seats not up in proportion (largest remainder): Con 3, Community Campaign (Hart) 2, LD 1.",
            council.Baseline!.Source);
        Assert.Equal(6, council.Continuing.Total);
    }

    [Fact]
    public void ALocalPartyTheSourcesKeyDifferentlyIsPairedWhenItIsTheOnlyOneOnEachSide()
    {
        // LEAP knows the Canvey Island Independent Party as CIIP, Open Council Data by its register id PP381.
        var ciip = new Party("label:ciip", "CIIP");
        var state = Election(("castle-point", [[ciip], [ciip], ConSeat]));
        var roster = files.Write(
            Councillors("Castle Point", ("PP52", Con, 5), ("PP381", "Canvey Island Independent Party", 4)),
            Snapshot("Castle Point", 2017, 9, 5, 0, 0, 0, 0, 4, "Con") + Snapshot("Castle Point", 2018, 9, 5, 0, 0, 0, 0, 4, "Con"));

        var council = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()).Events).Councils["castle-point"];

        Assert.Equal([new PartyCount(new Party("PP381", "Canvey Island Independent Party"), 2), new PartyCount(PartyCatalog.Conservative, 4)], council.Continuing.Entries.AsEnumerable());
        Assert.Equal(
            "Open Council Data 2017: 9 seats, Con 5, Canvey Island Independent Party 4 (control Con). 3 seats up; defended CIIP 2, Con 1; CIIP taken as Canvey Island Independent Party, the one local party on each side without a match by id; continuing = eve of poll − defended: Con 4, Canvey Island Independent Party 2.",
            council.Baseline!.Source);
    }

    [Fact]
    public void ALocalPartyIsNotPairedWhenTheRosterHasTwoItCouldBe()
    {
        var ciip = new Party("label:ciip", "CIIP");
        var state = Election(("castle-point", [[ciip], ConSeat, ConSeat]));
        var roster = files.Write(
            Councillors("Castle Point", ("PP52", Con, 5), ("PP381", "Canvey Island Independent Party", 3), ("PP999", "Benfleet Residents", 1)),
            Snapshot("Castle Point", 2017, 9, 5, 0, 0, 0, 0, 4, "Con") + Snapshot("Castle Point", 2018, 9, 5, 0, 0, 0, 0, 4, "Con"));

        var council = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()).Events).Councils["castle-point"];

        // Con 5-2, CIIP 3, Benfleet 1 is 7 for 6 seats not up: quotas 2.57, 2.57, 0.86. Benfleet's remainder is largest;
        // Con and CIIP tie for the sixth on remainder and count, so it goes to the lower register id, PP381.
        Assert.Equal(
            "Open Council Data 2017: 9 seats, Con 5, Canvey Island Independent Party 3, Benfleet Residents 1 (control Con). 3 seats up; defended Con 2, CIIP 1; eve of poll − defended, clamped at zero, gives Canvey Island Independent Party 3, Con 3, Benfleet Residents 1 = 7, 1 more than the 6 seats not up (CIIP defends 1 but holds 0); scaled down in proportion (largest remainder), continuing: Canvey Island Independent Party 3, Con 2, Benfleet Residents 1.",
            council.Baseline!.Source);
    }

    [Fact]
    public void AnAllOutCouncilHasNoContinuingSeats()
    {
        var state = Election(("westminster", [null, null, null]));
        var roster = files.Write(
            Councillors("Westminster", ("PP52", Con, 2), ("PP53", Lab, 1)),
            Snapshot("Westminster", 2017, 3, 2, 1, 0, 0, 0, 0, "Con") + Snapshot("Westminster", 2018, 3, 2, 1, 0, 0, 0, 0, "Con"));

        var council = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()).Events).Councils["westminster"];

        Assert.Empty(council.Continuing.Entries);
        Assert.Equal("Open Council Data 2017: 3 seats, Con 2, Lab 1 (control Con). All 3 seats up: no continuing seats.", council.Baseline!.Source);
        Assert.Equal([new PartyCount(PartyCatalog.Conservative, 2), new PartyCount(PartyCatalog.Labour, 1)], council.Baseline.EveOfPoll.AsEnumerable());
    }

    [Fact]
    public void ACouncilResizedThisYearTakesItsNewSizeAndKeepsControlFromTheOldComposition()
    {
        var state = Election(("eastleigh", [null, null, null]));
        var roster = files.Write(
            Councillors("Eastleigh", ("PP90", "Liberal Democrats", 3), ("PP52", Con, 1)),
            Snapshot("Eastleigh", 2017, 4, 1, 0, 3, 0, 0, 0, "LD") + Snapshot("Eastleigh", 2018, 3, 0, 0, 3, 0, 0, 0, "LD"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var council = ResultsEngine.Fold(state, batch.Events).Councils["eastleigh"];

        Assert.Equal((3, 2), (council.TotalSeats, council.Majority));
        Assert.Equal(PartyCatalog.LiberalDemocrats, council.Baseline!.ControlBefore);
        Assert.Equal((4, 4), (council.Baseline.EveOfPollSize, council.Baseline.EveOfPoll.Sum(e => e.Seats)));
        Assert.Equal(0, council.Continuing.Total);
        Assert.Equal("Open Council Data 2017: 4 seats, LD 3, Con 1 (control LD). Resized to 3 seats (Open Council Data 2018), all up on new wards: no continuing seats; the eve-of-poll composition above is of the old 4 seats.", council.Baseline.Source);
        Assert.Contains($"eastleigh: resized from 4 to 3 seats ({files.HistoryPath}:3), all up on new wards: size 3, no continuing seats; the eve-of-poll composition (LD 3, Con 1) is of the old 4 seats.", batch.Notes);
    }

    [Fact]
    public void ACouncilResizedWithOnlyPartOfItsSeatsUpIsRefused()
    {
        var state = Election(("eastleigh", [null]));
        var roster = files.Write(
            Councillors("Eastleigh", ("PP90", "Liberal Democrats", 4)),
            Snapshot("Eastleigh", 2017, 4, 0, 0, 4, 0, 0, 0, "LD") + Snapshot("Eastleigh", 2018, 3, 0, 0, 3, 0, 0, 0, "LD"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(files.HistoryPath, 3), e.Where);
        Assert.Equal("'Eastleigh' changes size from 4 (2017, line 2) to 3 (2018), which only a boundary review with an all-out election on new wards does, but the log has 1 of its seats up; the history and the election's ballots contradict each other.", e.Reason);
    }

    [Fact]
    public void MoreThanTwoThirdsOfTheSeatsUpButNotAllIsAllOutWithAPollMissing()
    {
        var state = Election(("brent", [null, null, null]));
        var roster = files.Write(
            Councillors("Brent", ("PP53", Lab, 4)),
            Snapshot("Brent", 2017, 4, 0, 4, 0, 0, 0, 0, "Lab") + Snapshot("Brent", 2018, 4, 0, 4, 0, 0, 0, 0, "Lab"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var council = ResultsEngine.Fold(state, batch.Events).Councils["brent"];

        Assert.Equal((0, 4), (council.Continuing.Total, council.SeatsUndeclared));
        Assert.Equal("Open Council Data 2017: 4 seats, Lab 4 (control Lab). 3 of 4 seats up in the log, more than thirds or halves elect, so all-out: no continuing seats, and 1 seat in polls not in the log left undeclared.", council.Baseline!.Source);
    }

    [Fact]
    public void CouncilNamesMatchAcrossAmpersandsPunctuationAndTheKnownCityOfLincoln()
    {
        var state = Election(("brighton-and-hove", [null]), ("st-helens", [null]), ("city-of-lincoln", [null]), ("kingston-upon-hull", [null]));
        var roster = files.Write(
            Councillors("Brighton & Hove", ("PP63", "Green Party (E&W)", 1)) + Councillors("St. Helens", ("PP53", Lab, 1))
                + Councillors("Lincoln", ("PP53", Lab, 1)) + Councillors("Kingston upon Hull", ("PP53", Lab, 1)) + Councillors("Lincolnshire", ("PP52", Con, 1)),
            Snapshot("Brighton & Hove", 2017, 1, 0, 0, 0, 1, 0, 0, "Green") + Snapshot("St. Helens", 2017, 1, 0, 1, 0, 0, 0, 0, "Lab")
                + Snapshot("Lincoln", 2017, 1, 0, 1, 0, 0, 0, 0, "Lab") + Snapshot("Kingston upon Hull", 2017, 1, 0, 1, 0, 0, 0, 0, "Lab"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var after = ResultsEngine.Fold(state, batch.Events);

        Assert.Equal(["brighton-and-hove", "city-of-lincoln", "kingston-upon-hull", "st-helens"], batch.Events.Cast<CouncilBaselineRecorded>().Select(e => e.Baseline.CouncilSlug));
        Assert.Equal(PartyCatalog.Green, after.Councils["brighton-and-hove"].Baseline!.ControlBefore);
        Assert.Contains("The roster: all 4 councils of the election found, 3 by name as Slug.ForMatching has it (of which differing only in punctuation, '&' or 'the': brighton-and-hove = 'Brighton & Hove'), 1 through a known difference (city-of-lincoln = 'Lincoln'); its one other council is not in this election.", batch.Notes);
        Assert.Contains("brighton-and-hove: the history has no 2018 row, so a change of size this year could not be checked; the 2017 size is used.", batch.Notes);
    }

    [Fact]
    public void ACouncilOfTheElectionFoundInNeitherFileIsRefusedByName()
    {
        var state = Election(("city-of-westminster", [null]), ("trafford", [null]));
        var roster = files.Write(
            Councillors("Westminster", ("PP52", Con, 1)) + Councillors("Trafford", ("PP52", Con, 1)),
            Snapshot("Westminster", 2017, 1, 1, 0, 0, 0, 0, 0, "Con") + Snapshot("Trafford", 2017, 1, 1, 0, 0, 0, 0, 0, "Con"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(roster, 1), e.Where);
        Assert.Equal("the roster has no council named like city-of-westminster. Every council of the election needs exactly one: names are compared as Slug.ForMatching has them, and the known differences are city-of-lincoln = 'Lincoln'; a council is never guessed.", e.Reason);
    }

    [Fact]
    public void ACouncilNamedTwiceInOneFileIsRefusedRatherThanPicked()
    {
        var state = Election(("st-helens", [null]));
        var roster = files.Write(
            Councillors("St Helens", ("PP53", Lab, 1)) + Councillors("St. Helens", ("PP53", Lab, 1)),
            Snapshot("St. Helens", 2017, 2, 0, 2, 0, 0, 0, 0, "Lab"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.StartsWith("the roster has more than one council named like st-helens ('St Helens', 'St. Helens'). ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARosterWithoutThePartyCodeColumnIsRefused()
    {
        var state = Election(("trafford", [null]));
        var roster = files.WriteFile("roster.csv", "Council,Ward Name,Councillor Name,Party Name\nTrafford,Altrincham,A,Labour Party\n");
        files.WriteFile(HistoryName, HistoryHeader);

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(roster, 1), e.Where);
        Assert.Equal("the header lacks Electoral Commission Party Code; an Open Council Data roster needs Council, Councillor Name, Party Name, Electoral Commission Party Code.", e.Reason);
    }

    [Fact]
    public void AHistoryWithoutTheMajorityColumnIsRefused()
    {
        var state = Election(("trafford", [null]));
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 1)), string.Empty);
        File.WriteAllText(files.HistoryPath, "id,council id,authority,year,total,con,lab,ld,green,ukip,ref,pc,snp,other\n");

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(files.HistoryPath, 1), e.Where);
        Assert.Equal("the header lacks majority; Open Council Data's history needs authority, year, total, con, lab, ld, green, ukip, ref, pc, snp, other, majority.", e.Reason);
    }

    [Fact]
    public void ATotalThatIsNotAWholeNumberIsRefusedWithItsLine()
    {
        var state = Election(("trafford", [null]));
        var roster = files.Write(
            Councillors("Trafford", ("PP52", Con, 1)),
            Snapshot("Adur", 2017, 29, 15, 3, 0, 0, 8, 3, "Con") + "2,2,Trafford,2017,sixty-three,34,25,3,0,0,0,0,0,1,Con\n");

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(files.HistoryPath, 3), e.Where);
        Assert.Equal("total 'sixty-three' is not a whole number; the history's total column holds a count of seats.", e.Reason);
    }

    [Fact]
    public void TwoDisagreeingRowsForOneCouncilAndYearAreRefused()
    {
        var state = Election(("trafford", [null]));
        var roster = files.Write(
            Councillors("Trafford", ("PP52", Con, 1)),
            Snapshot("Trafford", 2017, 63, 34, 25, 3, 0, 0, 1, "Con") + Snapshot("Trafford", 2017, 63, 33, 26, 3, 0, 0, 1, "Con"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(files.HistoryPath, 3), e.Where);
        Assert.Equal("'Trafford' has a second 2017 row, which disagrees with line 2 (con 33 against 34, lab 26 against 25); one council has one snapshot a year, so the file cannot say which is right.", e.Reason);
    }

    [Fact]
    public void ARowRepeatedExactlyIsReadOnceWithANote()
    {
        var state = Election(("trafford", [null]));
        var row = Snapshot("Trafford", 2017, 1, 1, 0, 0, 0, 0, 0, "Con");
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 1)), row + row);

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());

        Assert.Single(batch.Events);
        Assert.Contains($"{files.HistoryPath}:3 repeats the 2017 row of 'Trafford' on line 2 exactly; it is read once.", batch.Notes);
    }

    [Fact]
    public void ARosterWithNoHistoryBesideItIsRefused()
    {
        var state = Election(("trafford", [null]));
        var roster = files.WriteFile("roster.csv", RosterHeader + Councillors("Trafford", ("PP52", Con, 1)));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal($"no council history beside the roster: the folder {files.Folder} must hold Open Council Data's history file (history*.csv, e.g. history2016-2025.csv), which gives each council's size and control.", e.Reason);
    }

    [Fact]
    public void TwoHistoryFilesBesideTheRosterAreRefusedRatherThanPicked()
    {
        var state = Election(("trafford", [null]));
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 1)), Snapshot("Trafford", 2017, 1, 1, 0, 0, 0, 0, 0, "Con"));
        files.WriteFile("history2016-2024.csv", HistoryHeader);

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal($"2 files in {files.Folder} are named like history*.csv (history2016-2024.csv, history2016-2025.csv); keep the one council history beside the roster.", e.Reason);
    }

    [Fact]
    public void MoreCouncillorsThanSeatsIsRefused()
    {
        var state = Election(("trafford", [null]));
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 3)), Snapshot("Trafford", 2017, 2, 2, 0, 0, 0, 0, 0, "Con"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(roster, 2), e.Where);
        Assert.Equal($"'Trafford' has 3 councillors in the roster but 2 seats in the history ({files.HistoryPath}:2); a council seats no more councillors than its size.", e.Reason);
    }

    [Fact]
    public void MoreSeatsUpThanTheCouncilHasIsRefused()
    {
        var state = Election(("trafford", [null, null, null]));
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 2)), Snapshot("Trafford", 2017, 2, 2, 0, 0, 0, 0, 0, "Con"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(files.HistoryPath, 2), e.Where);
        Assert.Equal("'Trafford' has 2 seats, but the log has 3 of them up in trafford; the history's total and the election's ballots contradict each other.", e.Reason);
    }

    [Fact]
    public void ALogWithoutCouncilsIsRefused()
    {
        var roster = files.Write(Councillors("Trafford", ("PP52", Con, 1)), Snapshot("Trafford", 2017, 1, 1, 0, 0, 0, 0, 0, "Con"));

        var e = Assert.Throws<MalformedInputException>(() => OpenCouncilDataBaselines.Read(roster, ElectionState.Empty, new ImportOptions()));

        Assert.Equal("the log has no councils yet; an eve-of-poll baseline belongs to a council of the election, so import the election (dc-results or leap) first.", e.Reason);
    }

    [Fact]
    public void IndependentOtherCountsAsIndependentAndLabourCoOperativeAsLabour()
    {
        var state = Election(("preston", [null]));
        var roster = files.Write(
            Councillors("Preston", ("PP53", "Labour and Co-operative Party", 2), ("PP119", "Co-operative Party", 1), ("", "Independent / Other", 2), ("PP4039", "Peterborough First", 1), ("PP4039", "Werrington First", 1)),
            Snapshot("Preston", 2017, 7, 0, 3, 0, 0, 0, 4, "Lab plurality"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());
        var baseline = ((CouncilBaselineRecorded)Assert.Single(batch.Events)).Baseline;

        Assert.Equal([("IND", 2), ("PP4039", 2), ("PP53", 3)], baseline.EveOfPoll.Select(e => (e.Party.Id, e.Seats)));
        Assert.Contains("2 councillors of these councils are filed as 'Independent / Other' with no register id; they count as Independent (seat totals group independents), and so does any unregistered local group among them.", batch.Notes);
        Assert.Contains("preston: register id PP4039 is named 'Peterborough First' and 'Werrington First' in the roster; counted as one party, since seats are counted by register id.", batch.Notes);
    }

    [Theory]
    [InlineData(6, 3, "PP52")] // 6 of 10: the majority threshold floor(10/2) + 1 = 6
    [InlineData(5, 4, null)] // 5 of 10 (one vacant): short of 6, whatever the vacancy
    [InlineData(5, 5, null)] // a tie for largest is no overall control
    public void ControlBeforeNeedsAMajorityOfTheStatutorySize(int con, int lab, string? controller)
    {
        var state = Election(("trafford", [null, null, null]));
        var roster = files.Write(
            Councillors("Trafford", ("PP52", Con, con), ("PP53", Lab, lab)),
            Snapshot("Trafford", 2017, 10, con, lab, 0, 0, 0, 0, controller is null ? "Con plurality" : "Con"));

        var batch = OpenCouncilDataBaselines.Read(roster, state, new ImportOptions());

        Assert.Equal(controller, ((CouncilBaselineRecorded)Assert.Single(batch.Events)).Baseline.ControlBefore?.Id);
        Assert.DoesNotContain(batch.Notes, n => n.Contains("majority is", StringComparison.Ordinal));
    }

    [Fact]
    public void ScalingDownGivesTheRemainingSeatsByLargestRemainderThenLargerCountThenRegisterId()
    {
        var a = new Party("PP1", "A");
        var b = new Party("PP2", "B");
        var c = new Party("PP3", "C");

        // 3 seats for 2+2+2: quotas 1 each, no remainder. 4 for 3+3+2: 1.5, 1.5, 1 — the fourth is tied between A and
        // B on remainder and count, so it goes to the lower id. 5 for 4+4+2 (of 10): 2, 2, 1 exactly.
        Assert.Equal([(a, 1), (b, 1), (c, 1)], Scale(3, (a, 2), (b, 2), (c, 2)));
        Assert.Equal([(a, 2), (b, 1), (c, 1)], Scale(4, (a, 3), (b, 3), (c, 2)));
        Assert.Equal([(a, 2), (b, 2), (c, 1)], Scale(5, (a, 4), (b, 4), (c, 2)));
        Assert.Equal([(a, 3), (b, 1)], Scale(9, (a, 3), (b, 1)));
    }

    [Fact]
    public void TheFormatIsRegisteredAsEveOfPollOcd()
    {
        Assert.Equal("eve-of-poll-ocd", OpenCouncilDataBaselines.FormatName);
        Assert.Equal(new ImportReader(OpenCouncilDataBaselines.Read), ImportFormats.Find("eve-of-poll-ocd"));
    }

    private static List<(Party, int)> Scale(int target, params (Party Party, int Seats)[] seats) =>
        [.. ContinuingSeats.ScaleDown(PartySeats.Of(seats.Select(s => new PartyCount(s.Party, s.Seats))), target).Entries.Select(e => (e.Party, e.Seats))];
}
