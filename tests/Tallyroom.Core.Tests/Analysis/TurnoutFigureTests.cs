using Tallyroom.Core.Analysis;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class TurnoutFigureTests
{
    private static DeclarationRecorded Declared(string ward, int seats, int[] votes, int? papers, int? rejected, int? electorate) =>
        new(ByVotes(Define("leeds", ward, seats, [.. votes.Select((_, i) => i % 2 == 0 ? Con : Lab)]), votes) with { BallotPapers = papers, Rejected = rejected, Electorate = electorate });

    private static ElectionBuilder Council() => new ElectionBuilder()
        .Council("leeds")
        .Ballot("leeds", "a", 3, Con, Lab, Con, Lab, Con, Lab)
        .Ballot("leeds", "b", 1, Con, Lab)
        .Ballot("leeds", "c", 1, Con, Lab)
        .Ballot("leeds", "d", 1, Con, Lab)
        .Ballot("leeds", "e", 1, Con)
        .Add(Declared("a", 3, [600, 500, 550, 450, 520, 380], 1100, 10, 5000)) // 3,000 votes from 1,100 papers
        .Add(Declared("b", 1, [300, 200], 500, null, null))
        .Add(new BallotStatisticsRecorded(new BallotStatistics { BallotId = BallotId("leeds", "b"), Electorate = 2000, RejectedBallotPapers = 4, Source = "test" }))
        .Add(new BallotStatisticsRecorded(new BallotStatistics { BallotId = BallotId("leeds", "c"), Electorate = 3000, ValidBallotPapers = 900, Source = "test" }))
        .Add(Declared("d", 1, [300, 200], 500, 0, null))
        .Add(new DeclarationRecorded(new Declaration { BallotId = BallotId("leeds", "e"), Results = Lines((null, true)) }));

    [Fact]
    public void TurnoutCountsBallotPapersNotVotes()
    {
        var figure = TurnoutFigure.Ward(Council().Build().Ballots[BallotId("leeds", "a")]);

        Assert.Equal((TurnoutMeasure.BallotBox, 1110L, 5000L, 1), (figure.Measure, figure.BallotPapers, figure.Electorate, figure.Wards));
        Assert.Equal(22.2, figure.Percent!.Value, 9);
    }

    [Fact]
    public void AWardsMissingFiguresComeFromItsMergedStatistics()
    {
        var figure = TurnoutFigure.Ward(Council().Build().Ballots[BallotId("leeds", "b")]);

        Assert.Equal((504L, 2000L), (figure.BallotPapers, figure.Electorate));
    }

    [Fact]
    public void ACouncilsTurnoutSumsPapersOverElectoratesOfTheDeclaredWardsThatHaveBoth()
    {
        var state = Council().Build();

        var figure = TurnoutFigure.Council(state, state.Councils["leeds"]);

        // a and b; c is not declared (its statistics do not count yet), d has no electorate, e was uncontested.
        Assert.Equal((1614L, 7000L, 2), (figure.BallotPapers, figure.Electorate, figure.Wards));
        Assert.Equal(100.0 * 1614 / 7000, figure.Percent!.Value, 9);
        Assert.Equal("Ballot-box turnout: (valid + rejected ballot papers) / electorate, over 2 wards with both known", figure.Label);
        Assert.Equal(figure, TurnoutFigure.National(state));
    }

    [Fact]
    public void AnUncontestedWardHasNoTurnoutNotZero()
    {
        var figure = TurnoutFigure.Ward(Council().Build().Ballots[BallotId("leeds", "e")]);

        Assert.Null(figure.Percent);
        Assert.Equal(0, figure.Wards);
    }
}
