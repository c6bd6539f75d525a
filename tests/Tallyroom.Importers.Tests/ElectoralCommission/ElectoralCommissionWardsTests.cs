using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.ElectoralCommission;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.ElectoralCommission;

public sealed class ElectoralCommissionWardsTests : IDisposable
{
    private const string GroupRows = ",,,,,General,,,,Rejected Ballot Papers\n,,,,,,,,,\n";
    private const string Names = "ONS Ward code,Ward,Local Authority code,Local Authority,Number of seats,Electorate ,Total valid votes cast,Valid votes turnout (%),Total number of ballot papers rejected at the count ,%\n";

    // Line 4 Abbey; line 5 a blank line; lines 6-7 one record whose ward name wraps; line 8 the totals row.
    private const string Sample = GroupRows + Names +
        "E05000026,Abbey,E09000002,Barking and Dagenham,3,9257,2773,30.0%,19,0.7%\n" +
        "\n" +
        "E05009009,\"Rosedale and \nBury Green\",E07000095,Broxbourne,3,\" 6,806 \", 1663 ,24.4%,6,0.4%\n" +
        ",,,,Total,\" 16,063 \",\" 4,436 \",27.6%,25,0.6%\n";

    private const string Abbey = "local.barking-and-dagenham.abbey.2018-05-03";
    private const string Rosedale = "local.broxbourne.rosedale-and-bury-green.2018-05-03";

