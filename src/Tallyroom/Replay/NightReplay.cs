using System.Globalization;
using Tallyroom.Core.Events;
using Tallyroom.Hosting;
using Tallyroom.Simulation.Orders;

namespace Tallyroom.Replay;

/// <summary>
/// Plays a night's declarations into the serving node, one at a time at a chosen speed, as a results desk would
/// have entered them. Runs in the web host, so readers watch the night happen.
/// </summary>
internal sealed class NightReplay(ElectionNode node, ReplayPlan plan, TimeProvider clock, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start once the site is serving, so that readers see the night from its first declaration (and so that
        // a short replay cannot stop the host before it has started).
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => serving.TrySetResult()))
        {
            await serving.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await node.Started.ConfigureAwait(false);
        var declarations = plan.Order.Declarations;
        var pause = plan.DeclarationsPerSecond > 0 ? TimeSpan.FromSeconds(1 / plan.DeclarationsPerSecond) : TimeSpan.Zero;
        for (var i = 0; i < declarations.Length; i++)
        {
            var state = await node.Engine.WriteAsync([declarations[i]], cancellationToken: stoppingToken).ConfigureAwait(false);
            var council = state.Councils[state.Ballots[declarations[i].Declaration.BallotId].Definition.CouncilSlug];
            if (council.Declared && council.Outcome is { } outcome && !plan.Quiet)
            {
                await plan.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{i + 1}/{declarations.Length}] {Core.Counting.CouncilOutcomeText.Sentence(council.Definition.Name, outcome)}. {Core.Counting.ScoreboardText.Headline(state.Scoreboard)}.")).ConfigureAwait(false);
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(false);
            }
        }

        await plan.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The night is over: {declarations.Length} declarations replayed ({plan.Order.Description}).")).ConfigureAwait(false);
        foreach (var line in Core.Counting.ScoreboardText.Lines(node.Current.Scoreboard))
        {
            await plan.Output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (plan.ExitWhenDone)
        {
            lifetime.StopApplication();
        }
    }
}

/// <summary>What a replay plays: the declarations in order, how fast, and where it reports.</summary>
internal sealed record ReplayPlan
{
    public required OrderedDeclarations Order { get; init; }

    /// <summary>Declarations a second; 0 for as fast as the engine takes them.</summary>
    public required double DeclarationsPerSecond { get; init; }

    public required TextWriter Output { get; init; }

    public bool ExitWhenDone { get; init; }

    public bool Quiet { get; init; }
}

/// <summary>Splits an election's events into what is known before polls close and the declarations of the night.</summary>
internal static class NightSplit
{
    /// <summary>
    /// The night is every declaration of a contested ballot; everything else (the election, councils, ballots,
    /// baselines, postponements, statistics, and unopposed results, known at the close of nominations) is set-up.
    /// </summary>
    public static (IReadOnlyList<ElectionEvent> Setup, IReadOnlyList<DeclarationRecorded> Night) Of(IEnumerable<ElectionEvent> events)
    {
        var setup = new List<ElectionEvent>();
        var night = new List<DeclarationRecorded>();
        var contested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is BallotDefined b && !b.Ballot.IsUncontested)
            {
                contested.Add(b.Ballot.Id);
            }

            if (e is DeclarationRecorded d && contested.Contains(d.Declaration.BallotId))
            {
                night.Add(d);
            }
            else
            {
                setup.Add(e);
            }
        }

        return (setup, night);
    }
}
