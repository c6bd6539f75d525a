using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Simulation.Orders;

namespace Tallyroom.Simulation.Tests.Orders;

public sealed class DeclarationOrderTests
{
    private static readonly Night Night = Nights.Default(7);

    private static GeneratedElection Election => Night.Election;

    private static List<string> Ids(OrderedDeclarations ordered) => [.. ordered.Declarations.Select(d => d.Declaration.BallotId)];

    private static List<string> OriginalIds => [.. Election.Declarations.Select(d => d.Declaration.BallotId)];

    private static string CouncilOf(string ballotId) => Night.State.Ballots[ballotId].Definition.CouncilSlug;

    [Fact]
    public void ByCouncilReplaysCouncilByCouncilInTheOrderTheCouncilsAreDefined()
    {
        var shuffled = DeclarationOrder.Random(3).Arrange(Election);

        var ordered = DeclarationOrder.ByCouncil.Arrange(Election.Setup, shuffled.Declarations);

        var runs = Ids(ordered).Select(CouncilOf).Aggregate(new List<string>(), (runs, council) =>
        {
            if (runs.Count == 0 || runs[^1] != council)
            {
                runs.Add(council);
            }

            return runs;
        });
        var defined = Election.Setup.OfType<CouncilDefined>().Select(c => c.Council.Slug).ToList();
        Assert.Equal(defined, runs);
        Assert.Equal(OriginalIds.Order(StringComparer.Ordinal), Ids(ordered).Order(StringComparer.Ordinal));
        Assert.Equal("council by council, in the order the councils are defined", ordered.Description);
        Assert.Empty(ordered.Unlisted);
    }

    [Fact]
    public void ByCouncilKeepsACouncilsFirstPlaceWhenItsDefinitionIsAmended()
    {
        var first = Election.Setup.OfType<CouncilDefined>().First();
        var amended = new CouncilDefined(first.Council with { Name = first.Council.Name + " (amended)" });

        var ordered = DeclarationOrder.ByCouncil.Arrange([.. Election.Setup, amended], Election.Declarations);

        Assert.Equal(OriginalIds, Ids(ordered));
    }

    [Fact]
    public void ByCouncilKeepsTheOrderGivenWithinACouncil()
    {
        var shuffled = DeclarationOrder.Random(3).Arrange(Election);

        var ordered = DeclarationOrder.ByCouncil.Arrange(Election.Setup, shuffled.Declarations);

        var council = CouncilOf(OriginalIds[0]);
        Assert.Equal(Ids(shuffled).Where(id => CouncilOf(id) == council), Ids(ordered).Where(id => CouncilOf(id) == council));
        Assert.NotEqual(OriginalIds.Where(id => CouncilOf(id) == council), Ids(ordered).Where(id => CouncilOf(id) == council));
    }

