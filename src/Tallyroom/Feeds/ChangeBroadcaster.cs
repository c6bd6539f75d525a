using System.Threading.Channels;

namespace Tallyroom.Feeds;

/// <summary>
/// Fans every change out to push subscribers. Each subscriber has a bounded buffer: one that falls that far behind is
/// disconnected (its channel completed) rather than allowed to hold the others up or to grow without bound; it resumes
/// from the change journal with its last event id, so it loses nothing. Each change is encoded once, as an SSE frame
/// shared by every subscriber. Once the host stops, it completes every subscriber and refuses new ones, so that open
/// streams end and do not hold the shutdown up. Thread-safe.
/// </summary>
internal sealed class ChangeBroadcaster(int buffer)
{
    private readonly Lock gate = new();
    private readonly HashSet<Channel<ChangeFrame>> subscribers = [];

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

    private bool closed;

    public ChannelReader<ChangeFrame> Subscribe()
    {
        var channel = Channel.CreateBounded<ChangeFrame>(new BoundedChannelOptions(buffer) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        lock (gate)
        {
            if (closed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                subscribers.Add(channel);
            }
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<ChangeFrame> reader)
    {
        lock (gate)
        {
            subscribers.RemoveWhere(c => c.Reader == reader);
        }
    }

    public void Publish(IReadOnlyList<Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (Count == 0)
        {
            return;
        }

        var frames = changes.Select(ChangeFrame.Of).ToList();
        lock (gate)
        {
            List<Channel<ChangeFrame>>? lagging = null;
            foreach (var subscriber in subscribers)
            {
                foreach (var frame in frames)
                {
                    if (!subscriber.Writer.TryWrite(frame))
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
            closed = true;
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            subscribers.Clear();
        }
    }
}
