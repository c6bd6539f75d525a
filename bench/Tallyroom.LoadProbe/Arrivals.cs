using System.Collections.Concurrent;

namespace Tallyroom.LoadProbe;

/// <summary>When each subscriber received each revision's event (<see cref="System.Diagnostics.Stopwatch"/> ticks). Thread-safe.</summary>
internal sealed class Arrivals(int subscribers)
{
    private readonly ConcurrentDictionary<long, Revision> revisions = new();

    /// <summary>Records that <paramref name="subscriber"/> received <paramref name="revision"/> at <paramref name="timestamp"/>.</summary>
    public void Record(long revision, int subscriber, long timestamp)
    {
        var r = revisions.GetOrAdd(revision, _ => new Revision(subscribers));
        if (Interlocked.CompareExchange(ref r.Times[subscriber], timestamp, 0) == 0 && Interlocked.Increment(ref r.Count) == subscribers)
        {
            r.All.TrySetResult();
        }
    }

    /// <summary>Completes when every subscriber has received <paramref name="revision"/>.</summary>
    public Task AllReceived(long revision) => revisions.GetOrAdd(revision, _ => new Revision(subscribers)).All.Task;

    /// <summary>How many subscribers have received <paramref name="revision"/>.</summary>
    public int Received(long revision) => revisions.TryGetValue(revision, out var r) ? Volatile.Read(ref r.Count) : 0;

    /// <summary>The arrival times of <paramref name="revision"/>, one per subscriber that received it.</summary>
    public long[] Times(long revision) =>
        revisions.TryGetValue(revision, out var r) ? [.. r.Times.Select((_, i) => Volatile.Read(ref r.Times[i])).Where(t => t != 0)] : [];

    private sealed class Revision(int subscribers)
    {
        public readonly long[] Times = new long[subscribers];
        public readonly TaskCompletionSource All = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Count;
    }
}
