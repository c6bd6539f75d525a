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

    /// <summary>
    /// Raised after events are folded in (a write made durable, or a catch-up with other writers), with each event
    /// and the states either side of it, in revision order. Handlers run on the writer's thread while writes are held,
    /// so they must be quick and must not write.
    /// </summary>
    public event Action<IReadOnlyList<AppliedEvent>>? Applied;

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
    /// version has moved past it: the whole log's revision, or, when <paramref name="versionOf"/> is given, the version
    /// it reads from the state (e.g. the revision that last changed one ballot), checked under the write lock. Returns
    /// the new state once the write is durable.
    /// </summary>
    public async Task<ElectionState> WriteAsync(IReadOnlyList<ElectionEvent> events, long? expectedRevision = null, Func<ElectionState, long>? versionOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var before = Current;
                if (expectedRevision is { } expected && (versionOf?.Invoke(before) ?? before.Revision) is var actual && actual != expected)
                {
                    throw new StaleRevisionException(expected, actual);
                }

                var applied = new List<AppliedEvent>(events.Count);
                var after = Fold(before, events, applied);
                var recordedAt = clock.GetUtcNow();
                try
                {
                    await log.AppendAsync(events, before.Revision, recordedAt, cancellationToken).ConfigureAwait(false);
                }
                catch (EventLogConflictException)
                {
                    // Another writer (another node or process) got in first: learn what it wrote and check again.
                    await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Volatile.Write(ref current, after);
                Applied?.Invoke([.. applied.Select(a => a with { RecordedAt = recordedAt })]);
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
    public static ElectionState Fold(ElectionState state, IReadOnlyList<ElectionEvent> events) => Fold(state, events, null);

    private static ElectionState Fold(ElectionState state, IReadOnlyList<ElectionEvent> events, List<AppliedEvent>? applied)
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

            var next = state.Apply(events[i], ++revision);
            applied?.Add(new AppliedEvent(revision, default, events[i], state, next));
            state = next;
        }

        return state;
    }

    /// <inheritdoc />
    public void Dispose() => writeGate.Dispose();

    private async Task<ElectionState> CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        var state = Current;
        var applied = Applied is null ? null : new List<AppliedEvent>();
        await foreach (var stored in log.ReadAsync(state.Revision, null, cancellationToken).ConfigureAwait(false))
        {
            var next = state.Apply(stored.Event, stored.Revision);
            applied?.Add(new AppliedEvent(stored.Revision, stored.RecordedAt, stored.Event, state, next));
            state = next;
        }

        Volatile.Write(ref current, state);
        if (applied is { Count: > 0 })
        {
            Applied?.Invoke(applied);
        }

        return state;
    }
}

/// <summary>One event folded in: its revision, when it was recorded, and the states before and after it. Immutable.</summary>
/// <param name="Revision">The event's revision.</param>
/// <param name="RecordedAt">When the write that appended it was made durable.</param>
/// <param name="Event">The event.</param>
/// <param name="Before">The state before it.</param>
/// <param name="After">The state after it.</param>
public sealed record AppliedEvent(long Revision, DateTimeOffset RecordedAt, ElectionEvent Event, ElectionState Before, ElectionState After);

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
