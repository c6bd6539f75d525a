namespace Tallyroom.Feeds;

/// <summary>
/// Every change since revision 1, in order, kept in memory for the change feed and for push subscribers resuming
/// after a disconnect. Appended by one writer; read by many without locks (an appended change is never altered).
/// </summary>
internal sealed class ChangeJournal
{
    private readonly Lock appendLock = new();
    private readonly Dictionary<string, IdempotentWrite> idempotent = new(StringComparer.Ordinal);
    private Change[] changes = new Change[1024];
    private int count;

    /// <summary>The revision of the last change; 0 when empty.</summary>
    public long Head => Volatile.Read(ref count) is var n && n > 0 ? Volatile.Read(ref changes)[n - 1].Revision : 0;

    /// <summary>The write that used an idempotency key, if any did.</summary>
    public IdempotentWrite? FindIdempotent(string key)
    {
        lock (appendLock)
        {
            return idempotent.GetValueOrDefault(key);
        }
    }

    public void RememberIdempotent(string key, IdempotentWrite write)
    {
        lock (appendLock)
        {
            idempotent.TryAdd(key, write);
        }
    }

    public void Append(IEnumerable<Change> appended)
    {
        lock (appendLock)
        {
            foreach (var change in appended)
            {
                if (count == changes.Length)
                {
                    var grown = new Change[changes.Length * 2];
                    Array.Copy(changes, grown, count);
                    Volatile.Write(ref changes, grown);
                }

                changes[count] = change;
                Volatile.Write(ref count, count + 1);
            }
        }
    }

    /// <summary>The changes after <paramref name="since"/>, at most <paramref name="limit"/> of them, in order.</summary>
    public IReadOnlyList<Change> Since(long since, int limit)
    {
        // Revisions start at 1 and are gapless, so a change's index is its revision minus one.
        var n = Volatile.Read(ref count);
        var array = Volatile.Read(ref changes);
        var start = (int)Math.Clamp(since, 0, n);
        var length = Math.Min(limit, n - start);
        return length <= 0 ? Array.Empty<Change>() : new ArraySegment<Change>(array, start, length);
    }
}

/// <summary>A declaration written with an idempotency key: its revision and what it said.</summary>
internal sealed record IdempotentWrite(long Revision, string BallotId, Core.Declarations.Declaration Declaration);
