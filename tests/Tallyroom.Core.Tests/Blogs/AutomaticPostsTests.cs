using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Tests.Analysis;
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

    /// <summary>
    /// Bury (North West): three single-seat wards the Conservatives won in 2014 and control, with 2014's votes. North:
    /// Con 600, Lab 300, LD 100; East: Con 550, Lab 450; South: Con 700, Lab 300. Bolton, also in the North West, has
    /// one ward still to declare.
    /// </summary>
    private static ElectionBuilder Bury() => new ElectionBuilder()
        .Add(new CouncilDefined(new CouncilDefinition { Slug = "bury", Name = "Bury", Region = "North West" }))
        .Add(new CouncilDefined(new CouncilDefinition { Slug = "bolton", Name = "Bolton", Region = "North West" }))
        .Ballot("bury", "north", 1, Con, Lab, LD)
        .Ballot("bury", "east", 1, Con, Lab)
        .Ballot("bury", "south", 1, Con, Lab)
        .Ballot("bolton", "central", 1, Con, Lab)
        .Previous("bury", "north", (Con, 600), (Lab, 300), (LD, 100))
        .Previous("bury", "east", (Con, 550), (Lab, 450))
        .Previous("bury", "south", (Con, 700), (Lab, 300))
        .Previous("bolton", "central", (Con, 520), (Lab, 480))
        .CouncilBaseline("bury", 3, Con)
        .CouncilBaseline("bolton", 1, Con)
        .Add(new BlogOpened("night", "Night", BlogSettings.AllOn with { StateOfParties = false }, Ten));

    /// <summary>
    /// Bury's count: North Con 350, Lab 450, LD 200 (1,000 valid papers, 4 rejected, electorate 3,000); East Con 450,
    /// Lab 550 (1,000, 3, 2,800); South Con 680, Lab 320 (1,000, 3, 2,700, or no figures when <paramref name="southPapers"/> is false).
    /// </summary>
    private static ElectionBuilder BuryDeclares(bool southPapers = true) => Bury()
        .Add(Counted(Define("bury", "north", 1, Con, Lab, LD), 1000, 4, 3000, 350, 450, 200))
        .Add(Counted(Define("bury", "east", 1, Con, Lab), 1000, 3, 2800, 450, 550))
        .Add(southPapers ? Counted(Define("bury", "south", 1, Con, Lab), 1000, 3, 2700, 680, 320) : new DeclarationRecorded(ByVotes(Define("bury", "south", 1, Con, Lab), 680, 320)));

    private static DeclarationRecorded Counted(BallotDefinition ballot, int valid, int rejected, int electorate, params int[] votes) =>
        new(ByVotes(ballot, votes) with { BallotPapers = valid, Rejected = rejected, Electorate = electorate });

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
    public void ADeclaredCouncilsPostQuotesItsSwingWithTheMethodAndItsTurnout()
    {
        // Over the three wards: Con 1,850 of 3,000 votes in 2014 (61.67%), 1,480 of 3,000 now (49.33%); Lab 1,050 (35.00%),
        // then 1,320 (44.00%). Butler swing = ((44.00 - 35.00) + (61.67 - 49.33)) / 2 = 10.67 points, Con to Lab, measured
        // from the Conservatives, who led last time. Turnout = (3,000 + 10) / 8,500 = 35.41%.
        var post = Posts(BuryDeclares().Build())["auto-council-bury"];

        Assert.Equal("Labour gain Bury from the Conservatives: Lab 2, Con 1", post.Headline);
        Assert.Equal(
            "Bury has declared all 3 wards. The council now stands at Lab 2, Con 1, with 2 of the 3 seats needed for a majority. Seats changing hands tonight: Lab +2, Con -2. "
            + "The swing since the seats were last fought was 10.7 points from Conservative to Labour (Butler swing, from aggregate top vote shares over the 3 wards both parties contested both times). "
            + "Ballot-box turnout was 35.4%.\n\n[Bury: the full result](/councils/bury)",
            post.Markdown);
    }

    [Fact]
    public void TurnoutKnownInOnlySomeWardsSaysOverWhichWards()
    {
        // North and East only: (2,000 + 7) / 5,800 = 34.60%.
        var post = Posts(BuryDeclares(southPapers: false).Build())["auto-council-bury"];

        Assert.EndsWith(" Ballot-box turnout was 34.6% over the 2 wards whose ballot papers and electorate are known.\n\n[Bury: the full result](/councils/bury)", post.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeOfControlQuotesTheSwingTheWinnerNeededAsTallyroomsFigure()
    {
        // Labour needs 2 of the 3 seats. On 2014's shares it takes East at (55 - 45) / 2 = 5 points, North at
        // (60 - 30) / 2 = 15 (the Lib Dems' 10 stay put) and South at (70 - 30) / 2 = 20: the second is 15 points.
        var post = Posts(BuryDeclares().Build())["auto-control-bury"];

        Assert.Equal(
            "Labour gain Bury from the Conservatives. Labour now have 2 of the 3 seats; 2 make a majority. "
            + "On Tallyroom's figures, Labour needed a swing of 15.00 points from each seat's holders for a majority, on top vote shares from when the seats were last fought."
            + "\n\n[Bury: the full result](/councils/bury)",
            post.Markdown);
    }

    [Fact]
    public void AWinnerThatNeededNoSwingIsSaidToAndRedrawnWardsAreNamedAsLeftOut()
    {
        // Labour won both comparable wards in 2014 (2 of 3 seats, M = 2) but the council was under no overall control
        // on the eve of poll; the third ward was redrawn, so it has no comparable result.
        var state = new ElectionBuilder()
            .Add(new CouncilDefined(new CouncilDefinition { Slug = "wigan", Name = "Wigan" }))
            .Ballot("wigan", "ashton", 1, Con, Lab)
            .Ballot("wigan", "bryn", 1, Con, Lab)
            .Ballot("wigan", "leigh", 1, Con, Lab)
            .Previous("wigan", "ashton", (Con, 400), (Lab, 600))
            .Previous("wigan", "bryn", (Con, 450), (Lab, 550))
            .NotComparable("wigan", "leigh")
            .CouncilBaseline("wigan", 3, null)
            .Add(new BlogOpened("night", "Night", BlogSettings.AllOn, Ten))
            .Declare("wigan", "ashton", 300, 700).Declare("wigan", "bryn", 400, 600).Declare("wigan", "leigh", 450, 550).Build();

        var post = Posts(state)["auto-control-wigan"];

        Assert.Equal(
            "Labour gain Wigan from no overall control. Labour now have 3 of the 3 seats; 2 make a majority. "
            + "On Tallyroom's figures, Labour needed no swing for a majority, on top vote shares from when the seats were last fought, leaving out 1 ward with no comparable result."
            + "\n\n[Wigan: the full result](/councils/wigan)",
            post.Markdown);
    }

    [Fact]
    public void ALaterDeclarationElsewhereLeavesADeclaredCouncilsPostsAsTheyWere()
    {
        var declared = BuryDeclares().Build();
        var later = ResultsEngine.Fold(declared, [Counted(Define("bolton", "central", 1, Con, Lab), 1000, 5, 2500, 380, 620)]);

        var before = Posts(declared);
        var after = Posts(later);

        Assert.Equal(1, later.Scoreboard.CouncilsDeclared - declared.Scoreboard.CouncilsDeclared);
        Assert.Equal(before["auto-council-bury"], after["auto-council-bury"]);
        Assert.Equal(before["auto-control-bury"], after["auto-control-bury"]);
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
