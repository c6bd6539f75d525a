using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Xunit.Abstractions;

namespace Tallyroom.Storage.Tests;

/// <summary>
/// What every <see cref="IEventLog"/> engine must do, written once: each engine's test class derives from this and
/// supplies <see cref="CreateLogAsync"/>. Each test starts with an empty store of its own.
/// </summary>
public abstract class EventLogContract(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IEventLog> opened = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var log in opened)
        {
            await log.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnEmptyLogHasHeadZeroAndReadsNothing()
    {
        var log = await OpenLogAsync();

        Assert.Equal(0, await log.GetHeadAsync());
        Assert.Empty(await log.ReadAllAsync());
    }

    [Fact]
    public async Task AppendReturnsTheNewHeadAndNumbersEventsFromOneWithoutGaps()
    {
        var log = await OpenLogAsync();

        var first = await log.AppendAsync(ElectionNight.Setup[..3], 0, ElectionNight.Night);
        var second = await log.AppendAsync(ElectionNight.Setup[3..], 3, ElectionNight.Night);

        Assert.Equal(3, first);
        Assert.Equal(9, second);
        Assert.Equal(9, await log.GetHeadAsync());
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9], (await log.ReadAllAsync()).Select(e => e.Revision));
    }

    [Fact]
    public async Task EveryEventTypeRoundTripsExactly()
    {
        var log = await OpenLogAsync();

        ElectionEvent[] everything = [.. ElectionNight.All, .. ElectionNight.Baselines, .. ElectionNight.Blog];
        await log.AppendAsync(everything, 0, ElectionNight.Night);
        var stored = await log.ReadAllAsync();

        EventAssert.Stored(everything, stored);
        var declaredTypes = typeof(ElectionEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        Assert.Equal(18, declaredTypes.Count);
        Assert.Equal(declaredTypes, everything.Select(e => e.GetType()).ToHashSet());
    }

    [Fact]
    public async Task EachEventIsReadBackWithTheInstantItsWriteWasRecordedAt()
    {
        var log = await OpenLogAsync();
        var later = ElectionNight.Night.AddMinutes(17);

        await log.AppendAsync(ElectionNight.Setup[..2], 0, ElectionNight.Night);
        await log.AppendAsync(ElectionNight.Setup[2..3], 2, later);
        var stored = await log.ReadAllAsync();

        Assert.Equal([ElectionNight.Night, ElectionNight.Night, later], stored.Select(e => e.RecordedAt));
        Assert.Equal(new DateTime(2018, 5, 4, 2, 45, 12, 345, DateTimeKind.Utc).AddTicks(6780), stored[0].RecordedAt.UtcDateTime);
    }

    [Theory]
    [InlineData(0, null, 1, 15)]
    [InlineData(12, null, 13, 15)]
    [InlineData(0, 3L, 1, 3)]
    [InlineData(4, 6L, 5, 6)]
    [InlineData(13, 99L, 14, 15)]
    [InlineData(14, 15L, 15, 15)]
    public async Task ReadReturnsTheEventsAfterOneRevisionUpToAndIncludingAnother(long after, long? upTo, long expectedFirst, long expectedLast)
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.All, 0, ElectionNight.Night);

        var stored = await log.ReadAllAsync(after, upTo);

        var expected = ElectionNight.All[(int)(expectedFirst - 1)..(int)expectedLast];
        EventAssert.Stored(expected, stored, expectedFirst);
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(20, null)]
    [InlineData(6, 6L)]
    [InlineData(6, 2L)]
    [InlineData(0, 0L)]
    public async Task ReadReturnsNothingWhenTheRangeHoldsNoEvent(long after, long? upTo)
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.All, 0, ElectionNight.Night);

        Assert.Empty(await log.ReadAllAsync(after, upTo));
    }

    [Fact]
    public async Task ReadingFromANegativeRevisionIsRefused()
    {
        var log = await OpenLogAsync();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => log.ReadAsync(-1));

        Assert.Equal("afterRevision", e.ParamName);
    }

    [Fact]
    public async Task ReadingThousandsOfEventsReturnsEachOnceInOrder()
    {
        var log = await OpenLogAsync();
        var events = Markers("bulk", 2345);
        await log.AppendAsync(events, 0, ElectionNight.Night);

        var all = await log.ReadAllAsync();
        var middle = await log.ReadAllAsync(999, 2001);

        EventAssert.Stored(events, all);
        EventAssert.Stored(events[999..2001], middle, 1000);
    }

    [Fact]
    public async Task AStaleExpectedHeadThrowsAConflictAndWritesNothing()
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.Setup[..3], 0, ElectionNight.Night);

        var e = await Assert.ThrowsAsync<EventLogConflictException>(() => log.AppendAsync(ElectionNight.Setup[3..], 2, ElectionNight.Night));

        Assert.Equal(2, e.ExpectedHead);
        Assert.Equal(3, e.ActualHead);
        Assert.Equal(3, await log.GetHeadAsync());
        EventAssert.Stored(ElectionNight.Setup[..3], await log.ReadAllAsync());
    }

    [Fact]
    public async Task AnExpectedHeadBeyondTheLogThrowsAConflictAndWritesNothing()
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.Setup[..3], 0, ElectionNight.Night);

        var e = await Assert.ThrowsAsync<EventLogConflictException>(() => log.AppendAsync(ElectionNight.Setup[3..], 5, ElectionNight.Night));

        Assert.Equal(5, e.ExpectedHead);
        Assert.Equal(3, e.ActualHead);
        Assert.Equal(3, (await log.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task AppendingNoEventsReturnsTheHeadAndWritesNothing()
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.Setup[..3], 0, ElectionNight.Night);

        var head = await log.AppendAsync([], 3, ElectionNight.Night);

        Assert.Equal(3, head);
        Assert.Equal(3, (await log.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task AnAppendCancelledBeforeItStartsWritesNothing()
    {
        var log = await OpenLogAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => log.AppendAsync(ElectionNight.Setup, 0, ElectionNight.Night, cancelled.Token));

        Assert.Equal(0, await log.GetHeadAsync());
    }

    [Fact]
    public async Task TwoInstancesRacingForTheSameHeadGetOneConflictPerRoundAndLoseNothing()
    {
        var first = await OpenLogAsync();
        var second = await OpenLogAsync();
        const int Rounds = 25;

        var conflicts = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // Both writers start from the same head, so exactly one of them must lose, re-read the head and retry.
            var head = await first.GetHeadAsync();
            var outcomes = await Task.WhenAll(
                Task.Run(() => first.AppendRetryingAsync(Markers($"first/{round.ToString(CultureInfo.InvariantCulture)}", 3), head, ElectionNight.Night)),
                Task.Run(() => second.AppendRetryingAsync(Markers($"second/{round.ToString(CultureInfo.InvariantCulture)}", 3), head, ElectionNight.Night)));
            Assert.Equal(1, outcomes.Sum());
            conflicts += outcomes.Sum();
        }

        Assert.Equal(Rounds, conflicts);
        Assert.Equal(Rounds * 6, await second.GetHeadAsync());
        var stored = await first.ReadAllAsync();
        AssertGaplessWithEveryBatchWhole(stored, Rounds * 6);
        Assert.Equal(
            Enumerable.Range(0, Rounds).SelectMany(r => new[] { $"first/{r}/0", $"first/{r}/1", $"first/{r}/2" }),
            stored.Select(e => ((BallotPostponed)e.Event).BallotId).Where(id => id.StartsWith("first/", StringComparison.Ordinal)));
        Assert.Equal(
            Enumerable.Range(0, Rounds).SelectMany(r => new[] { $"second/{r}/0", $"second/{r}/1", $"second/{r}/2" }),
            stored.Select(e => ((BallotPostponed)e.Event).BallotId).Where(id => id.StartsWith("second/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ManyWritersOnTwoInstancesEndWithAGaplessLogHoldingEveryEventOnce()
    {
        var instances = new[] { await OpenLogAsync(), await OpenLogAsync() };
        const int Writers = 4;
        const int Appends = 30;

        // Two writers share each instance, so this also exercises one instance used from several threads. They set
        // off together; whether and how often they collide is up to the scheduler, so conflicts are only reported.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var log = instances[w % 2];
            var met = 0;
            for (var i = 0; i < Appends; i++)
            {
                met += await log.AppendRetryingAsync(Markers($"w{w.ToString(CultureInfo.InvariantCulture)}/{i.ToString(CultureInfo.InvariantCulture)}", 2), await log.GetHeadAsync(), ElectionNight.Night);
            }

            return met;
        })).ToArray();
        start.SetResult();
        var conflicts = await Task.WhenAll(writers);

        output.WriteLine($"{conflicts.Sum()} conflicts met and retried by {Writers} writers");
        var stored = await instances[0].ReadAllAsync();
        AssertGaplessWithEveryBatchWhole(stored, Writers * Appends * 2);
        for (var w = 0; w < Writers; w++)
        {
            var prefix = $"w{w}/";
            Assert.Equal(
                Enumerable.Range(0, Appends).SelectMany(i => new[] { $"w{w}/{i}/0", $"w{w}/{i}/1" }),
                stored.Select(e => ((BallotPostponed)e.Event).BallotId).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task ReadersNeverSeePartOfABatchWhileAWriterAppends()
    {
        var log = await OpenLogAsync();
        const int Batches = 60;
        const int BatchSize = 5;
        const int Readers = 3;
        var writing = true;
        var reads = 0;
        var seen = new ConcurrentDictionary<int, bool>();

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            var previous = 0;
            while (Volatile.Read(ref writing))
            {
                var stored = await log.ReadAllAsync();
                Assert.Equal(0, stored.Count % BatchSize);
                Assert.True(stored.Count >= previous, $"A read saw {stored.Count} events after an earlier one saw {previous}.");
                Assert.Equal(Enumerable.Range(1, stored.Count).Select(r => (long)r), stored.Select(e => e.Revision));
                previous = stored.Count;
                seen.TryAdd(stored.Count, true);
                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        for (var batch = 0; batch < Batches; batch++)
        {
            if (batch % 10 == 0)
            {
                // Appends may complete without yielding, so pause until reads have started since the pause: of
                // twice as many reads as readers, at least one per reader began after it, and saw exactly this head.
                var target = Volatile.Read(ref reads) + (2 * Readers);
                while (Volatile.Read(ref reads) < target && !readers.Any(r => r.IsCompleted))
                {
                    await Task.Delay(1);
                }
            }

            await log.AppendAsync(Markers($"batch/{batch.ToString(CultureInfo.InvariantCulture)}", BatchSize), batch * BatchSize, ElectionNight.Night);
        }

        Volatile.Write(ref writing, false);
        await Task.WhenAll(readers);
        output.WriteLine($"{reads} reads ran during the appends");
        Assert.Subset(seen.Keys.ToHashSet(), new HashSet<int> { 0, 50, 100, 150, 200, 250 });
        Assert.Equal(Batches * BatchSize, (await log.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task ReopeningTheStoreReturnsEverythingWritten()
    {
        var log = await OpenLogAsync();
        await log.AppendAsync(ElectionNight.Setup, 0, ElectionNight.Night);
        await log.AppendAsync(ElectionNight.All[9..], 9, ElectionNight.Night.AddHours(1));
        await log.DisposeAsync();

        var reopened = await OpenLogAsync();
        var stored = await reopened.ReadAllAsync();

        Assert.Equal(15, await reopened.GetHeadAsync());
        EventAssert.Stored(ElectionNight.All, stored);
        Assert.Equal(ElectionNight.Night.AddHours(1), stored[^1].RecordedAt);
    }

    [Fact]
    public async Task TwentyThousandEventsAppendInOneCallAndReadBackInOrder()
    {
        var log = await OpenLogAsync();
        var events = Enumerable.Range(1, 20_000)
            .Select(i => (ElectionEvent)new BallotDefined(ElectionNight.AbingdonBallot.Ballot with { Id = $"local.kensington-and-chelsea.ward-{i.ToString(CultureInfo.InvariantCulture)}.2018-05-03" }))
            .ToArray();

        var clock = Stopwatch.StartNew();
        var head = await log.AppendAsync(events, 0, ElectionNight.Night);
        var appended = clock.Elapsed;
        clock.Restart();
        var stored = await log.ReadAllAsync();
        var read = clock.Elapsed;

        output.WriteLine($"{GetType().Name}: appended 20,000 events in one call in {appended.TotalMilliseconds:F0} ms; read them back in {read.TotalMilliseconds:F0} ms");
        Assert.Equal(20_000, head);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(r => (long)r), stored.Select(e => e.Revision));
        EventAssert.Equal(events[12_344], stored[12_344].Event);
        Assert.Equal("local.kensington-and-chelsea.ward-20000.2018-05-03", ((BallotDefined)stored[^1].Event).Ballot.Id);
    }

    /// <summary>
    /// Opens a new instance of the log over this test's own store, as another process would: several calls in one
    /// test share the store, and the first finds it empty.
    /// </summary>
    protected abstract Task<IEventLog> CreateLogAsync();

    /// <summary>Opens an instance with <see cref="CreateLogAsync"/> and disposes it after the test.</summary>
    protected async Task<IEventLog> OpenLogAsync()
    {
        var log = await CreateLogAsync();
        opened.Add(log);
        return log;
    }

    /// <summary>Events that say who wrote them and in what order, for tests where rules do not matter.</summary>
    private static ElectionEvent[] Markers(string writer, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new BallotPostponed($"{writer}/{i.ToString(CultureInfo.InvariantCulture)}", "marker"))];

    private static void AssertGaplessWithEveryBatchWhole(List<StoredEvent> stored, int expectedCount)
    {
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(r => (long)r), stored.Select(e => e.Revision));

        // A batch's events are consecutive: the one before each "/0" marker ends another batch.
        var ids = stored.Select(e => ((BallotPostponed)e.Event).BallotId).ToArray();
        for (var i = 1; i < ids.Length; i++)
        {
            if (!ids[i].EndsWith("/0", StringComparison.Ordinal))
            {
                var batch = ids[i][..ids[i].LastIndexOf('/')];
                Assert.StartsWith(batch + "/", ids[i - 1]);
            }
        }
    }
}
