using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Baseline;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Baseline;

public sealed class BaselineCsvTests : IDisposable
{
    private const string Header = "record,council,ballot,party,seats,votes,candidate,elected,kind,last_fought,source\n";
    private const string Altrincham = "local.trafford.altrincham.2018-05-03";
    private const string Bowdon = "local.trafford.bowdon.2018-05-03";
    private readonly ScratchFolder folder = new();

    /// <summary>Trafford, cut down: 5 seats, two single-seat ballots up, three continuing.</summary>
    private static ElectionState Trafford() => ResultsEngine.Fold(ElectionState.Empty,
    [
        new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections", PollingDay = new DateOnly(2018, 5, 3) }),
        new CouncilDefined(new CouncilDefinition { Slug = "trafford", Name = "Trafford" }),
        new BallotDefined(Ballot(Altrincham)),
        new BallotDefined(Ballot(Bowdon)),
    ]);

    private static BallotDefinition Ballot(string id) => new()
    {
        Id = id,
        CouncilSlug = "trafford",
        WardName = id.Split('.')[2],
        SeatsUp = 1,
        Candidates = [new("1", "A", PartyCatalog.Conservative), new("2", "B", PartyCatalog.Labour), new("3", "C", PartyCatalog.Green)],
    };

    [Fact]
    public void ACouncilsSizeCompositionControlAndContinuingSeatsAreRecorded()
    {
        var path = folder.Write("b.csv", Header +
            "size,trafford,,,5,,,,,,Open Council Data 2017\n" +
            "eve-of-poll,trafford,,Conservative,3,,,,,,\n" +
            "eve-of-poll,trafford,,PP53,2,,,,,,\n" +
            "continuing,trafford,,Conservative,2,,,,,,\n" +
            "continuing,trafford,,Labour,1,,,,,,\n");

        var batch = BaselineCsv.Read(path, Trafford(), new ImportOptions());
        var state = ResultsEngine.Fold(Trafford(), batch.Events);
        var council = state.Councils["trafford"];

        Assert.Equal(new SourceLocation(path, 2), Assert.Single(batch.Sources));
        Assert.Equal((5, 3, "Conservative"), (council.TotalSeats, council.Majority, council.ControlBefore!.Label));
        Assert.Equal([new PartyCount(PartyCatalog.Conservative, 2), new PartyCount(PartyCatalog.Labour, 1)], council.Continuing.Entries.AsEnumerable());
        Assert.Equal("Open Council Data 2017", council.Baseline!.Source);
    }

    [Fact]
    public void ANotionalResultGivesARedrawnWardDefendedSeatsAndPreviousVotes()
    {
        var path = folder.Write("b.csv", Header +
            $"defended,,{Altrincham},Green,1,,,,notional,2014-05-22,Notional by the results desk\n" +
            $"previous,,{Altrincham},Green,,812,Jane Leaf,true,,,\n" +
            $"previous,,{Altrincham},Conservative,,790,John Oak,false,,,\n");

        var batch = BaselineCsv.Read(path, Trafford(), new ImportOptions());
        var baseline = ((BallotBaselineRecorded)Assert.Single(batch.Events)).Baseline;

        Assert.Equal((BaselineKind.Notional, new DateOnly(2014, 5, 22)), (baseline.Kind, baseline.LastFought));
        Assert.Equal([new PartyCount(PartyCatalog.Green, 1)], baseline.Defended.AsEnumerable());
        Assert.Equal([new PreviousCandidate("Jane Leaf", PartyCatalog.Green, 812, true), new PreviousCandidate("John Oak", PartyCatalog.Conservative, 790, false)], baseline.Previous.AsEnumerable());
        Assert.Equal("Notional by the results desk", baseline.Source);
    }

