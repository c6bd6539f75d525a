using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Blogs;

public sealed class AutomaticPostsTests
{
    private static readonly DateTimeOffset Ten = new(2018, 5, 3, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Plymouth: three single-seat wards, all defended by the Conservatives, who controlled it.</summary>
    private static ElectionBuilder Plymouth() => new ElectionBuilder()
        .Add(new CouncilDefined(new CouncilDefinition { Slug = "plymouth", Name = "Plymouth" }))
        .Ballot("plymouth", "drake", 1, Con, Lab)
        .Ballot("plymouth", "efford", 1, Con, Lab)
        .Ballot("plymouth", "stoke", 1, Con, Lab)
        .CouncilBaseline("plymouth", 3, Con)
        .Defended("plymouth", "drake", Con)
        .Defended("plymouth", "efford", Con)
        .Defended("plymouth", "stoke", Con)
        .Add(new BlogOpened("night", "Night", BlogSettings.AllOn with { StateOfPartiesEvery = 1 }, Ten));

    private static Dictionary<string, AutomaticPost> Posts(ElectionState state) =>
        AutomaticPosts.For(state, state.Blogs["night"]).ToDictionary(p => p.PostId);

    [Fact]
    public void NothingIsPostedBeforeAnyResult()
    {
        Assert.Empty(Posts(Plymouth().Build()));
    }

    [Fact]
    public void ACouncilThatDeclaresIsPostedWithItsOutcomeAndFigures()
    {
        var state = Plymouth().Declare("plymouth", "drake", 500, 900).Declare("plymouth", "efford", 500, 800).Declare("plymouth", "stoke", 900, 100).Build();

        var post = Posts(state)["auto-council-plymouth"];

        Assert.Equal("Labour gain Plymouth from the Conservatives: Lab 2, Con 1", post.Headline);
        Assert.Equal(
            "Plymouth has declared all 3 wards. The council now stands at Lab 2, Con 1, with 2 of the 3 seats needed for a majority. Seats changing hands tonight: Lab +2, Con -2.\n\n[Plymouth: the full result](/councils/plymouth)",
            post.Markdown);
        Assert.Equal(AutomaticKind.CouncilDeclared, post.Kind);
    }

    [Fact]
    public void ControlChangingHandsIsAKeyEvent()
    {
        var state = Plymouth().Declare("plymouth", "drake", 500, 900).Declare("plymouth", "efford", 500, 800).Declare("plymouth", "stoke", 900, 100).Build();

        var post = Posts(state)["auto-control-plymouth"];

        Assert.Equal("Labour gain Plymouth from the Conservatives", post.Headline);
        Assert.Equal("Labour gain Plymouth from the Conservatives. Labour now have 2 of the 3 seats; 2 make a majority.\n\n[Plymouth: the full result](/councils/plymouth)", post.Markdown);
        Assert.True(post.KeyEvent);
    }

    [Fact]
    public void AHoldIsNotAChangeOfControl()
    {
        var state = Plymouth().Declare("plymouth", "drake", 900, 500).Declare("plymouth", "efford", 900, 800).Declare("plymouth", "stoke", 900, 100).Build();
        var posts = Posts(state);

        Assert.Equal("Conservatives hold Plymouth: Con 3", posts["auto-council-plymouth"].Headline);
        Assert.False(posts.ContainsKey("auto-control-plymouth"));
    }

    [Fact]
    public void AWardGainedIsNotableEvenBeforeTheCouncilFinishes()
    {
        var state = Plymouth().Declare("plymouth", "drake", 500, 900).Declare("plymouth", "stoke", 900, 100).Build();
        var posts = Posts(state);

        Assert.Equal(["auto-ward-local-plymouth-drake-2018-05-03"], posts.Keys);
        Assert.Equal("Labour gain drake in Plymouth from the Conservatives", posts["auto-ward-local-plymouth-drake-2018-05-03"].Headline);
        Assert.Equal(
            "Labour gain drake in Plymouth from the Conservatives.\n\n[The ward's result](/ballots/local.plymouth.drake.2018-05-03) · [Plymouth: the full result](/councils/plymouth)",
            posts["auto-ward-local-plymouth-drake-2018-05-03"].Markdown);
    }

    [Fact]
    public void AResultDeclaredAfterARecountIsNotable()
    {
        var state = Plymouth().Add(new DeclarationRecorded(new Declaration
        {
            BallotId = BallotId("plymouth", "stoke"),
            Results = [new() { CandidateId = "c1", Votes = 702, Elected = true }, new() { CandidateId = "c2", Votes = 699 }],
            Recounts = 2,
        })).Build();

        var post = Posts(state)["auto-ward-local-plymouth-stoke-2018-05-03"];

        Assert.Equal("Conservatives hold stoke in Plymouth after 2 recounts", post.Headline);
        Assert.Equal(
            "Conservatives hold stoke in Plymouth. The result was declared after 2 recounts.\n\n[The ward's result](/ballots/local.plymouth.stoke.2018-05-03) · [Plymouth: the full result](/councils/plymouth)",
            post.Markdown);
        Assert.Equal(AutomaticKind.NotableWard, post.Kind);
    }

    [Fact]
    public void AResultWithoutARecountGainOrTieIsNotNotable()
    {
        var state = Plymouth().Declare("plymouth", "stoke", 900, 100).Build();

        Assert.False(Posts(state).ContainsKey("auto-ward-local-plymouth-stoke-2018-05-03"));
    }

    [Fact]
    public void ATieDecidedByLotIsNotable()
    {
        var state = Plymouth().Add(new DeclarationRecorded(new Declaration
        {
            BallotId = BallotId("plymouth", "stoke"),
            Results = [new() { CandidateId = "c1", Votes = 700, Elected = true, DecidedByLot = true }, new() { CandidateId = "c2", Votes = 700, DecidedByLot = true }],
        })).Build();

        var post = Posts(state)["auto-ward-local-plymouth-stoke-2018-05-03"];

        Assert.Equal("stoke in Plymouth: a tie decided by lot", post.Headline);
        Assert.StartsWith("Candidate 1 (Conservative) and Candidate 2 (Labour) tied on 700 votes; the seat went to Candidate 1 (Conservative) by lot.", post.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStateOfPartiesIsPostedAtEachMilestoneOnce()
    {
        var state = Plymouth().Declare("plymouth", "drake", 500, 900).Declare("plymouth", "efford", 500, 800).Declare("plymouth", "stoke", 900, 100).Build();
        var post = Posts(state)["auto-state-1"];
        var written = ResultsEngine.Fold(state, [new PostPublished("night", new PostContent { PostId = "auto-state-1", Markdown = "x", Html = "x" }, Ten)]);

        Assert.Equal("State of parties after 1 of 1 councils", post.Headline);
        Assert.Equal("- Labour: 1 council (+1); 2 seats (+2)\n- Conservatives: 0 councils (-1); 1 seat (-2)\n- No overall control: 0 councils\n\n[The full scoreboard](/)", post.Markdown);
        Assert.False(Posts(written).ContainsKey("auto-state-1"));
    }

    [Fact]
    public void ACorrectionThatTakesAGainAwayCorrectsThePostsAlreadyWritten()
    {
        var gained = Plymouth().Declare("plymouth", "drake", 500, 900).Declare("plymouth", "efford", 500, 800).Declare("plymouth", "stoke", 900, 100).Build();
        var written = ResultsEngine.Fold(gained, [.. Posts(gained).Values.Select(p => new PostPublished("night", new PostContent { PostId = p.PostId, Headline = p.Headline, Markdown = p.Markdown, Html = "<p>x</p>", Automatic = p.Kind }, Ten))]);
        var corrected = ResultsEngine.Fold(written,
        [
            new DeclarationRecorded(ByVotes(Define("plymouth", "drake", 1, Con, Lab), 900, 500) with { Reason = "Bundles swapped" }),
            new DeclarationRecorded(ByVotes(Define("plymouth", "efford", 1, Con, Lab), 900, 800) with { Reason = "Bundles swapped" }),
        ]);

        var posts = Posts(corrected);

        Assert.Equal("Conservatives hold Plymouth: Con 3", posts["auto-council-plymouth"].Headline);
        Assert.Equal("Correction: Conservatives hold Plymouth", posts["auto-control-plymouth"].Headline);
        Assert.Equal("A corrected result means control of Plymouth did not change hands: Conservatives hold Plymouth.\n\n[Plymouth: the full result](/councils/plymouth)", posts["auto-control-plymouth"].Markdown);
        Assert.Equal("Correction: Conservatives hold drake in Plymouth", posts["auto-ward-local-plymouth-drake-2018-05-03"].Headline);
    }

    [Fact]
    public void KindsSwitchedOffAreNotPosted()
    {
        var state = Plymouth()
            .Add(new BlogSettingsChanged("night", new BlogSettings { CouncilDeclared = false, ControlChanged = true, StateOfParties = false, NotableWards = false }))
            .Declare("plymouth", "drake", 500, 900).Declare("plymouth", "efford", 500, 800).Declare("plymouth", "stoke", 900, 100).Build();

        Assert.Equal(["auto-control-plymouth"], Posts(state).Keys);
    }

    [Fact]
    public void NamesThatLookLikeMarkdownAreEscaped()
    {
        var state = new ElectionBuilder()
            .Add(new CouncilDefined(new CouncilDefinition { Slug = "odd", Name = "Odd *Borough* [x]" }))
            .Ballot("odd", "only", 1, Con, Lab)
            .Add(new BlogOpened("night", "Night", BlogSettings.AllOn, Ten))
            .Declare("odd", "only", 900, 100).Build();

        Assert.StartsWith("Odd \\*Borough\\* \\[x\\] has declared its one ward.", Posts(state)["auto-council-odd"].Markdown, StringComparison.Ordinal);
    }
}
