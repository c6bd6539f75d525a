using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Core.Tests.Blogs;

public sealed class BlogRulesTests
{
    private static readonly DateTimeOffset Ten = new(2018, 5, 3, 21, 0, 0, TimeSpan.Zero);

    private static PostContent Post(string id, string markdown = "Turnout is up in Trafford.", string? headline = null, bool keyEvent = false) =>
        new() { PostId = id, Headline = headline, Markdown = markdown, Html = markdown.Length == 0 ? "" : $"<p>{markdown}</p>", KeyEvent = keyEvent };

    private static ElectionState Fold(params ElectionEvent[] events) => ResultsEngine.Fold(ElectionState.Empty, events);

    private static ElectionState Blog() => Fold(new BlogOpened("night", "Local elections — as it happened", BlogSettings.AllOn, Ten));

    private static IReadOnlyList<string> Refusals(ElectionState state, ElectionEvent e) => [.. state.Check(e).Select(v => $"{v.Field}: {v.Rule}")];

    [Fact]
    public void AnOpenedBlogHasItsTitleSettingsAndNoPosts()
    {
        var blog = Blog().Blogs["night"];

        Assert.Equal(("Local elections — as it happened", false, 1L), (blog.Title, blog.Closed, blog.OpenedRevision));
        Assert.True(blog.Settings.CouncilDeclared && blog.Settings.ControlChanged && blog.Settings.StateOfParties && blog.Settings.NotableWards);
        Assert.Empty(blog.Visible);
    }

    [Fact]
    public void PostsAreShownNewestFirstAndDeletedOnesAreHiddenButKept()
    {
        var state = ResultsEngine.Fold(Blog(),
        [
            new PostPublished("night", Post("first"), Ten),
            new PostPublished("night", Post("second"), Ten.AddMinutes(1)),
            new PostPublished("night", Post("third"), Ten.AddMinutes(2)),
            new PostDeleted("night", "second", Ten.AddMinutes(3)),
        ]);
        var blog = state.Blogs["night"];

        Assert.Equal(["third", "first"], blog.Visible.Select(p => p.Id));
        Assert.True(blog.Posts["second"].Deleted);
        Assert.Equal(Ten.AddMinutes(3), blog.Posts["second"].DeletedAt);
        Assert.Equal(5L, blog.Posts["second"].LastChangedRevision);
    }

    [Fact]
    public void AnEditKeepsThePreviousVersionInTheHistory()
    {
        var state = ResultsEngine.Fold(Blog(),
        [
            new PostPublished("night", Post("p1", "Turnot is up."), Ten),
            new PostEdited("night", Post("p1", "Turnout is up.", headline: "Turnout"), Ten.AddMinutes(5)),
        ]);
        var post = state.Blogs["night"].Posts["p1"];

        Assert.Equal(("Turnout is up.", "Turnout"), (post.Content.Markdown, post.Content.Headline));
        Assert.Equal("Turnot is up.", Assert.Single(post.History).Content.Markdown);
        Assert.Equal((Ten, 2L), (post.History[0].At, post.History[0].Revision));
        Assert.Equal((Ten, Ten.AddMinutes(5), 3L), (post.PublishedAt, post.EditedAt, post.ContentRevision));
    }

    [Fact]
    public void OnlyOnePostIsPinnedAndDeletingItUnpinsIt()
    {
        var state = ResultsEngine.Fold(Blog(),
        [
            new PostPublished("night", Post("p1"), Ten),
            new PostPublished("night", Post("p2"), Ten),
            new PostPinned("night", "p1"),
            new PostPinned("night", "p2"),
        ]);
        var deleted = ResultsEngine.Fold(state, [new PostDeleted("night", "p2", Ten)]);

        Assert.Equal("p2", state.Blogs["night"].Pinned?.Id);
        Assert.Null(deleted.Blogs["night"].PinnedPostId);
    }

    [Fact]
    public void AKeyEventCanBeMarkedAndUnmarked()
    {
        var state = ResultsEngine.Fold(Blog(), [new PostPublished("night", Post("p1"), Ten), new PostPublished("night", Post("p2", keyEvent: true), Ten), new PostKeyEventSet("night", "p1", true)]);
        var unmarked = ResultsEngine.Fold(state, [new PostKeyEventSet("night", "p2", false)]);

        Assert.Equal(["p2", "p1"], state.Blogs["night"].KeyEvents.Select(p => p.Id));
        Assert.Equal(["p1"], unmarked.Blogs["night"].KeyEvents.Select(p => p.Id));
    }

    [Fact]
    public void AnEmptySummaryRemovesTheSummaryBox()
    {
        var set = ResultsEngine.Fold(Blog(), [new BlogSummarySet("night", "Labour **ahead**", "<p>Labour <strong>ahead</strong></p>")]);
        var cleared = ResultsEngine.Fold(set, [new BlogSummarySet("night", " ", "")]);

        Assert.Equal("<p>Labour <strong>ahead</strong></p>", set.Blogs["night"].SummaryHtml);
        Assert.Null(cleared.Blogs["night"].SummaryHtml);
    }

