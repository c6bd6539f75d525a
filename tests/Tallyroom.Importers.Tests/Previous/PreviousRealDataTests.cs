using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.Previous;
using Tallyroom.Importers.Tests.Leap;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.Previous;

/// <summary>
/// The real 2018 election (Democracy Club with ward codes) and the night's three baseline imports in the manifest's
/// order, LEAP 2014, then GLA 2014 for London, then LEAP 2016, each folded onto the state the one before left.
/// </summary>
public sealed class RealPreviousImports
{
    public RealPreviousImports()
    {
        var dc = DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
        Election = ResultsEngine.Fold(ElectionState.Empty, dc.Events);
        Leap2014 = PreviousLeap.Read(LeapSource.File2014, Election, new ImportOptions { PollingDay = PreviousSource.PollingDay2014, WardCodeChangesPath = PreviousSource.WardCodeChangesFile });
        After2014 = ResultsEngine.Fold(Election, Leap2014.Events);
        Gla = PreviousGla.Read(PreviousSource.GlaFile, After2014, new ImportOptions { WardCodeChangesPath = PreviousSource.WardCodeChangesFile });
        AfterGla = ResultsEngine.Fold(After2014, Gla.Events);
        Leap2016 = PreviousLeap.Read(LeapSource.File2016, AfterGla, new ImportOptions { WardCodeChangesPath = PreviousSource.WardCodeChangesFile });
        Night = ResultsEngine.Fold(AfterGla, Leap2016.Events);
    }

    public ElectionState Election { get; }

    public ImportBatch Leap2014 { get; }

    public ElectionState After2014 { get; }

    public ImportBatch Gla { get; }

    public ElectionState AfterGla { get; }

    public ImportBatch Leap2016 { get; }

    public ElectionState Night { get; }
}

public sealed class PreviousRealDataTests(RealPreviousImports imports) : IClassFixture<RealPreviousImports>
{
    private static readonly DateOnly PollingDay2016 = new(2016, 5, 5);

    [Fact]
    public void EachRealImportPassesTheRulesAndGivesABaselineToEveryBallotOfTheCouncilsItCovers()
    {
        var ballotsByCouncil = imports.Election.Ballots.Values.GroupBy(b => b.Definition.CouncilSlug).ToDictionary(g => g.Key, g => g.Count());
        var londonBoroughs = PreviousSource.Gla.Select(r => Slug.Make(r.Borough)).ToHashSet();

        // All-out in 2016: the councils whose LEAP 2016 winners number their whole size (Open Council Data, 2016),
        // which is how a user would check the importer's rule. LEAP calls the City of Lincoln "Lincoln".
        var sizes2016 = PreviousSource.CouncilSizes(2016);
        var allOut2016 = PreviousSource.Leap2016.Where(r => r.Elected).GroupBy(r => r.Council)
            .Where(g => sizes2016.GetValueOrDefault(g.Key) == g.Count())
            .Select(g => g.Key == "Lincoln" ? "city-of-lincoln" : Slug.Make(g.Key))
            .Where(ballotsByCouncil.ContainsKey)
            .ToHashSet();

        Assert.All(imports.Leap2014.Events.Concat(imports.Gla.Events).Concat(imports.Leap2016.Events), e => Assert.IsType<BallotBaselineRecorded>(e));
        Assert.Equal(2737, imports.Leap2014.Events.Count);
        Assert.Equal(32, londonBoroughs.Count);
        Assert.Equal(imports.Election.Ballots.Values.Count(b => londonBoroughs.Contains(b.Definition.CouncilSlug)), imports.Gla.Events.Count);
        Assert.Equal(630, imports.Gla.Events.Count);
        Assert.Equal(
            ["cherwell", "city-of-lincoln", "colchester", "elmbridge", "exeter", "knowsley", "peterborough", "rochford", "sheffield", "watford", "welwyn-hatfield", "winchester", "woking"],
            allOut2016.Order());
        Assert.Equal(allOut2016.Order(), BaselinedCouncils(imports.Leap2016).Order());
        Assert.Equal(allOut2016.Sum(c => ballotsByCouncil[c]), imports.Leap2016.Events.Count);
        Assert.Equal(199, imports.Leap2016.Events.Count);
    }

