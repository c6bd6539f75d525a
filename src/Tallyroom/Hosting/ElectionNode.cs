using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Feeds;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Hosting;

/// <summary>
/// One serving node: it owns the event log and the engine folded from it, keeps the change journal, tells push
/// subscribers about every revision, and follows events written by other processes (an import or a replay on the same
/// file). Everything readers need is immutable and read without locks. Thread-safe.
/// </summary>
internal sealed partial class ElectionNode(IOptions<TallyroomOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ElectionNode> logger) : BackgroundService
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StateHistory history = new();
    private SqliteEventLog? log;
    private ResultsEngine? engine;

    public ChangeJournal Journal { get; } = new();

    public ChangeBroadcaster Broadcaster { get; } = new(options.Value.SubscriberBuffer);

    /// <summary>The current state: the log's head as this node knows it.</summary>
    public ElectionState Current => Engine.Current;

    public ResultsEngine Engine => engine ?? throw new InvalidOperationException("The election node has not started.");

    public SqliteEventLog Log => log ?? throw new InvalidOperationException("The election node has not started.");

    /// <summary>Completes once the log is open and folded, so that requests never see a half-loaded state.</summary>
    public Task Started => started.Task;

    /// <summary>The state as at <paramref name="revision"/>: the current one, or the log folded up to it (cached).</summary>
    public async Task<ElectionState?> StateAtAsync(long? revision, CancellationToken cancellationToken)
    {
        var current = Current;
        if (revision is null || revision == current.Revision)
        {
            return current;
        }

        if (revision < 0 || revision > current.Revision)
        {
            return null;
        }

        return await history.GetAsync(revision.Value, r => ResultsEngine.StateAtAsync(Log, r, cancellationToken)).ConfigureAwait(false);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            log = await SqliteEventLog.OpenAsync(options.Value.Database, cancellationToken).ConfigureAwait(false);
            engine = new ResultsEngine(log, clock);
            engine.Applied += OnApplied;
            await engine.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            LogServing(logger, options.Value.Database, engine.Current.Revision);

            // Open push streams would hold the server's shutdown up until its timeout; end them as soon as it begins.
            lifetime.ApplicationStopping.Register(Broadcaster.CompleteAll);
            started.TrySetResult();
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            throw;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Other processes may append to the same file; SQLite cannot tell us, so look now and then. With PostgreSQL,
        // LISTEN/NOTIFY would wake the node instead.
        using var timer = new PeriodicTimer(options.Value.CatchUpInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await Log.GetHeadAsync(stoppingToken).ConfigureAwait(false) > Engine.Current.Revision)
                {
                    await Engine.CatchUpAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCatchUpFailed(logger, e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Broadcaster.CompleteAll();
        engine?.Dispose();
        if (log is not null)
        {
            await log.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Database} at revision {Revision}.")]
    private static partial void LogServing(ILogger logger, string database, long revision);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up with the event log failed; trying again.")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception error);

    private void OnApplied(IReadOnlyList<AppliedEvent> applied)
    {
        foreach (var a in applied)
        {
            if (a.Event is Core.Events.DeclarationRecorded { IdempotencyKey: { } key } d)
            {
                Journal.RememberIdempotent(key, new IdempotentWrite(a.Revision, d.Declaration.BallotId, d.Declaration));
            }
        }

        var changes = applied.Select(Change.Of).ToList();
        Journal.Append(changes);
        Broadcaster.Publish(changes);
    }

    /// <summary>A few recent past states, so that "as at revision N" pages do not refold the log on every request.</summary>
    private sealed class StateHistory
    {
        private const int Capacity = 16;
        private readonly Lock gate = new();
        private readonly LinkedList<(long Revision, Task<ElectionState> State)> recent = new();

        public Task<ElectionState> GetAsync(long revision, Func<long, Task<ElectionState>> fold)
        {
            lock (gate)
            {
                for (var node = recent.First; node is not null; node = node.Next)
                {
                    if (node.Value.Revision == revision)
                    {
                        recent.Remove(node);
                        recent.AddFirst(node);
                        return node.Value.State;
                    }
                }

                var state = fold(revision);
                recent.AddFirst((revision, state));
                if (recent.Count > Capacity)
                {
                    recent.RemoveLast();
                }

                return state;
            }
        }
    }
}
