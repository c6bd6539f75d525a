using Tallyroom.Core.Baselines;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.LiveBlog;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>What the automatic writer decides to write, given the blogs and the results as they stand.</summary>
public sealed class AutomaticPosterTests
{
    private const string Drake = "local.plymouth.drake.2018-05-03";
    private const string WardPost = "auto-ward-local-plymouth-drake-2018-05-03";
    private static readonly DateTimeOffset Ten = new(2018, 5, 3, 21, 0, 0, TimeSpan.Zero);

    private static readonly ElectionEvent[] Night =
    [
        new CouncilDefined(new CouncilDefinition { Slug = "plymouth", Name = "Plymouth" }),
        new BallotDefined(new BallotDefinition { Id = Drake, CouncilSlug = "plymouth", WardName = "Drake", SeatsUp = 1, Candidates = [new("c1", "Jo Oak", PartyCatalog.Conservative), new("c2", "Al Ash", PartyCatalog.Labour)] }),
        new BallotDefined(new BallotDefinition { Id = "local.plymouth.efford.2018-05-03", CouncilSlug = "plymouth", WardName = "Efford", SeatsUp = 1, Candidates = [new("c1", "Di Elm", PartyCatalog.Conservative), new("c2", "Bo Yew", PartyCatalog.Labour)] }),
        new BallotBaselineRecorded(new BallotBaseline { BallotId = Drake, Kind = BaselineKind.Actual, Defended = [new(PartyCatalog.Conservative, 1)], Source = "test" }),
        new BlogOpened("night", "Night", BlogSettings.AllOn, Ten),
        new DeclarationRecorded(Declare(con: 500, lab: 900)),
    ];

    private static Declaration Declare(int con, int lab, string? reason = null) => new()
    {
        BallotId = Drake,
        Results = [new() { CandidateId = "c1", Votes = con, Elected = con > lab }, new() { CandidateId = "c2", Votes = lab, Elected = lab > con }],
        Reason = reason,
    };

    private static ElectionState Fold(ElectionState state, params ElectionEvent[] events) => ResultsEngine.Fold(state, events);

    [Fact]
    public void AMissingPostIsPublishedOnceAndThenNothingIsDue()
    {
        var state = Fold(ElectionState.Empty, Night);

        var due = AutomaticPoster.Due(state, null, Ten);
        var after = Fold(state, [.. due]);

        var published = Assert.IsType<PostPublished>(Assert.Single(due));
        Assert.Equal((WardPost, "Labour gain Drake in Plymouth from the Conservatives", AutomaticKind.NotableWard), (published.Post.PostId, published.Post.Headline, published.Post.Automatic));
        Assert.Empty(AutomaticPoster.Due(after, null, Ten));
    }

    [Fact]
    public void ACorrectionEditsTheAutomaticPostKeepingTheEditorsKeyEventFlag()
    {
        var written = Fold(ElectionState.Empty, Night);
        written = Fold(written, [.. AutomaticPoster.Due(written, null, Ten), new PostKeyEventSet("night", WardPost, true)]);
        var corrected = Fold(written, new DeclarationRecorded(Declare(con: 900, lab: 500, reason: "Bundles swapped")));

        var edited = Assert.IsType<PostEdited>(Assert.Single(AutomaticPoster.Due(corrected, new HashSet<string> { "plymouth" }, Ten)));

        Assert.Equal(("Correction: Conservatives hold Drake in Plymouth", true), (edited.Post.Headline, edited.Post.KeyEvent));
    }

    [Fact]
    public void AnAutomaticPostAnEditorRewroteOrDeletedIsLeftAlone()
    {
        var written = Fold(ElectionState.Empty, Night);
        written = Fold(written, [.. AutomaticPoster.Due(written, null, Ten)]);
        var rewritten = Fold(written, new PostEdited("night", new PostContent { PostId = WardPost, Markdown = "Our reporter at the count: a Labour gain.", Html = "<p>Our reporter at the count: a Labour gain.</p>" }, Ten));
        var deleted = Fold(written, new PostDeleted("night", WardPost, Ten));
        var correction = new DeclarationRecorded(Declare(con: 900, lab: 500, reason: "Bundles swapped"));

        Assert.Empty(AutomaticPoster.Due(Fold(rewritten, correction), null, Ten));
        Assert.Empty(AutomaticPoster.Due(Fold(deleted, correction), null, Ten));
    }

    [Fact]
    public void AClosedBlogGetsNoMorePosts()
    {
        var closed = Fold(ElectionState.Empty, [.. Night, new BlogClosed("night", Ten)]);

        Assert.Empty(AutomaticPoster.Due(closed, null, Ten));
    }
}