    [Fact]
    public void EveryLondonWardUnchangedSince2014DefendsItsGlaWinnersAndRedrawnWardsAreNotComparable()
    {
        var redrawn = PreviousSource.CodesNewAfter(PreviousSource.PollingDay2014);
        var winners = PreviousSource.Gla.Where(r => r.Elected).ToLookup(r => r.WardCode);
        var london = imports.AfterGla.Ballots.Values.Where(b => b.Baseline!.Source.Contains("GLA london_council_election_2014_ward.csv", StringComparison.Ordinal)).ToList();
        var unchanged = london.Where(b => !redrawn.Contains(b.Definition.WardGssCode!)).ToList();

        Assert.Equal(630, london.Count);
        Assert.Equal(541, unchanged.Count);
        Assert.All(unchanged, b =>
        {
            var expected = winners[b.Definition.WardGssCode!].GroupBy(r => r.Key).Select(g => (g.Key, g.Count())).Order();
            Assert.Equal(BaselineKind.Actual, b.Baseline!.Kind);
            Assert.Equal(PreviousSource.PollingDay2014, b.Baseline.LastFought);
            Assert.Equal(b.Definition.SeatsUp, winners[b.Definition.WardGssCode!].Count());
            Assert.Equal(expected, b.Baseline.Defended.Select(d => (PreviousSource.GlaKeyOf(d.Party), d.Seats)).Order());
            Assert.Equal(PreviousSource.Gla.Count(r => r.WardCode == b.Definition.WardGssCode), b.Baseline.Previous.Length);
        });
        Assert.All(london.Except(unchanged), b => Assert.Equal((BaselineKind.NotComparable, 0, (DateOnly?)null), (b.Baseline!.Kind, b.Baseline.Defended.Length, b.Baseline.LastFought)));
        Assert.Equal(["bexley", "croydon", "redbridge", "southwark"], london.Except(unchanged).Select(b => b.Definition.CouncilSlug).Distinct().Order());

        // Hackney and Tower Hamlets were redrawn too, but for the 2014 election itself (in force 22 May 2014).
        Assert.Equal(41, london.Count(b => b.Definition.CouncilSlug is "hackney" or "tower-hamlets" && b.Baseline!.Kind == BaselineKind.Actual));
        Assert.Equal(
            "Not comparable with GLA london_council_election_2014_ward.csv, poll of 2014-05-22: ward redrawn since 2014-05-22: its ONS code E05011464 replaced E05000148 under The London Borough of Croydon (Electoral Changes) Order 2017, in force 2018-05-03.",
            imports.AfterGla.Ballots["local.croydon.bensham-manor.2018-05-03"].Baseline!.Source);
    }

