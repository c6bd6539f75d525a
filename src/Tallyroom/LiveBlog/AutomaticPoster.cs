using System.Threading.Channels;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Hosting;

namespace Tallyroom.LiveBlog;

/// <summary>
/// Writes the posts the results call for into every open blog (see <see cref="AutomaticPosts"/>): at start-up for
/// everything, then after every batch folded in for the councils it touched. A missing post is published, one whose
/// text a correction changed is edited; nothing is written twice, because each post has a deterministic id, the write
/// names the version of the blogs it was based on (another writer's blog write in between makes it start again), and
/// the log refuses a post id used before. An editor's own edit or deletion of an automatic post is left alone.
/// Thread-safe.
/// </summary>
internal sealed partial class AutomaticPoster(ElectionNode node, TimeProvider clock, ILogger<AutomaticPoster> logger) : BackgroundService
{
    private const int Attempts = 5;

    // null asks for everything; a set of slugs for those councils only.
    private long passes;

    private readonly Channel<HashSet<string>?> pending = Channel.CreateUnbounded<HashSet<string>?>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>How many times the poster has looked at the results and written what was due (for operators and tests).</summary>
    public long Passes => Interlocked.Read(ref passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await node.Started.WaitAsync(stoppingToken).ConfigureAwait(false);

        // Listen first, then look at everything: nothing folded in between is missed.
        node.Engine.Applied += OnApplied;
        try
        {
            pending.Writer.TryWrite(null);
            while (await pending.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var councils = new HashSet<string>(StringComparer.Ordinal);
                var everything = false;
                while (pending.Reader.TryRead(out var next))
                {
                    everything |= next is null;
                    councils.UnionWith(next ?? []);
                }

                try
                {
                    if (!await ReconcileAsync(everything ? null : councils, stoppingToken).ConfigureAwait(false))
                    {
                        // Overtaken again and again by a busy writer: keep what is owed for the next pass.
                        pending.Writer.TryWrite(everything ? null : councils);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }

                Interlocked.Increment(ref passes);
            }
        }
        finally
        {
            node.Engine.Applied -= OnApplied;
        }
    }

    /// <summary>
    /// Writes what is missing or out of date, based on the latest state, until the write is not overtaken; false when
    /// it was overtaken every time.
    /// </summary>
    private async Task<bool> ReconcileAsync(HashSet<string>? councils, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var state = node.Current;
            var events = Due(state, councils, clock.GetUtcNow());
            if (events.Count == 0)
            {
                return true;
            }

            try
            {
                await node.Engine.WriteAsync(events, BlogsVersion(state), BlogsVersion, ct).ConfigureAwait(false);
                return true;
            }
            catch (StaleRevisionException)
            {
                // Something was written meanwhile (perhaps these very posts, by another node): look again.
            }
            catch (RuleViolationException e) when (e.Violations.Any(v => v.Rule is "post-id-unique" or "blog-open" or "post-not-deleted"))
            {
                // Another writer got there first, or an editor closed the blog or deleted the post: look again.
            }
        }

        LogOvertaken(logger, Attempts);
        return false;
    }

    /// <summary>
    /// The version of the blogs a write is based on: the last revision that changed any of them. Results arriving in
    /// between do not overtake the write (the next pass writes what they change), but another writer's posts do.
    /// </summary>
    private static long BlogsVersion(ElectionState state) => state.Blogs.IsEmpty ? 0 : state.Blogs.Values.Max(b => b.LastChangedRevision);

    /// <summary>The events that bring every open blog's automatic posts up to date with the state.</summary>
    internal static List<ElectionEvent> Due(ElectionState state, IReadOnlySet<string>? councils, DateTimeOffset now)
    {
        var events = new List<ElectionEvent>();
        foreach (var blog in state.Blogs.Values.Where(b => !b.Closed).OrderBy(b => b.OpenedRevision))
        {
            foreach (var post in AutomaticPosts.For(state, blog, councils))
            {
                if (!blog.Posts.TryGetValue(post.PostId, out var existing))
                {
                    events.Add(new PostPublished(blog.Id, Content(post, post.KeyEvent), now));
                }
                else if (!existing.Deleted && existing.Content.Automatic is not null && post.Kind != AutomaticKind.StateOfParties
                    && (existing.Content.Headline != post.Headline || existing.Content.Markdown != post.Markdown))
                {
                    // The key event flag is the editors' to change; a correction keeps what they chose.
                    events.Add(new PostEdited(blog.Id, Content(post, existing.KeyEvent), now));
                }
            }
        }

        return events;
    }

    private static PostContent Content(AutomaticPost post, bool keyEvent) => new()
    {
        PostId = post.PostId,
        Headline = post.Headline,
        Markdown = post.Markdown,
        Html = PostMarkup.Render(post.Markdown),
        KeyEvent = keyEvent,
        Automatic = post.Kind,
    };

    // Runs on the writer's thread with writes held: only note what to look at.
    private void OnApplied(IReadOnlyList<AppliedEvent> applied)
    {
        HashSet<string>? councils = [];
        foreach (var a in applied)
        {
            switch (a.Event)
            {
                case BlogOpened or BlogSettingsChanged:
                    councils = null;
                    break;
                case DeclarationRecorded d when councils is not null:
                    councils.Add(a.After.Ballots[d.Declaration.BallotId].Definition.CouncilSlug);
                    break;
                case BallotPostponed p when councils is not null:
                    councils.Add(a.After.Ballots[p.BallotId].Definition.CouncilSlug);
                    break;
                case BallotBaselineRecorded b when councils is not null:
                    councils.Add(a.After.Ballots[b.Baseline.BallotId].Definition.CouncilSlug);
                    break;
                case CouncilBaselineRecorded c when councils is not null:
                    councils.Add(c.Baseline.CouncilSlug);
                    break;
                default:
                    break;
            }
        }

        if (councils is null || councils.Count > 0)
        {
            pending.Writer.TryWrite(councils);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing automatic blog posts failed; the next result will try again.")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Automatic blog posts were overtaken by other writes {Attempts} times in a row; trying again.")]
    private static partial void LogOvertaken(ILogger logger, int attempts);
}
