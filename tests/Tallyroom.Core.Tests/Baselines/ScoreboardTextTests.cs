using System.Collections.Immutable;
using Tallyroom.Core.Counting;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Baselines;

public sealed class ScoreboardTextTests
{
    [Fact]
    public void TheScoreboardPrintsExactlyAsNewsroomsDo()
    {
        var board = new Scoreboard
        {
            CouncilsTotal = 150,
            CouncilsDeclared = 80,
            NoOverallControl = 13,
            NoOverallControlChange = 1,
            ByParty = ImmutableDictionary.CreateRange(new Dictionary<string, ScoreboardLine>
            {
                [Con.Id] = new(Con, 24, 0, 530, 31),
                [Lab.Id] = new(Lab, 40, -1, 862, 15),
            }),
        };

        Assert.Equal(
            [
                "State of parties after 80 of 150 councils",
                "Labour: 40 councils (-1); 862 seats (+15)",
                "Conservatives: 24 councils; 530 seats (+31)",
                "No overall control: 13 councils (+1)",
            ],
            ScoreboardText.Lines(board));
    }

    [Fact]
    public void WithoutAnyBaselineTheScoreboardPrintsNoChanges()
    {
        var state = new ElectionBuilder().Council("a").Ballot("a", "w", 1, Con, Lab).Declare("a", "w", 2, 1).Build();

        Assert.Equal(["State of parties after 1 of 1 councils", "Conservatives: 1 council; 1 seat", "No overall control: 0 councils"], ScoreboardText.Lines(state.Scoreboard));
    }
}