    [Fact]
    public void ThirdsCouncilsDefendTheirWardsWinnersOf2014AndTheTopPlacedWhenMoreWereElected()
    {
        string[] councils = ["Bolton", "Coventry", "Trafford", "Southampton"];
        foreach (var council in councils)
        {
            var rows2014 = LeapSource.Leap2014.Where(r => r.Council == council).ToList();
            var ballots = imports.After2014.Ballots.Values.Where(b => b.Definition.CouncilSlug == Slug.Make(council)).ToList();
            Assert.NotEmpty(ballots);
            foreach (var ballot in ballots)
            {
                var ward = ballot.Definition.Id.Split('.')[2];
                var elected = rows2014.Where(r => Slug.ForMatching(r.Ward) == Slug.ForMatching(ward) && r.IsElected).ToList();
                var seats = DemocracyClubCounts.OrdinaryLocalRows.Count(r => r.BallotId == ballot.Definition.Id && r.Winner);
                var baseline = ballot.Baseline!;
                if (elected.Count < seats)
                {
                    Assert.Equal(BaselineKind.NotComparable, baseline.Kind);
                    continue;
                }

                var defended = elected.OrderByDescending(r => int.Parse(r.Votes, System.Globalization.CultureInfo.InvariantCulture)).Take(seats)
                    .GroupBy(r => Grouped(r.Party)).Select(g => (g.Key, g.Count())).Order();
                Assert.Equal((BaselineKind.Actual, (DateOnly?)PreviousSource.PollingDay2014), (baseline.Kind, baseline.LastFought));
                Assert.Equal(defended, baseline.Defended.Select(d => (Grouped(LeapSource.CodeOf(d.Party)), d.Seats)).Order());
            }
        }

        // Bolton has every case: Bromley Cross fills a casual vacancy too (2 up, 1 won in 2014), and Horwich and
        // Blackrod had one (2 won in 2014, 1 up). In Coventry's Cheylesmore the top-placed Conservative took the full term.
        var bolton = imports.After2014.Ballots.Values.Where(b => b.Definition.CouncilSlug == "bolton").ToList();
        Assert.Equal((19, 1), (bolton.Count(b => b.Baseline!.Kind == BaselineKind.Actual), bolton.Count(b => b.Baseline!.Kind == BaselineKind.NotComparable)));
        Assert.Equal(
            "Not comparable with LEAP 2014_results.csv, poll of 2014-05-22: Bolton, Bromley Cross (matched by council and ward name) filled 1 seat then, but 2 are up now; the extra seat fills a casual vacancy whose last contest is not in the file.",
            imports.After2014.Ballots["local.bolton.bromley-cross.2018-05-03"].Baseline!.Source);
        Assert.Equal(4, imports.After2014.Ballots["local.bolton.bromley-cross.2018-05-03"].Baseline!.Previous.Length);
        var cheylesmore = imports.After2014.Ballots["local.coventry.cheylesmore.2018-05-03"].Baseline!;
        Assert.Equal<PartyCount>([new PartyCount(Core.Parties.PartyCatalog.Conservative, 1)], cheylesmore.Defended);
        Assert.Equal(
            "LEAP 2014_results.csv, poll of 2014-05-22: Coventry, Cheylesmore, matched by council and ward name; 2 elected then for 1 seat now: the 1 top-placed defended, having taken the full four-year term (the others filled seats with shorter terms); local parties counted as this election keys them: TUSC as Trade Unionist and Socialist Coalition (PP804).",
            cheylesmore.Source);
    }

    [Fact]
    public void CouncilsAllOutIn2016DefendTheirLowestPlacedWinnersOf2016()
    {
        var baselined = imports.Night.Ballots.Values.Where(b => b.Baseline!.Source.Contains("LEAP leap-2016-05-05.csv", StringComparison.Ordinal)).ToList();
        var byCode = PreviousSource.Leap2016.ToLookup(r => r.WardCode);

        Assert.Equal(199, baselined.Count);
        Assert.All(baselined.Where(b => b.Baseline!.Kind == BaselineKind.Actual), b =>
        {
            // Stable sort: LEAP lists a ward's candidates by votes, so equal votes keep the file's order.
            var lowest = byCode[b.Definition.WardGssCode!].Where(r => r.Elected).OrderBy(r => r.Votes).Take(b.Definition.SeatsUp)
                .GroupBy(r => Grouped(r.Party)).Select(g => (g.Key, g.Count())).Order();
            Assert.Equal(PollingDay2016, b.Baseline!.LastFought);
            Assert.Equal(lowest, b.Baseline.Defended.Select(d => (Grouped(LeapSource.CodeOf(d.Party)), d.Seats)).Order());
        });
        Assert.Equal(195, baselined.Count(b => b.Baseline!.Kind == BaselineKind.Actual));

        // Cherwell's four: LEAP 2016 files them under codes of a later date than Democracy Club's.
        Assert.Equal(
            ["local.cherwell.adderbury-bloxham-bodicote.2018-05-03", "local.cherwell.banbury-calthorpe-easington.2018-05-03", "local.cherwell.bicester-south-ambrosden.2018-05-03", "local.cherwell.fringford-heyfords.2018-05-03"],
            baselined.Where(b => b.Baseline!.Kind == BaselineKind.NotComparable).Select(b => b.Definition.Id).Order());

        // Stocksbridge and Upper Don elected two UKIP and one Labour councillor in 2016; Labour's, the lowest, is up.
        var stocksbridge = imports.Night.Ballots["local.sheffield.stocksbridge-upper-don.2018-05-03"].Baseline!;
        Assert.Equal<PartyCount>([new PartyCount(Core.Parties.PartyCatalog.Labour, 1)], stocksbridge.Defended);
        Assert.Equal(
            "LEAP leap-2016-05-05.csv, poll of 2016-05-05: Sheffield, Stocksbridge and Upper Don, matched by ward code E05010881; 3 elected then, all-out, for 1 seat now: the 1 lowest-placed defended, whose term was the shortest, ending in 2018; local parties counted as this election keys them: TUSC as Trade Unionist and Socialist Coalition (PP804).",
            stocksbridge.Source);
    }

