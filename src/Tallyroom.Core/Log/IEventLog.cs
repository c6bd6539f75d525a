using Tallyroom.Core.Events;

namespace Tallyroom.Core.Log;

/// <summary>
/// The append-only event log: the system's only source of truth. Implementations order writes globally and assign
/// gapless revisions; an append is all-or-nothing and durable before it returns. Implementations are thread-safe.
/// </summary>
public interface IEventLog : IAsyncDisposable
{
    /// <summary>The revision of the last event in the log; 0 when it is empty.</summary>
    Task<long> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the events in one transaction, numbered from <paramref name="expectedHead"/> + 1, and returns the new
    /// head. Throws <see cref="EventLogConflictException"/>, having written nothing, when the head has moved on.
    /// </summary>
    Task<long> AppendAsync(IReadOnlyList<ElectionEvent> events, long expectedHead, DateTimeOffset recordedAt, CancellationToken cancellationToken = default);

    /// <summary>Reads the events after <paramref name="afterRevision"/>, up to and including <paramref name="upToRevision"/> when given, in order.</summary>
    IAsyncEnumerable<StoredEvent> ReadAsync(long afterRevision, long? upToRevision = null, CancellationToken cancellationToken = default);
}

/// <summary>Another writer appended first; nothing was written. Catch up and try again.</summary>
public sealed class EventLogConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventLogConflictException(long expectedHead, long actualHead)
        : base($"The log's head is {actualHead.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not {expectedHead.ToString(System.Globalization.CultureInfo.InvariantCulture)} as expected.")
    {
        ExpectedHead = expectedHead;
        ActualHead = actualHead;
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventLogConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EventLogConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public EventLogConflictException()
    {
    }

    /// <summary>The head the writer expected.</summary>
    public long ExpectedHead { get; }

    /// <summary>The head found.</summary>
    public long ActualHead { get; }
}
