using Tallyroom.Core.Events;

namespace Tallyroom.Core.Log;

/// <summary>An event as the log holds it: its global revision and when it was recorded. Immutable.</summary>
/// <param name="Revision">Global, gapless, starting at 1.</param>
/// <param name="RecordedAt">When the write that appended it was made durable.</param>
/// <param name="Event">The fact.</param>
public sealed record StoredEvent(long Revision, DateTimeOffset RecordedAt, ElectionEvent Event);