    [Fact]
    public void AfterTheNightsThreeImportsEveryBallotHasABaselineAndTheNotComparableOnesSayWhy()
    {
        var baselines = imports.Night.Ballots.Values.Select(b => b.Baseline!).ToList();
        var notComparable = baselines.Where(b => b.Kind == BaselineKind.NotComparable).ToList();
        var codes = PreviousSource.WardCodes2018();
        var redrawn = PreviousSource.CodesNewAfter(PreviousSource.PollingDay2014);

        Assert.Equal(2737, baselines.Count);
        Assert.Equal((2226, 511), (baselines.Count(b => b.Kind == BaselineKind.Actual), notComparable.Count));
        Assert.Equal(
            codes.Where(c => redrawn.Contains(c.Value)).Select(c => c.Key).Order(),
            imports.Night.Ballots.Values.Where(b => b.Baseline!.Source.Contains("ward redrawn since 2014-05-22: its ONS code", StringComparison.Ordinal) && b.Baseline.Source.Contains(" replaced ", StringComparison.Ordinal)).Select(b => b.Definition.Id).Order());
        Assert.Equal(448, notComparable.Count(b => b.Source.Contains(" replaced ", StringComparison.Ordinal)));
        Assert.Equal(24, notComparable.Count(b => b.Source.Contains("was issued after that poll", StringComparison.Ordinal)));
        Assert.Equal(34, notComparable.Count(b => b.Source.Contains("a casual vacancy whose last contest is not in the file", StringComparison.Ordinal)));
        Assert.Equal(4, notComparable.Count(b => b.Source.Contains("no ward with code", StringComparison.Ordinal)));
        Assert.Equal(
            ["local.stockport.marple-south-and-high-lane.2018-05-03"],
            imports.Night.Ballots.Values.Where(b => b.Baseline!.Source.Contains("no ward of that name", StringComparison.Ordinal)).Select(b => b.Definition.Id));
        Assert.Equal(
            [
                "bexley", "birmingham", "blackburn-with-darwen", "croydon", "eastleigh", "harrogate", "hastings", "huntingdonshire", "kingston-upon-hull",
                "leeds", "manchester", "newcastle-under-lyme", "newcastle-upon-tyne", "redbridge", "south-cambridgeshire", "south-lakeland", "southwark", "wyre-forest",
            ],
            imports.Night.Councils.Values.Where(c => c.BallotIds.All(id => imports.Night.Ballots[id].Baseline!.Kind != BaselineKind.Actual)).Select(c => c.Definition.Slug).Order());
    }

