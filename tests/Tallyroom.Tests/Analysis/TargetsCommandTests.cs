using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Tallyroom.Tests.Analysis;

public sealed class TargetsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();

    public async Task InitializeAsync() => await AnalysisElection.WriteAsync(database.Path, new FakeTimeProvider());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();

    private async Task<(int Exit, JsonElement Json)> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(["targets", "westminster", .. args, "--json", "--db", database.Path]);
        Assert.Equal(string.Empty, error);
        return (exit, JsonDocument.Parse(output).RootElement);
    }

    [Fact]
    public async Task TargetsGivesTheSwingNeededForControlAndTheSeatsInOrder()
    {
        var (exit, json) = await JsonAsync("--party", "Labour");

        Assert.Equal(0, exit);
        Assert.Equal(("westminster", "Labour", "topVote", "previousContest"), (json.GetProperty("council").GetString(), json.GetProperty("party").GetString(), json.GetProperty("method").GetString(), json.GetProperty("basis").GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("from").ValueKind);
        Assert.Equal((5, 0, 5, 1, 4), (json.GetProperty("majority").GetInt32(), json.GetProperty("continuing").GetInt32(), json.GetProperty("seatsNeeded").GetInt32(), json.GetProperty("seatsHeld").GetInt32(), json.GetProperty("gainsNeeded").GetInt32()));
        // Abbey Road's second Labour seat: half the gap from 850 to the Conservatives' 1,450, over a top-vote total of 2,700.
        Assert.Equal(("needsSwing", 11.11), (json.GetProperty("status").GetString(), json.GetProperty("swingNeeded").GetDouble()));
        Assert.Equal(("Conservative", 2.5), (json.GetProperty("controllingParty").GetString(), json.GetProperty("swingToLoseControl").GetDouble()));
        var targets = json.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Bayswater", "Hyde Park", "Abbey Road", "Abbey Road", "Abbey Road"], targets.Select(t => t.GetProperty("ward").GetString()));
        Assert.Equal([2.5, 5.0, 9.26, 11.11, 12.96], targets.Select(t => t.GetProperty("swing").GetDouble()));
        Assert.Equal([1, 1, 1, 2, 3], targets.Select(t => t.GetProperty("seat").GetInt32()));
        Assert.All(targets, t => Assert.Equal("Conservative", t.GetProperty("holder").GetString()));
        Assert.Equal(AnalysisElection.Bayswater, targets[0].GetProperty("ballotId").GetString());
        Assert.Equal((2, 2), (json.GetProperty("notComparable").GetInt32(), json.GetProperty("seatsNotComparable").GetInt32()));
    }

    [Fact]
    public async Task PartiesAreFoundAsUsersTypeThem()
    {
        foreach (var typed in new[] { "labour", "PP53", "Labour and Co-operative", "Labour Party" })
        {
            var (exit, json) = await JsonAsync("--party", typed);

            Assert.Equal(0, exit);
            Assert.Equal("PP53", json.GetProperty("partyId").GetString());
        }
    }

    [Fact]
    public async Task APartyThatCannotReachTheMajorityHasNoSwingThisYear()
    {
        var (exit, json) = await JsonAsync("--party", "Liberal Democrats", "--from", "Conservative");

        Assert.Equal(0, exit);
        Assert.Equal(("impossibleThisYear", JsonValueKind.Null), (json.GetProperty("status").GetString(), json.GetProperty("swingNeeded").ValueKind));
        Assert.Equal(("Conservative", 2), (json.GetProperty("from").GetString(), json.GetProperty("seatsContested").GetInt32()));
        Assert.StartsWith("Liberal Democrats cannot win a majority in Westminster this year", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheDeclaredBasisDeclaredSeatsCountAsDeclared()
    {
        var (_, json) = await JsonAsync("--party", "Labour", "--basis", "declared", "--method", "total");

        Assert.Equal(("declaredResults", "totalVote", 2), (json.GetProperty("basis").GetString(), json.GetProperty("method").GetString(), json.GetProperty("seatsHeld").GetInt32()));
        Assert.DoesNotContain(json.GetProperty("targets").EnumerateArray(), t => t.GetProperty("ward").GetString() == "Bayswater");
    }

    [Fact]
    public async Task WithoutJsonTheSummaryAndTheTargetListArePrinted()
    {
        var (exit, output, _) = await CliRun.RunAsync("targets", "westminster", "--party", "Labour", "--db", database.Path);
        var lines = output.Split('\n');

        Assert.Equal(0, exit);
        Assert.Equal("Labour needs a swing of 11.11 points from each seat's holders for a majority (5 of 8) in Westminster: 4 gains, on top vote shares from when the seats were last fought. 2 wards (2 seats) with no comparable result are left out of the targets and assumed not won.", lines[0]);
        Assert.Equal("Conservative loses its majority in Westminster at a swing of 2.50 points against it, on top vote shares from when the seats were last fought.", lines[1]);
        Assert.Contains(lines, l => l.Contains("Hyde Park", StringComparison.Ordinal) && l.Contains("5.00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("error: council-slug: no council 'westmin' in this election. Did you mean: westminster?\n", "targets", "westmin", "--party", "Labour")]
    [InlineData("error: --party: no party 'Kitten Party' in this election.\n", "targets", "westminster", "--party", "Kitten Party")]
    [InlineData("error: --party: UKIP has no candidate in Westminster.\n", "targets", "westminster", "--party", "UKIP")]
    [InlineData("error: --party: name the party the swing is to, e.g. --party Labour.\n", "targets", "westminster")]
    [InlineData("error: --from: no party 'Whigs' in this election.\n", "targets", "westminster", "--party", "Labour", "--from", "Whigs")]
    [InlineData("error: --from: the swing to Labour cannot come from Labour.\n", "targets", "westminster", "--party", "Labour", "--from", "PP53")]
    [InlineData("error: --method: 'best' is not one of top, average, total.\n", "targets", "westminster", "--party", "Labour", "--method", "best")]
    [InlineData("error: --basis: 'future' is not one of previous, declared.\n", "targets", "westminster", "--party", "Labour", "--basis", "future")]
    public async Task RefusalsNameTheOptionAndExitWithTwo(string message, params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync([.. args, "--db", database.Path]);

        Assert.Equal((2, string.Empty, message), (exit, output, error));
    }
}