    private readonly ScratchFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EachWardRowRecordsItsSeatsElectorateAndBallotPapers()
    {
        var path = folder.Write("wards.csv", Sample);

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: false), new ImportOptions());

        Assert.Equal(
            new ElectionEvent[]
            {
                new BallotStatisticsRecorded(new BallotStatistics { BallotId = Abbey, PublishedSeats = 3, Electorate = 9257, ValidBallotPapers = 2773, RejectedBallotPapers = 19, Source = "Electoral Commission" }),
                new BallotStatisticsRecorded(new BallotStatistics { BallotId = Rosedale, PublishedSeats = 3, Electorate = 6806, ValidBallotPapers = 1663, RejectedBallotPapers = 6, Source = "Electoral Commission" }),
            },
            batch.Events.OfType<BallotStatisticsRecorded>());
        Assert.Equal([new SourceLocation(path, 4), new SourceLocation(path, 6)], batch.Sources.Where((_, i) => batch.Events[i] is BallotStatisticsRecorded));
    }

    [Fact]
    public void ATotalsRowIsSkippedAndNoted()
    {
        var path = folder.Write("wards.csv", Sample);

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: false), new ImportOptions());

        Assert.Equal(2, batch.Events.OfType<BallotStatisticsRecorded>().Count());
        Assert.Contains("Skipped the totals row on line 8 (Total).", batch.Notes);
    }

    [Fact]
    public void ColumnsAreFoundByNameNotByPosition()
    {
        var reordered = GroupRows +
            "Local Authority,Total number of ballot papers rejected at the count,Notes,Ward,Total valid votes cast,Number of seats,ONS Ward code,Electorate\n" +
            "Barking and Dagenham,19,late count,Abbey,2773,3,E05000026,9257\n";
        var path = folder.Write("wards.csv", reordered);

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: false), new ImportOptions());

        var statistics = Assert.Single(batch.Events.OfType<BallotStatisticsRecorded>()).Statistics;
        Assert.Equal((3, 9257, 2773, 19), (statistics.PublishedSeats, statistics.Electorate, statistics.ValidBallotPapers, statistics.RejectedBallotPapers));
    }

    [Fact]
    public void RowsMatchByWardCodeWhenTheBallotsCarryCodes()
    {
        // The sheet's spelling would not match the ballot id; the code does.
        var path = folder.Write("wards.csv", GroupRows + Names + "E05000026,Abbey Ward,E09000002,Barking & Dagenham,3,9257,2773,30.0%,19,0.7%\n");

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: true), new ImportOptions());

        Assert.Equal(Abbey, Assert.Single(batch.Events.OfType<BallotStatisticsRecorded>()).Statistics.BallotId);
        Assert.Empty(batch.Notes);
    }

    [Fact]
    public void ARowWhoseCodeNoBallotCarriesIsMatchedByNameAndTheCodesAreNoted()
    {
        var path = folder.Write("wards.csv", GroupRows + Names + "E05099999,Abbey,E09000002,Barking and Dagenham,3,9257,2773,30.0%,19,0.7%\n");

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: true), new ImportOptions());

        Assert.Equal(Abbey, Assert.Single(batch.Events.OfType<BallotStatisticsRecorded>()).Statistics.BallotId);
        Assert.Equal(["Barking and Dagenham, Abbey (line 4): matched ballot local.barking-and-dagenham.abbey.2018-05-03 by name; the sheet's ward code E05099999 differs from the ballot's E05000026."], batch.Notes);
    }

    [Fact]
    public void PublishedSeatsThatDifferFromTheSeatsUpAreKeptAndNoted()
    {
        var path = folder.Write("wards.csv", Sample);

        var batch = ElectoralCommissionWards.Read(path, Election(withCodes: false), new ImportOptions());
        var state = ResultsEngine.Fold(Election(withCodes: false), batch.Events);

        Assert.Equal((3, 1), (state.Ballots[Rosedale].Statistics!.PublishedSeats, state.Ballots[Rosedale].Definition.SeatsUp));
        Assert.Contains(
            "Broxbourne, Rosedale and Bury Green (line 6, ballot local.broxbourne.rosedale-and-bury-green.2018-05-03): the sheet gives 3 seats, but 1 seat was up; both are kept (the sheet's figure as published seats, the ballot's seats up for counting).",
            batch.Notes);
        Assert.Single(batch.Notes, n => n.Contains("; both are kept (the sheet's figure as published seats", StringComparison.Ordinal));
    }

    [Fact]
    public void AWardThatMatchesNothingIsRefusedWithItsLine() =>
        AssertRefused(
            Sample.Replace("E05000026,Abbey,", "E05000027,Alibon,", StringComparison.Ordinal),
            4,
            "Ward 'Alibon' (E05000027) of Barking and Dagenham matches no ballot of local.2018-05-03: no ballot carries ward code E05000027, and there is no ballot local.barking-and-dagenham.alibon.2018-05-03.");

    [Fact]
    public void TheSameWardTwiceIsRefused() =>
        AssertRefused(
            GroupRows + Names + "E05000026,Abbey,E09000002,Barking and Dagenham,3,9257,2773,30.0%,19,0.7%\nE05000026,Abbey,E09000002,Barking and Dagenham,3,9257,2773,30.0%,19,0.7%\n",
            5,
            "Ward 'Abbey' (E05000026) of Barking and Dagenham matches ballot local.barking-and-dagenham.abbey.2018-05-03, which line 4 already matched; a ward has one row.");

    [Fact]
    public void ACountThatIsNotAWholeNumberIsRefused() =>
        AssertRefused(
            GroupRows + Names + "E05000026,Abbey,E09000002,Barking and Dagenham,3,9257.5,2773,30.0%,19,0.7%\n",
            4,
            "Electorate: '9257.5' is not a whole number of zero or more.");

    [Fact]
    public void AnUnnamedRowThatIsNotATotalIsRefused() =>
        AssertRefused(
            GroupRows + Names + ",,,,3,9257,2773,30.0%,19,0.7%\n",
            4,
            "The row has no 'ONS Ward code', 'Ward' or 'Local Authority', and is not the totals row.");

    [Fact]
    public void ColumnNamesLackingARequiredColumnAreRefusedAtTheirRow() =>
        AssertRefused(
            GroupRows + "ONS Ward code,Ward,Local Authority,Number of seats,Electorate,Total valid votes cast\n",
            3,
            "The column names (the third header row) lack 'Total number of ballot papers rejected at the count': an Electoral Commission ward sheet needs 'ONS Ward code', 'Ward', 'Local Authority', 'Number of seats', 'Electorate', 'Total valid votes cast', 'Total number of ballot papers rejected at the count'.");

    [Fact]
    public void ASheetShorterThanItsHeaderRowsIsRefused() =>
        AssertRefused(GroupRows, 1, "The sheet ends before its 3 header rows (two group rows, then the column names).");

    [Fact]
    public void ALogWithoutAnElectionIsRefused()
    {
        var path = folder.Write("wards.csv", Sample);

        var refusal = Assert.Throws<MalformedInputException>(() => ElectoralCommissionWards.Read(path, ElectionState.Empty, new ImportOptions()));

        Assert.Null(refusal.Where);
        Assert.Equal($"{path}: the ward sheet adds figures to ballots that are already defined, and the log has no election yet: import results or a setup first.", refusal.Message);
    }

    /// <summary>
    /// An election with two councils and two ballots: Barking and Dagenham's Abbey (3 seats up) and Broxbourne's
    /// Rosedale and Bury Green (1 seat up, in a 3-member ward).
    /// </summary>
    private static ElectionState Election(bool withCodes) => ResultsEngine.Fold(ElectionState.Empty,
    [
        new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
        new CouncilDefined(new CouncilDefinition { Slug = "barking-and-dagenham", Name = "Barking and Dagenham" }),
        new CouncilDefined(new CouncilDefinition { Slug = "broxbourne", Name = "Broxbourne" }),
        Ballot(Abbey, "barking-and-dagenham", "Abbey", withCodes ? "E05000026" : null, 3),
        Ballot(Rosedale, "broxbourne", "Rosedale and Bury Green", withCodes ? "E05009009" : null, 1),
    ]);

    private static BallotDefined Ballot(string id, string council, string ward, string? code, int seats) => new(new BallotDefinition
    {
        Id = id,
        CouncilSlug = council,
        WardName = ward,
        WardGssCode = code,
        SeatsUp = seats,
        Candidates = [.. Enumerable.Range(1, seats + 1).Select(i => new Candidate($"{ward}-{i}", $"Candidate {i}", PartyCatalog.Independent))],
    });

    private void AssertRefused(string contents, int line, string reason)
    {
        var path = folder.Write("bad.csv", contents);

        var refusal = Assert.Throws<MalformedInputException>(() => ElectoralCommissionWards.Read(path, Election(withCodes: true), new ImportOptions()));

        Assert.Equal(new SourceLocation(path, line), refusal.Where);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal($"{path}:{line}: {reason}", refusal.Message);
    }
}
