using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Storage.Tests;

internal static class LogExtensions
{
    public static async Task<List<StoredEvent>> ReadAllAsync(this IEventLog log, long afterRevision = 0, long? upToRevision = null)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in log.ReadAsync(afterRevision, upToRevision))
        {
            events.Add(stored);
        }

        return events;
    }

    /// <summary>
    /// Appends as a writer sharing the log with others does: try at <paramref name="firstHead"/>, and on a conflict
    /// re-read the head and try again. Returns the number of conflicts met.
    /// </summary>
    public static async Task<int> AppendRetryingAsync(this IEventLog log, IReadOnlyList<ElectionEvent> events, long firstHead, DateTimeOffset recordedAt)
    {
        var conflicts = 0;
        var head = firstHead;
        while (true)
        {
            try
            {
                await log.AppendAsync(events, head, recordedAt);
                return conflicts;
            }
            catch (EventLogConflictException)
            {
                conflicts++;
                head = await log.GetHeadAsync();
            }
        }
    }
}
