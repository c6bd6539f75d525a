using Tallyroom.Core;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Hosting;

namespace Tallyroom.LiveBlog;

/// <summary>What an editor writes in a post: the text before it is rendered.</summary>
internal sealed record PostDraft
{
    public string? Headline { get; init; }

    public string? Markdown { get; init; }

    public bool KeyEvent { get; init; }

    public string? QuoteText { get; init; }

    public string? QuoteAttribution { get; init; }
}

/// <summary>
/// Writes editors' changes to live blogs through the engine: the Markdown is rendered and sanitised here, at the edge,
/// and the event stores both. Every refusal names the field and the rule; a refused write changes nothing.
/// Thread-safe.
/// </summary>
internal sealed class BlogWriter(ElectionNode node, TimeProvider clock)
{
    public abstract record Outcome;

    public sealed record Written(ElectionState State) : Outcome;

    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : Outcome;

    public async Task<(Outcome Outcome, string BlogId)> OpenAsync(string? title, BlogSettings? settings, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        var state = node.Current;
        var id = UniqueId(state, title ?? "");
        return (await WriteAsync(new BlogOpened(id, title?.Trim() ?? "", settings ?? BlogSettings.AllOn, clock.GetUtcNow()), ct).ConfigureAwait(false), id);
    }

    public async Task<(Outcome Outcome, string PostId)> PublishAsync(string blogId, PostDraft draft, CancellationToken ct)
    {
        var id = NewPostId();
        var refused = CheckCards(draft.Markdown);
        return refused is not null
            ? (refused, id)
            : (await WriteAsync(new PostPublished(blogId, Content(id, draft), clock.GetUtcNow()), ct).ConfigureAwait(false), id);
    }

    public Task<Outcome> EditAsync(string blogId, string postId, PostDraft draft, CancellationToken ct) =>
        CheckCards(draft.Markdown) is { } refused ? Task.FromResult<Outcome>(refused) : WriteAsync(new PostEdited(blogId, Content(postId, draft), clock.GetUtcNow()), ct);

    public Task<Outcome> DeleteAsync(string blogId, string postId, CancellationToken ct) => WriteAsync(new PostDeleted(blogId, postId, clock.GetUtcNow()), ct);

    public Task<Outcome> PinAsync(string blogId, string postId, bool pinned, CancellationToken ct) =>
        WriteAsync(pinned ? new PostPinned(blogId, postId) : new PostUnpinned(blogId, postId), ct);

    public Task<Outcome> KeyEventAsync(string blogId, string postId, bool keyEvent, CancellationToken ct) => WriteAsync(new PostKeyEventSet(blogId, postId, keyEvent), ct);

    public Task<Outcome> SummaryAsync(string blogId, string? markdown, CancellationToken ct) =>
        CheckCards(markdown) is { } refused ? Task.FromResult<Outcome>(refused) : WriteAsync(new BlogSummarySet(blogId, markdown?.Trim() ?? "", PostMarkup.Render(markdown)), ct);

    public Task<Outcome> SettingsAsync(string blogId, BlogSettings settings, CancellationToken ct) => WriteAsync(new BlogSettingsChanged(blogId, settings), ct);

    public Task<Outcome> CloseAsync(string blogId, CancellationToken ct) => WriteAsync(new BlogClosed(blogId, clock.GetUtcNow()), ct);

    /// <summary>Writes the events as one batch, refusing them if the log has moved past <paramref name="expectedRevision"/>.</summary>
    public async Task<ElectionState> WriteExactlyAsync(IReadOnlyList<ElectionEvent> events, long expectedRevision, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        return await node.Engine.WriteAsync(events, expectedRevision, cancellationToken: ct).ConfigureAwait(false);
    }

    public static PostContent Content(string postId, PostDraft draft) => new()
    {
        PostId = postId,
        Headline = string.IsNullOrWhiteSpace(draft.Headline) ? null : draft.Headline.Trim(),
        Markdown = draft.Markdown?.Trim() ?? "",
        Html = PostMarkup.Render(draft.Markdown),
        KeyEvent = draft.KeyEvent,
        Quote = string.IsNullOrWhiteSpace(draft.QuoteText) && string.IsNullOrWhiteSpace(draft.QuoteAttribution)
            ? null
            : new PostQuote(draft.QuoteText?.Trim() ?? "", draft.QuoteAttribution?.Trim() ?? ""),
    };

    private async Task<Outcome> WriteAsync(ElectionEvent e, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        try
        {
            return new Written(await node.Engine.WriteAsync([e], cancellationToken: ct).ConfigureAwait(false));
        }
        catch (RuleViolationException refusal)
        {
            return new Refused(refusal.Violations);
        }
    }

    /// <summary>A card names something the election has: a council, a ballot, a party standing, or the scoreboard.</summary>
    private Refused? CheckCards(string? markdown)
    {
        var state = node.Current;
        var unknown = PostMarkup.Cards(PostMarkup.Render(markdown)).Where(c => c.Kind switch
        {
            "council" => c.Key is null || !state.Councils.ContainsKey(c.Key),
            "ballot" => c.Key is null || !state.Ballots.ContainsKey(c.Key),
            "party-gains" => c.Key is null || Results.Pages.NightFacts.FindParty(state, c.Key) is null,
            _ => c.Key is not null,
        }).ToList();
        return unknown.Count == 0
            ? null
            : new Refused([.. unknown.Select(c => new RuleViolation("card-known", "markdown", $"The result card [[{c.Code}]] names nothing in this election."))]);
    }

    private static string UniqueId(ElectionState state, string title)
    {
        var stem = Slug.Make(title);
        stem = stem.Length == 0 ? "blog" : stem[..Math.Min(stem.Length, 60)].Trim('-');
        var id = stem;
        for (var n = 2; state.Blogs.ContainsKey(id); n++)
        {
            id = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }

    // Random rather than counted: two editors (or two nodes) publishing at once never choose the same id.
    private static string NewPostId() => "p-" + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture)[..12];
}