    [Fact]
    public void RowsOverrideOnlyThePartsTheyNameAndSayWhatTheyReplaced()
    {
        var first = BaselineCsv.Read(folder.Write("a.csv", Header + "size,trafford,,,5,,,,,,OCD\neve-of-poll,trafford,,Conservative,3,,,,,,\ncontinuing,trafford,,Conservative,3,,,,,,\n"), Trafford(), new ImportOptions());
        var state = ResultsEngine.Fold(Trafford(), first.Events);

        var second = BaselineCsv.Read(folder.Write("b.csv", Header + "continuing,trafford,,Conservative,2,,,,,,Desk correction\ncontinuing,trafford,,Labour,1,,,,,,\n"), state, new ImportOptions());
        var council = ResultsEngine.Fold(state, second.Events).Councils["trafford"];

        Assert.Equal(5, council.TotalSeats);
        Assert.Equal([new PartyCount(PartyCatalog.Conservative, 3)], council.Baseline!.EveOfPoll.AsEnumerable());
        Assert.Equal(3, council.Continuing.Total);
        Assert.Equal(1, council.Continuing.Get("PP53"));
        Assert.Equal("Desk correction (replacing: OCD)", council.Baseline.Source);
    }

    [Fact]
    public void NotComparableMarksABallotWhoseChangesCannotBeMeasured()
    {
        var batch = BaselineCsv.Read(folder.Write("b.csv", Header + $"not-comparable,,{Bowdon},,,,,,,,New ward in 2018\n"), Trafford(), new ImportOptions());

        Assert.Equal(BaselineKind.NotComparable, ((BallotBaselineRecorded)Assert.Single(batch.Events)).Baseline.Kind);
    }

    [Theory]
    [InlineData("size,westminster,,,60,,,,,,\n", "council 'westminster' is not in this election.")]
    [InlineData("size,trafford,,,sixty,,,,,,\n", "seats: 'sixty' is not a whole number of zero or more.")]
    [InlineData("continuing,trafford,,,3,,,,,,\n", "party: a 'continuing' row needs a party.")]
    [InlineData("defended,,local.trafford.nowhere.2018-05-03,Conservative,1,,,,,,\n", "ballot 'local.trafford.nowhere.2018-05-03' is not in this election.")]
    [InlineData("defended,,local.trafford.altrincham.2018-05-03,Conservative,1,,,,guess,,\n", "kind: 'guess' is not actual or notional.")]
    [InlineData("defended,,local.trafford.altrincham.2018-05-03,Conservative,1,,,,,03/05/2014,\n", "last_fought: '03/05/2014' is not a date written yyyy-mm-dd.")]
    [InlineData("previous,,local.trafford.altrincham.2018-05-03,Conservative,,10,Ann,maybe,,,\n", "elected: 'maybe' is not true or false.")]
    [InlineData("seats,trafford,,,60,,,,,,\n", "record: 'seats' is not one of size, eve-of-poll, control-before, continuing, defended, previous, not-comparable.")]
    [InlineData("continuing,trafford,,Conservative,2,,,,,,\n", "council 'trafford' has no baseline yet, so the file must give its size (a 'size' row).")]
    public void AMalformedRowIsRefusedWithItsLineAndTheRule(string row, string reason)
    {
        var path = folder.Write("bad.csv", Header + row);

        var refusal = Assert.Throws<MalformedInputException>(() => BaselineCsv.Read(path, Trafford(), new ImportOptions()));

        Assert.Equal($"{path}:2: {reason}", refusal.Message);
    }

    [Fact]
    public void AHeaderWithoutARequiredColumnIsRefused()
    {
        var path = folder.Write("bad.csv", "record,council,party,seats\nsize,trafford,,5\n");

        var refusal = Assert.Throws<MalformedInputException>(() => BaselineCsv.Read(path, Trafford(), new ImportOptions()));

        Assert.Equal($"{path}:1: the header lacks ballot, votes, candidate, elected, kind, last_fought, source; a baseline file needs record, council, ballot, party, seats, votes, candidate, elected, kind, last_fought, source.", refusal.Message);
    }

    public void Dispose() => folder.Dispose();
}