    [Fact]
    public void ByCouncilRefusesADeclarationOfABallotTheSetupDoesNotDefine()
    {
        var stray = new DeclarationRecorded(new Declaration { BallotId = "local.nowhere.somewhere.2026-05-07", Results = [] });

        var refused = Assert.Throws<ArgumentException>(() => DeclarationOrder.ByCouncil.Arrange(Election.Setup, [.. Election.Declarations, stray]));

        Assert.StartsWith("Ballot 'local.nowhere.somewhere.2026-05-07' is declared but the setup does not define it, so its council is unknown.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomIsASeededPermutationOfTheDeclarations()
    {
        var first = DeclarationOrder.Random(7).Arrange(Election);
        var again = DeclarationOrder.Random(7).Arrange(Election);
        var other = DeclarationOrder.Random(8).Arrange(Election);

        Assert.Equal(OriginalIds.Order(StringComparer.Ordinal), Ids(first).Order(StringComparer.Ordinal));
        Assert.Equal(Ids(first), Ids(again));
        Assert.NotEqual(OriginalIds, Ids(first));
        Assert.NotEqual(Ids(first), Ids(other));
        Assert.Equal("random order, seed 7", first.Description);
        Assert.Equal("random order, seed 7", DeclarationOrder.Random(7).Description);
        Assert.Same(Election.Declarations.Single(d => d.Declaration.BallotId == Ids(first)[0]), first.Declarations[0]);
    }

    [Fact]
    public void ACorrectionStaysRightAfterTheDeclarationItCorrects()
    {
        var original = Election.Declarations[5];
        var correction = new DeclarationRecorded(original.Declaration with { Reason = "Recount: votes transposed." });

        var ordered = DeclarationOrder.Random(1).Arrange(Election.Setup, [.. Election.Declarations, correction]);

        var at = ordered.Declarations.IndexOf(original);
        Assert.Same(correction, ordered.Declarations[at + 1]);
        Assert.Equal(Election.Declarations.Length + 1, ordered.Declarations.Length);
        var state = ResultsEngineFold([.. Election.Setup, .. ordered.Declarations]);
        Assert.Equal(1, state.Ballots[original.Declaration.BallotId].Corrections);
    }

    [Fact]
    public void RealisticIsASeededPermutationWithThirdsAndHalvesCouncilsMostlyOvernight()
    {
        var ordered = DeclarationOrder.Realistic(4).Arrange(Election);

        Assert.Equal(OriginalIds.Order(StringComparer.Ordinal), Ids(ordered).Order(StringComparer.Ordinal));
        Assert.Equal(Ids(ordered), Ids(DeclarationOrder.Realistic(4).Arrange(Election)));
        var ids = Ids(ordered);
        double MeanPosition(bool partlyUp) => ids.Select((id, i) => (id, i))
            .Where(x => Night.State.Councils[CouncilOf(x.id)].Continuing.Total > 0 == partlyUp)
            .Average(x => x.i);
        Assert.True(MeanPosition(partlyUp: true) < MeanPosition(partlyUp: false));
        Assert.Equal(
            "realistic order, seed 4: made-up count times, thirds and halves councils mostly overnight, all-out and small councils mostly the next day",
            ordered.Description);
    }

    [Fact]
    public void AFileOrderIsFollowedAndTheBallotsItLeavesOutComeAfter()
    {
        var ids = OriginalIds;
        string[] lines = ["# order of declarations, night of 7 May", ids[3], "", ids[1], "   " + ids[2] + "  "];

        var ordered = DeclarationOrder.FromFile(lines, "order.txt").Arrange(Election);

        Assert.Equal([ids[3], ids[1], ids[2], ids[0], .. ids.Skip(4)], Ids(ordered));
        Assert.Equal<string>([ids[0], .. ids.Skip(4)], ordered.Unlisted);
        Assert.Equal($"the order listed in order.txt; the {ids.Count - 3} ballots it leaves out follow in their original order", ordered.Description);
    }

    [Fact]
    public void AFileListingEveryBallotLeavesNoneOut()
    {
        var reversed = Enumerable.Reverse(OriginalIds).ToList();

        var ordered = DeclarationOrder.FromFile(reversed, "order.txt").Arrange(Election);

        Assert.Equal(reversed, Ids(ordered));
        Assert.Empty(ordered.Unlisted);
        Assert.Equal("the order listed in order.txt", ordered.Description);
    }

    [Fact]
    public void AFileNamingAnUnknownBallotOrOneTwiceIsRefusedNamingTheLines()
    {
        var ids = OriginalIds;
        string[] lines = [ids[0], "local.nowhere.somewhere.2026-05-07", ids[1], ids[0]];

        var refused = Assert.Throws<DeclarationOrderException>(() => DeclarationOrder.FromFile(lines, "order.txt").Arrange(Election));

        Assert.Equal(
            [
                "order.txt:2: ballot 'local.nowhere.somewhere.2026-05-07' is not a ballot of this election",
                $"order.txt:4: ballot '{ids[0]}' is listed again (first at line 1)",
            ],
            refused.Problems);
        Assert.Equal("The declaration order in order.txt is refused: " + string.Join("; ", refused.Problems), refused.Message);
    }

    [Fact]
    public void AFileNamingAPostponedOrUnopposedBallotIsRefusedSayingWhy()
    {
        var postponed = Night.State.Ballots.Values.First(b => b.Status == BallotStatus.Postponed).Definition.Id;
        var unopposed = Night.State.Ballots.Values.First(b => b.Status == BallotStatus.Uncontested).Definition.Id;

        var refused = Assert.Throws<DeclarationOrderException>(() => DeclarationOrder.FromFile([postponed, unopposed], "order.txt").Arrange(Election));

        Assert.Equal(
            [
                $"order.txt:1: ballot '{postponed}' was postponed, so it has no declaration to replay",
                $"order.txt:2: ballot '{unopposed}' was declared before the night (elected unopposed), so it has no declaration to replay",
            ],
            refused.Problems);
    }

    [Fact]
    public void AFileNamingNoBallotIsRefused()
    {
        var refused = Assert.Throws<DeclarationOrderException>(() => DeclarationOrder.FromFile(["# nothing yet", ""], "order.txt").Arrange(Election));

        Assert.Equal(["order.txt: lists no ballot ids (one id per line; blank lines and lines starting with # are skipped)"], refused.Problems);
    }

    [Fact]
    public void EveryOrderReplaysToTheSameFinalState()
    {
        OrderedDeclarations[] orders =
        [
            DeclarationOrder.ByCouncil.Arrange(Election),
            DeclarationOrder.Random(2).Arrange(Election),
            DeclarationOrder.Realistic(2).Arrange(Election),
        ];

        foreach (var ordered in orders)
        {
            var state = ResultsEngineFold([.. Election.Setup, .. ordered.Declarations]);
            Assert.Equal(
                Night.State.Councils.Values.OrderBy(c => c.Definition.Slug, StringComparer.Ordinal).Select(c => (c.Definition.Slug, c.Outcome)),
                state.Councils.Values.OrderBy(c => c.Definition.Slug, StringComparer.Ordinal).Select(c => (c.Definition.Slug, c.Outcome)));
        }
    }

    private static ElectionState ResultsEngineFold(IReadOnlyList<ElectionEvent> events) =>
        Core.Log.ResultsEngine.Fold(ElectionState.Empty, events);
}