    [Fact]
    public void TheNotesOfTheRealImportsCountWhatWasMatched()
    {
        Assert.Contains(
            "2,737 ballots of 150 councils got a baseline from LEAP 2014_results.csv: 2,031 actual, 706 not comparable (448 redrawn since (a new code in the ward-code changes); 223 redrawn since (a code issued after that poll); 1 with no ward of their name in the file; 34 with more seats up now than were filled then (a casual vacancy)).",
            imports.Leap2014.Notes);
        Assert.Contains("City of Lincoln (city-of-lincoln) is LEAP 2014_results.csv's 'Lincoln': council names were compared without a leading \"City of\".", imports.Leap2014.Notes);
        Assert.Contains("630 ballots of 32 councils got a baseline from GLA london_council_election_2014_ward.csv: 541 actual, 89 not comparable (89 redrawn since (a new code in the ward-code changes)).", imports.Gla.Notes);
        Assert.Contains("elected_flag is 'yes' in lower case on lines 5706, 5707, 5708; read as Yes.", imports.Gla.Notes);
        Assert.Contains("2,107 ballots of 118 councils the file does not cover were left as they are: " + string.Join(", ", imports.Election.Councils.Keys.Where(k => !imports.Gla.Events.OfType<BallotBaselineRecorded>().Any(e => e.Baseline.BallotId.StartsWith("local." + k + ".", StringComparison.Ordinal))).Order(StringComparer.Ordinal)) + ".", imports.Gla.Notes);
        Assert.Contains("199 ballots of 13 councils got a baseline from LEAP leap-2016-05-05.csv: 195 actual, 4 not comparable (4 with no ward of their code in the file).", imports.Leap2016.Notes);
        Assert.Single(imports.Leap2016.Notes, n => n.StartsWith("1,908 ballots of 105 councils whose election then was not all-out were left as they are: adur, ", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalPartiesKeyedByLabelOrNameLastTimeDefendTheirSeatsUnderThisElectionsRegisterIds()
    {
        // Castle Point: every seat the Canvey Island Independent Party won in 2014 (LEAP's CIIP) is defended by PP381.
        var ciipWon2014 = LeapSource.Leap2014.Count(r => r.Council == "Castle Point" && r.Party == "CIIP" && r.IsElected);
        var castlePoint = imports.Night.Ballots.Values.Where(b => b.Definition.CouncilSlug == "castle-point").SelectMany(b => b.Baseline!.Defended).ToList();

        // Havering (GLA 2014 names): Hornchurch Residents Association is PP207 now; the two residents' groups whose
        // successors' names differ are left under the GLA's keys, which the import notes.
        var havering = imports.Night.Ballots.Values.Where(b => b.Definition.CouncilSlug == "havering").SelectMany(b => b.Baseline!.Defended).GroupBy(d => d.Party.Id).ToDictionary(g => g.Key, g => g.Sum(d => d.Seats));
        var hornchurch2014 = PreviousSource.Gla.Count(r => r.Borough == "Havering" && r.PartyLong == "Hornchurch Residents Association" && r.Elected);

        Assert.Equal(6, ciipWon2014);
        Assert.Equal(ciipWon2014, castlePoint.Where(d => d.Party.Id == "PP381").Sum(d => d.Seats));
        Assert.DoesNotContain(castlePoint, d => d.Party.Id.StartsWith("label:", StringComparison.Ordinal));
        Assert.Equal(10, hornchurch2014);
        Assert.Equal(hornchurch2014, havering["PP207"]);
        Assert.Equal(3, havering["name:rainham-wennington-independent-residents-group"]);
        Assert.Contains(imports.Gla.Notes, n => n.StartsWith("havering: Rainham & Wennington Independent Residents Group (name:rainham-wennington-independent-residents-group), South Hornchurch Independent Residents Group (name:south-hornchurch-independent-residents-group), which won seats in GLA london_council_election_2014_ward.csv, keep their keys: no rule singles out", StringComparison.Ordinal));
        Assert.Contains(imports.Leap2014.Notes, n => n.StartsWith("Local parties: 58 pairings of LEAP 2014_results.csv's keys with this election's, in 43 councils (by a LEAP label abbreviating the name 55, as the one seat-holding local party left", StringComparison.Ordinal));
        Assert.Contains(imports.Gla.Notes, n => n.StartsWith("Local parties: 22 pairings of GLA london_council_election_2014_ward.csv's keys with this election's, in 13 councils (by the same name 22); 3 local parties", StringComparison.Ordinal));
        Assert.Contains(imports.Leap2016.Notes, n => n.StartsWith("Local parties: 12 pairings of LEAP leap-2016-05-05.csv's keys with this election's, in 5 councils", StringComparison.Ordinal));
    }

    private static HashSet<string> BaselinedCouncils(ImportBatch batch) =>
        batch.Events.OfType<BallotBaselineRecorded>().Select(e => e.Baseline.BallotId.Split('.')[1]).ToHashSet();

    // Local parties are compared as one group here: which party of 2018 each LEAP label stands for is the local-party
    // pairing's business (LocalPartyMappingTests), not the defended-seat rules'.
    private static string Grouped(string code) => code is "C" or "Lab" or "LD" or "Grn" or "UKIP" or "Ind" ? code : "local";
}
