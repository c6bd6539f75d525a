using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;

namespace Tallyroom.Core.Log;

/// <summary>
/// Keeps the current <see cref="ElectionState"/> in step with the log and is the only way writes reach it: a write is
/// checked against the state, appended in one transaction, and only then folded in. Readers take
/// <see cref="Current"/> without locks; writers are serialised. Thread-safe.
/// </summary>
public sealed class ResultsEngine(IEventLog log, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private ElectionState current = ElectionState.Empty;

    /// <summary>The latest state. Immutable; safe to hold while the engine moves on.</summary>
    public ElectionState Current => Volatile.Read(ref current);

    /// <summary>The log this engine writes to.</summary>
    public IEventLog Log => log;

    /// <summary>Folds every event the log holds beyond <see cref="Current"/> (at start, or when another node wrote).</summary>
    public async Task<ElectionState> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Checks the events in order against the current state, then appends them in one transaction and folds them in.
    /// Throws <see cref="RuleViolationException"/> (naming the event's index) and writes nothing if any event breaks
    /// a rule; throws <see cref="StaleRevisionException"/> when <paramref name="expectedRevision"/> is given and the
    /// state has moved past it. Returns the new state once the write is durable.
    /// </summary>
    public async Task<ElectionState> WriteAsync(IReadOnlyList<ElectionEvent> events, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var before = Current;
                if (expectedRevision is { } expected && expected != before.Revision)
                {
                    throw new StaleRevisionException(expected, before.Revision);
                }

                var after = Fold(before, events);
                try
                {
                    await log.AppendAsync(events, before.Revision, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
                catch (EventLogConflictException)
                {
                    // Another writer (another node or process) got in first: learn what it wrote and check again.
                    await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Volatile.Write(ref current, after);
                return after;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Folds the log from the start up to and including <paramref name="revision"/> (all of it when null).</summary>
    public static async Task<ElectionState> StateAtAsync(IEventLog log, long? revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var state = ElectionState.Empty;
        await foreach (var stored in log.ReadAsync(0, revision, cancellationToken).ConfigureAwait(false))
        {
            state = state.Apply(stored.Event, stored.Revision);
        }

        return state;
    }

    /// <summary>
    /// Checks and folds events onto a state without writing anything: what <see cref="WriteAsync"/> would produce.
    /// Throws <see cref="RuleViolationException"/> for the first event that breaks a rule.
    /// </summary>
    public static ElectionState Fold(ElectionState state, IReadOnlyList<ElectionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var revision = state.Revision;
        for (var i = 0; i < events.Count; i++)
        {
            var problems = state.Check(events[i]);
            if (problems.Count > 0)
            {
                throw new RuleViolationException(problems) { EventIndex = i };
            }

            state = state.Apply(events[i], ++revision);
        }

        return state;
    }

    /// <inheritdoc />
    public void Dispose() => writeGate.Dispose();

    private async Task<ElectionState> CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        var state = Current;
        await foreach (var stored in log.ReadAsync(state.Revision, null, cancellationToken).ConfigureAwait(false))
        {
            state = state.Apply(stored.Event, stored.Revision);
        }

        Volatile.Write(ref current, state);
        return state;
    }
}

/// <summary>A write said which revision it was based on, and the state has moved on since (HTTP 409). Nothing was written.</summary>
public sealed class StaleRevisionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StaleRevisionException(long expected, long actual)
        : base($"The write was based on revision {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}, but the current revision is {actual.ToString(System.Globalization.CultureInfo.InvariantCulture)}.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Creates the exception with a message.</summary>
    public StaleRevisionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public StaleRevisionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public StaleRevisionException()
    {
    }

    /// <summary>The revision the write was based on.</summary>
    public long Expected { get; }

    /// <summary>The current revision.</summary>
    public long Actual { get; }
}
