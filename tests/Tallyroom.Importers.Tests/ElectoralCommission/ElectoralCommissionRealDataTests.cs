using System.Collections.Immutable;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.ElectoralCommission;
using Tallyroom.Importers.Tests.DemocracyClub;
using Tallyroom.Importers.Tests.TestData;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.ElectoralCommission;

public sealed class ElectoralCommissionRealDataTests(RealDemocracyClubImport import) : IClassFixture<RealDemocracyClubImport>
{
    private const string Edgeley = "local.stockport.edgeley-and-cheadle-heath.2018-05-03";
    private const string Wribbenhall = "local.wyre-forest.wribbenhall-arley.2018-05-03";

    private static readonly string London = Sheet("London_Boroughs__Wards_");
    private static readonly string Metropolitan = Sheet("Met__Wards_");
    private static readonly string Unitary = Sheet("Unitary__Wards_");
    private static readonly string Districts = Sheet("Districts__Wards_");

    [Fact]
    public void MergingAllFourRealSheetsMatchesEveryWardOnceThePostponedPollIsDefined()
    {
        // The sheets hold Stockport's Edgeley & Cheadle Heath, whose poll was postponed and is not in the Democracy Club
        // file, and lack Wyre Forest's Wribbenhall & Arley (code E05010512), which is. A setup that knows the postponed
        // poll (LEAP lists it) gives the sheets a ballot for every row.
        var state = WithPostponedEdgeley(import.State);
        var counts = new List<int>();
        foreach (var sheet in new[] { London, Metropolitan, Unitary, Districts })
        {
            var batch = ElectoralCommissionWards.Read(sheet, state, new ImportOptions());
            counts.Add(batch.Events.OfType<BallotStatisticsRecorded>().Count());
            state = ResultsEngine.Fold(state, batch.Events);
        }

        // SOURCES.md: 630, 796, 283 and 1,028 wards; "Number of seats" sums to 4,422.
        Assert.Equal([630, 796, 283, 1028], counts);
        var merged = state.Ballots.Values.Where(b => b.Statistics is not null).ToList();
        Assert.Equal(2737, merged.Count);
        Assert.Equal(4422, merged.Sum(b => b.Statistics!.PublishedSeats));
        Assert.All(merged, b => Assert.Equal("Electoral Commission", b.Statistics!.Source));
        Assert.Equal([Wribbenhall], state.Ballots.Values.Where(b => b.Statistics is null).Select(b => b.Definition.Id));
        Assert.DoesNotContain(File.ReadLines(Districts), l => l.StartsWith("E05010512,", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRealMetropolitanSheetIsRefusedAtThePostponedPollDemocracyClubLacks()
    {
        var refusal = Assert.Throws<MalformedInputException>(() => ElectoralCommissionWards.Read(Metropolitan, import.State, new ImportOptions()));

        Assert.Equal(new SourceLocation(Metropolitan, 615), refusal.Where);
        Assert.Equal(
            "Ward 'Edgeley & Cheadle Heath' (E05000788) of Stockport matches no ballot of local.2018-05-03: no ballot carries ward code E05000788, and there is no ballot local.stockport.edgeley-cheadle-heath.2018-05-03.",
            refusal.Reason);
    }

    [Fact]
    public void ThePostponedPollsFiguresAreMergedWithANote()
    {
        var state = WithPostponedEdgeley(import.State);

        var batch = ElectoralCommissionWards.Read(Metropolitan, state, new ImportOptions());
        var merged = ResultsEngine.Fold(state, batch.Events).Ballots[Edgeley];

        Assert.Equal(BallotStatus.Postponed, merged.Status);
        Assert.Equal(new BallotStatistics { BallotId = Edgeley, PublishedSeats = 1, Electorate = 10591, ValidBallotPapers = 2314, RejectedBallotPapers = 9, Source = "Electoral Commission" }, merged.Statistics);
        Assert.Contains($"Stockport, Edgeley & Cheadle Heath (line 615): ballot {Edgeley} was postponed, so the sheet's figures are likely those of its later poll.", batch.Notes);
    }

    [Fact]
    public void BroxbourneWardsAreNotedForPublishingTheWardSizeInsteadOfTheSeatsUp()
    {
        var batch = ElectoralCommissionWards.Read(Districts, import.State, new ImportOptions());
        var state = ResultsEngine.Fold(import.State, batch.Events);

        var seatNotes = batch.Notes.Where(n => n.Contains("; both are kept (the sheet's figure as published seats", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, seatNotes.Count);
        Assert.All(seatNotes, n => Assert.StartsWith("Broxbourne, ", n, StringComparison.Ordinal));
        Assert.Equal(
            "Broxbourne, Goffs Oak (line 84, ballot local.broxbourne.goffs-oak.2018-05-03): the sheet gives 3 seats, but 1 seat was up; both are kept (the sheet's figure as published seats, the ballot's seats up for counting).",
            seatNotes[4]);
        var broxbourne = state.Ballots.Values.Where(b => b.Definition.CouncilSlug == "broxbourne").ToList();
        Assert.Equal(10, broxbourne.Count);
        Assert.All(broxbourne, b => Assert.Equal((3, 1), (b.Statistics!.PublishedSeats, b.Definition.SeatsUp)));
    }

    [Fact]
    public void TheSheetsFiguresAreRecordedAsBallotPapers()
    {
        var batch = ElectoralCommissionWards.Read(London, import.State, new ImportOptions());

        // Line 4: Barking and Dagenham, Abbey: 3 seats, electorate 9257, 2773 valid papers, 19 rejected at the count.
        var abbey = Assert.IsType<BallotStatisticsRecorded>(batch.Events[1]).Statistics;
        Assert.Equal(new BallotStatistics { BallotId = "local.barking-and-dagenham.abbey.2018-05-03", PublishedSeats = 3, Electorate = 9257, ValidBallotPapers = 2773, RejectedBallotPapers = 19, Source = "Electoral Commission" }, abbey);
        Assert.Equal(new SourceLocation(London, 4), batch.Sources[1]);
    }

    [Fact]
    public void TheRealTotalsRowIsSkippedAndNoted()
    {
        var batch = ElectoralCommissionWards.Read(London, import.State, new ImportOptions());

        Assert.Equal(630, batch.Events.OfType<BallotStatisticsRecorded>().Count());
        Assert.Equal(["Skipped the totals row on line 635 (Total London Boroughs)."], batch.Notes);
    }

    [Fact]
    public void EachLondonBoroughIsGivenItsOfficialCodeOnceAndSoItsType()
    {
        var batch = ElectoralCommissionWards.Read(London, import.State, new ImportOptions());
        var amended = batch.Events.OfType<CouncilDefined>().Select(c => c.Council).ToList();
        var state = ResultsEngine.Fold(import.State, batch.Events);

        // The London sheet has 32 boroughs; the Democracy Club file names none with a code.
        Assert.Equal(32, amended.Select(c => c.Slug).Distinct().Count());
        Assert.Equal(32, amended.Count);
        Assert.Equal(("E09000033", CouncilType.LondonBorough), (state.Councils["westminster"].Definition.GssCode, state.Councils["westminster"].Definition.Type));
        Assert.Equal(import.State.Councils["westminster"].BallotIds.Length, state.Councils["westminster"].BallotIds.Length);
    }

    [Fact]
    public void LeedsWardsWhoseCodesDifferAreMatchedByNameAndNoted()
    {
        var state = WithPostponedEdgeley(import.State);

        var batch = ElectoralCommissionWards.Read(Metropolitan, state, new ImportOptions());

        Assert.Equal(
            ["Leeds, Horsforth (line 296): matched ballot local.leeds.horsforth.2018-05-03 by name; the sheet's ward code E05011398 differs from the ballot's E05011547.",
             "Leeds, Otley & Yeadon (line 306): matched ballot local.leeds.otley-yeadon.2018-05-03 by name; the sheet's ward code E05011408 differs from the ballot's E05011549."],
            batch.Notes.Where(n => n.Contains("differs from the ballot's", StringComparison.Ordinal)));
    }

    [Fact]
    public void MatchingTheRealLondonSheetByNameAloneIsRefusedAtTheFirstWardWhoseNameDiffers()
    {
        var withoutCodes = ResultsEngine.Fold(ElectionState.Empty, DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, ElectionState.Empty, new ImportOptions()).Events);

        var refusal = Assert.Throws<MalformedInputException>(() => ElectoralCommissionWards.Read(London, withoutCodes, new ImportOptions()));

        // Democracy Club spells the ward "Slade Green and Northend".
        Assert.Equal(new SourceLocation(London, 56), refusal.Where);
        Assert.Equal(
            "Ward 'Slade Green & North End' (E05011231) of Bexley matches no ballot of local.2018-05-03: no ballot carries ward code E05011231, and there is no ballot local.bexley.slade-green-north-end.2018-05-03.",
            refusal.Reason);
    }

    private static string Sheet(string name) => RawData.Path("electoral_commission_2018", "csv_converted", name + ".csv");

    /// <summary>Defines Stockport's postponed poll as a setup from LEAP would (its candidates as LEAP lists them), and postpones it.</summary>
    private static ElectionState WithPostponedEdgeley(ElectionState state) => ResultsEngine.Fold(state,
    [
        new BallotDefined(new BallotDefinition
        {
            Id = Edgeley,
            CouncilSlug = "stockport",
            WardName = "Edgeley and Cheadle Heath",
            WardGssCode = "E05000788",
            SeatsUp = 1,
            Candidates = ImmutableArray.Create(
                new Candidate("leap:1", "Philip Harding", PartyCatalog.Labour),
                new Candidate("leap:2", "Oliver Harrison", PartyCatalog.LiberalDemocrats),
                new Candidate("leap:3", "Pat Leck", PartyCatalog.Conservative),
                new Candidate("leap:4", "Camilla Luff", PartyCatalog.Green),
                new Candidate("leap:5", "Peter Behan", PartyCatalog.Ukip)),
        }),
        new BallotPostponed(Edgeley, "A candidate died; the poll was countermanded and held later."),
    ]);
}
