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
    public void ALaterDeclarationElsewhereRewritesNoPostOfACouncilAlreadyDeclared()
    {
        // Plymouth (one ward, Drake) and Exeter (one ward, Alphington) are both in the South West, each with 2014's votes.
        const string Alphington = "local.exeter.alphington.2018-05-03";
        ElectionEvent[] night =
        [
            new CouncilDefined(new CouncilDefinition { Slug = "plymouth", Name = "Plymouth", Region = "South West" }),
            new CouncilDefined(new CouncilDefinition { Slug = "exeter", Name = "Exeter", Region = "South West" }),
            Night[1],
            new BallotDefined(new BallotDefinition { Id = Alphington, CouncilSlug = "exeter", WardName = "Alphington", SeatsUp = 1, Candidates = [new("c1", "Ed Fir", PartyCatalog.Conservative), new("c2", "Flo Box", PartyCatalog.Labour)] }),
            Previous(Drake, ("Jo Oak", 600), ("Al Ash", 400)),
            Previous(Alphington, ("Ed Fir", 700), ("Flo Box", 300)),
            new CouncilBaselineRecorded(new CouncilBaseline { CouncilSlug = "plymouth", StatutorySize = 1, ControlBefore = PartyCatalog.Conservative, Source = "test" }),
            new CouncilBaselineRecorded(new CouncilBaseline { CouncilSlug = "exeter", StatutorySize = 1, ControlBefore = PartyCatalog.Conservative, Source = "test" }),
            new BlogOpened("night", "Night", BlogSettings.AllOn with { StateOfParties = false }, Ten),
            new DeclarationRecorded(Declare(con: 500, lab: 900) with { BallotPapers = 1400, Rejected = 5, Electorate = 4000 }),
        ];
        var written = Fold(ElectionState.Empty, night);
        written = Fold(written, [.. AutomaticPoster.Due(written, null, Ten)]);

        var later = Fold(written, new DeclarationRecorded(new Declaration
        {
            BallotId = Alphington,
            Results = [new() { CandidateId = "c1", Votes = 800, Elected = true }, new() { CandidateId = "c2", Votes = 500 }],
            BallotPapers = 1300,
            Electorate = 3500,
        }));
        var due = AutomaticPoster.Due(later, null, Ten);

        // Drake: Con 60.0% then 35.7% (500 of 1,400), Lab 40.0% then 64.3%: a Butler swing of 24.3 points to Labour.
        // Turnout (1,400 + 5) / 4,000 = 35.1%.
        Assert.EndsWith(
            "The swing since the seats were last fought was 24.3 points from Conservative to Labour (Butler swing, from aggregate top vote shares over the 1 ward both parties contested both times). Ballot-box turnout was 35.1%.\n\n[Plymouth: the full result](/councils/plymouth)",
            written.Blogs["night"].Posts["auto-council-plymouth"].Content.Markdown,
            StringComparison.Ordinal);
        Assert.Equal(["auto-council-exeter"], due.Select(e => Assert.IsType<PostPublished>(e).Post.PostId));
    }

    private static BallotBaselineRecorded Previous(string ballotId, (string Name, int Votes) con, (string Name, int Votes) lab) => new(new BallotBaseline
    {
        BallotId = ballotId,
        Kind = BaselineKind.Actual,
        LastFought = new DateOnly(2014, 5, 22),
        Defended = [new(PartyCatalog.Conservative, 1)],
        Previous = [new(con.Name, PartyCatalog.Conservative, con.Votes, true), new(lab.Name, PartyCatalog.Labour, lab.Votes, false)],
        Source = "test",
    });

    [Fact]
    public void AClosedBlogGetsNoMorePosts()
    {
        var closed = Fold(ElectionState.Empty, [.. Night, new BlogClosed("night", Ten)]);

        Assert.Empty(AutomaticPoster.Due(closed, null, Ten));
    }
}
