using System.Threading.Channels;

namespace Tallyroom.Feeds;

/// <summary>
/// Fans every change out to push subscribers. Each subscriber has a bounded buffer: one that falls that far behind is
/// disconnected (its channel completed) rather than allowed to hold the others up or to grow without bound; it resumes
/// from the change journal with its last event id, so it loses nothing. Thread-safe.
/// </summary>
internal sealed class ChangeBroadcaster(int buffer)
{
    private readonly Lock gate = new();
    private readonly HashSet<Channel<Change>> subscribers = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count;
            }
        }
    }

    public ChannelReader<Change> Subscribe()
    {
        var channel = Channel.CreateBounded<Change>(new BoundedChannelOptions(buffer) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        lock (gate)
        {
            subscribers.Add(channel);
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<Change> reader)
    {
        lock (gate)
        {
            subscribers.RemoveWhere(c => c.Reader == reader);
        }
    }

    public void Publish(IReadOnlyList<Change> changes)
    {
        lock (gate)
        {
            List<Channel<Change>>? lagging = null;
            foreach (var subscriber in subscribers)
            {
                foreach (var change in changes)
                {
                    if (!subscriber.Writer.TryWrite(change))
                    {
                        subscriber.Writer.TryComplete();
                        (lagging ??= []).Add(subscriber);
                        break;
                    }
                }
            }

            lagging?.ForEach(l => subscribers.Remove(l));
        }
    }

    public void CompleteAll()
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            subscribers.Clear();
        }
    }
}
