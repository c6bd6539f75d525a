using System.Text.Json;
using Tallyroom.Testing;

namespace Tallyroom.Tests.Results;

/// <summary>The CLI over the real 2018 night, imported once from the Democracy Club file with ward codes.</summary>
public sealed class RealNightCliTests(RealNightCliTests.ImportedNight night) : IClassFixture<RealNightCliTests.ImportedNight>
{
    [Fact]
    public void ImportingTheRealFileReportsEveryCouncilBallotAndDeclaration()
    {
        Assert.Equal(0, night.Exit);
        Assert.Contains("150 councils, 2737 ballots, 2737 declarations", night.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScoreboardJsonCountsEveryCouncilAndEveryWinner()
    {
        var (exit, output, _) = await CliRun.RunAsync("scoreboard", "--json", "--db", night.Database.Path);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        Assert.Equal(0, exit);
        Assert.Equal(150, root.GetProperty("councilsDeclared").GetInt32());
        Assert.Equal(150, root.GetProperty("councilsTotal").GetInt32());
        Assert.Equal(DemocracyClubCounts.OrdinaryLocalRows.Count(r => r.Winner), root.GetProperty("parties").EnumerateArray().Sum(p => p.GetProperty("seats").GetInt32()));
        Assert.Equal(150, root.GetProperty("parties").EnumerateArray().Sum(p => p.GetProperty("councils").GetInt32()) + root.GetProperty("noOverallControl").GetProperty("councils").GetInt32());
        Assert.True(root.GetProperty("revision").GetInt64() > 0);
    }

    [Fact]
    public async Task WestminsterShowsTheSeatsEachPartyWonAndWhoControlsIt()
    {
        var (exit, output, _) = await CliRun.RunAsync("council", "westminster", "--json", "--db", night.Database.Path);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var source = DemocracyClubCounts.WinnersByParty("westminster");

        Assert.Equal(0, exit);
        Assert.Equal("westminster", root.GetProperty("slug").GetString());
        Assert.Equal(source.Values.Sum(), root.GetProperty("totalSeats").GetInt32());
        Assert.Equal(source.Values.Sum(), root.GetProperty("seatsUp").GetInt32());
        Assert.True(root.GetProperty("declared").GetBoolean());
        Assert.Equal(source["Conservative and Unionist Party"], root.GetProperty("seatsWon").GetProperty("Conservative").GetInt32());
        Assert.Equal(source["Labour Party"], root.GetProperty("seatsWon").GetProperty("Labour").GetInt32());
        Assert.Equal("Conservative", root.GetProperty("control").GetString());
    }

    [Fact]
    public async Task TheSuttonNonsuchTieShowsBothCandidatesDecidedByLot()
    {
        var (exit, output, _) = await CliRun.RunAsync("ballot", "local.sutton.nonsuch.2018-05-03", "--json", "--db", night.Database.Path);
        using var json = JsonDocument.Parse(output);
        var tied = json.RootElement.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("decidedByLot").GetBoolean()).ToList();

        Assert.Equal(0, exit);
        Assert.Equal(2, tied.Count);
        Assert.All(tied, c => Assert.Equal(1405, c.GetProperty("votes").GetInt32()));
        Assert.Equal([false, true], tied.Select(c => c.GetProperty("elected").GetBoolean()).Order());
    }

    [Fact]
    public async Task TheScoreboardAsAtTheEndOfSetUpHasNoCouncilDeclared()
    {
        // Revision 1 defines the election, then 150 councils and 2,737 ballots; declarations follow.
        var (exit, output, _) = await CliRun.RunAsync("scoreboard", "--json", "--at", "2888", "--db", night.Database.Path);
        using var json = JsonDocument.Parse(output);

        Assert.Equal(0, exit);
        Assert.Equal(2888, json.RootElement.GetProperty("revision").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("councilsDeclared").GetInt32());
        Assert.Equal(150, json.RootElement.GetProperty("councilsTotal").GetInt32());
    }

    [Fact]
    public async Task TheScoreboardPrintsTheStateOfPartiesAsNewsroomsDo()
    {
        var (exit, output, _) = await CliRun.RunAsync("scoreboard", "--db", night.Database.Path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, exit);
        Assert.Equal("State of parties after 150 of 150 councils", lines[0]);
        Assert.Matches(@"^Conservatives: \d+ councils; \d+ seats$", lines.Single(l => l.StartsWith("Conservatives:", StringComparison.Ordinal)));
        Assert.Matches(@"^No overall control: \d+ councils$", lines.Single(l => l.StartsWith("No overall control:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnUnknownCouncilIsRefusedWithSuggestions()
    {
        var (exit, _, error) = await CliRun.RunAsync("council", "kensington", "--db", night.Database.Path);

        Assert.Equal(2, exit);
        Assert.Equal("error: slug: no council 'kensington' in this election. Did you mean: kensington-and-chelsea?\n", error);
    }

    [Fact]
    public async Task ARevisionBeyondTheLogIsRefused()
    {
        var (exit, _, error) = await CliRun.RunAsync("scoreboard", "--at", "99999999", "--db", night.Database.Path);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --at: revision 99999999 is outside the log, which runs from 0 to ", error, StringComparison.Ordinal);
    }

    /// <summary>The real night, imported once for the class.</summary>
    public sealed class ImportedNight : IAsyncLifetime
    {
        public TempDatabase Database { get; } = new();

        public int Exit { get; private set; }

        public string Output { get; private set; } = string.Empty;

        public async Task InitializeAsync() =>
            (Exit, Output, _) = await CliRun.RunAsync("import", "dc-results", RawData.DemocracyClubResults, "--ward-codes", RawData.DemocracyClubWardCodes, "--db", Database.Path);

        public Task DisposeAsync()
        {
            Database.Dispose();
            return Task.CompletedTask;
        }
    }
}