    [Fact]
    public void WritesToAnUnknownBlogAreRefusedNamingTheBlog()
    {
        Assert.Equal(["blogId: blog-known"], Refusals(Blog(), new PostPublished("elsewhere", Post("p1"), Ten)));
        Assert.Equal(["blogId: blog-known"], Refusals(Blog(), new BlogClosed("elsewhere", Ten)));
    }

    [Fact]
    public void AClosedBlogTakesNoMorePostsOrChanges()
    {
        var closed = ResultsEngine.Fold(Blog(), [new PostPublished("night", Post("p1"), Ten), new BlogClosed("night", Ten.AddHours(8))]);

        Assert.True(closed.Blogs["night"].Closed);
        Assert.Equal(["blogId: blog-open"], Refusals(closed, new PostPublished("night", Post("p2"), Ten)));
        Assert.Equal(["blogId: blog-open"], Refusals(closed, new PostEdited("night", Post("p1"), Ten)));
        Assert.Equal(["blogId: blog-open"], Refusals(closed, new BlogClosed("night", Ten)));
    }

    [Fact]
    public void APostIdIsUsedOnceEvenAfterTheFirstPostWasDeleted()
    {
        var state = ResultsEngine.Fold(Blog(), [new PostPublished("night", Post("auto-council-trafford"), Ten), new PostDeleted("night", "auto-council-trafford", Ten)]);

        Assert.Equal(["postId: post-id-unique"], Refusals(state, new PostPublished("night", Post("auto-council-trafford"), Ten)));
    }

    [Fact]
    public void APostNeedsABodyAndAWellFormedId()
    {
        Assert.Equal(["markdown: body-required"], Refusals(Blog(), new PostPublished("night", Post("p1", "  "), Ten)));
        Assert.Equal(["postId: post-id-form"], Refusals(Blog(), new PostPublished("night", Post("Not An Id!"), Ten)));
    }

    [Fact]
    public void AQuoteNeedsWordsAndAnAttribution()
    {
        var post = Post("p1") with { Quote = new PostQuote("", " ") };

        Assert.Equal(["quote.text: quote-text-required", "quote.attribution: quote-attribution-required"], Refusals(Blog(), new PostPublished("night", post, Ten)));
    }

    [Fact]
    public void TooLongAHeadlineIsRefusedWithTheLimit()
    {
        var refusal = Assert.Single(Blog().Check(new PostPublished("night", Post("p1", headline: new string('x', 301)), Ten)));

        Assert.Equal(new RuleViolation("length-limit", "headline", "headline must be at most 300 characters."), refusal);
    }

    [Fact]
    public void EditingDeletingOrPinningAnUnknownOrDeletedPostIsRefused()
    {
        var state = ResultsEngine.Fold(Blog(), [new PostPublished("night", Post("gone"), Ten), new PostDeleted("night", "gone", Ten)]);

        Assert.Equal(["postId: post-known"], Refusals(state, new PostEdited("night", Post("nowhere"), Ten)));
        Assert.Equal(["postId: post-not-deleted"], Refusals(state, new PostEdited("night", Post("gone"), Ten)));
        Assert.Equal(["postId: post-not-deleted"], Refusals(state, new PostDeleted("night", "gone", Ten)));
        Assert.Equal(["postId: post-not-deleted"], Refusals(state, new PostPinned("night", "gone")));
        Assert.Equal(["postId: post-pinned"], Refusals(state, new PostUnpinned("night", "gone")));
    }

    [Fact]
    public void ABlogIdIsASlugUsedOnceAndATitleIsRequired()
    {
        Assert.Equal(["blogId: blog-id-unique"], Refusals(Blog(), new BlogOpened("night", "Again", BlogSettings.AllOn, Ten)));
        Assert.Equal(["blogId: blog-id-form", "title: title-required"], Refusals(Blog(), new BlogOpened("Night!", " ", BlogSettings.AllOn, Ten)));
        Assert.Equal(["stateOfPartiesEvery: every-positive"], Refusals(Blog(), new BlogSettingsChanged("night", BlogSettings.AllOn with { StateOfPartiesEvery = 0 })));
    }

    [Fact]
    public void ARefusedBatchChangesNothing()
    {
        var state = Blog();

        var refusal = Assert.Throws<RuleViolationException>(() => ResultsEngine.Fold(state, [new PostPublished("night", Post("p1"), Ten), new PostPublished("night", Post("p1"), Ten)]));

        Assert.Equal(1, refusal.EventIndex);
        Assert.Empty(state.Blogs["night"].Posts);
    }

    [Fact]
    public void TheBlogAsAtAnEarlierRevisionIsTheLogFoldedToThen()
    {
        ElectionEvent[] events = [new BlogOpened("night", "Night", BlogSettings.AllOn, Ten), new PostPublished("night", Post("p1", "Before"), Ten), new PostEdited("night", Post("p1", "After"), Ten)];

        var then = Fold(events[..2]);
        var now = Fold(events);

        Assert.Equal("Before", then.Blogs["night"].Posts["p1"].Content.Markdown);
        Assert.Equal("After", now.Blogs["night"].Posts["p1"].Content.Markdown);
    }
}
