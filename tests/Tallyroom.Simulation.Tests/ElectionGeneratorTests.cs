using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;

namespace Tallyroom.Simulation.Tests;

public sealed class ElectionGeneratorTests
{
    [Fact]
    public void TheSameOptionsGiveExactlyTheSameEvents()
    {
        var first = ElectionGenerator.Generate(new GeneratorOptions { Seed = 11 });
        var second = ElectionGenerator.Generate(new GeneratorOptions { Seed = 11 });

        Assert.Equal(Nights.Serialise(first.Setup), Nights.Serialise(second.Setup));
        Assert.Equal(Nights.Serialise(first.Declarations), Nights.Serialise(second.Declarations));
        Assert.Equal(first.Description, second.Description);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentElections()
    {
        var first = ElectionGenerator.Generate(new GeneratorOptions { Seed = 11 });
        var second = ElectionGenerator.Generate(new GeneratorOptions { Seed = 12 });

        Assert.NotEqual(
            first.Setup.OfType<CouncilDefined>().Select(c => c.Council.Slug),
            second.Setup.OfType<CouncilDefined>().Select(c => c.Council.Slug));
        Assert.NotEqual(Nights.Serialise(first.Declarations), Nights.Serialise(second.Declarations));
    }

    [Fact]
    public void EveryEventOfTheNightPassesTheRulesInOrder()
    {
        var night = Nights.Default(7);

        Assert.Equal(night.Events.Count, night.State.Revision);
        Assert.All(night.State.Councils.Values, c => Assert.True(c.Declared, $"{c.Definition.Name} is not fully declared."));
    }

    [Fact]
    public void TheElectionIsNamedAsSimulatedWithItsSeed()
    {
        var night = Nights.Default(7);

        Assert.Equal("local.2026-05-07", night.Election.Election.Id);
        Assert.Equal("Simulated local elections, 7 May 2026 (seed 7)", night.Election.Election.Name);
        Assert.Equal(new DateOnly(2026, 5, 7), night.Election.Election.PollingDay);
        Assert.Equal(night.Election.Election, Assert.IsType<ElectionDefined>(night.Election.Setup[0]).Election);
        Assert.Equal($"simulated election, seed 7: 40 councils, {night.State.Ballots.Count} ballots", night.Election.Description);
        Assert.Equal(40, night.State.Councils.Count);
    }

    [Fact]
    public void ThePollingDaySetsTheIdsAndTheDateTheSeatsWereLastFought()
    {
        var election = ElectionGenerator.Generate(new GeneratorOptions { Seed = 3, Councils = 10, PollingDay = new DateOnly(2022, 5, 5) });

        Assert.Equal("local.2022-05-05", election.Election.Id);
        Assert.All(election.Setup.OfType<BallotDefined>(), b => Assert.EndsWith(".2022-05-05", b.Ballot.Id, StringComparison.Ordinal));
        var lastFought = election.Setup.OfType<BallotBaselineRecorded>()
            .Where(b => b.Baseline.Kind == BaselineKind.Actual)
            .Select(b => b.Baseline.LastFought)
            .Distinct()
            .ToList();
        Assert.Equal([new DateOnly(2018, 5, 3)], lastFought);
    }

    [Fact]
    public void TenThousandWardsGiveAtLeastTenThousandBallotsThatFold()
    {
        var election = ElectionGenerator.Generate(new GeneratorOptions { Seed = 5, TargetWards = 10_000 });

        var night = Nights.Fold(election);

        Assert.InRange(night.State.Ballots.Count, 10_000, 10_100);
        Assert.True(night.State.Councils.Count > 400, $"{night.State.Councils.Count} councils");
        Assert.Equal(night.Events.Count, night.State.Revision);
        Assert.True(night.State.Ballots.Values.Count(b => b.Status == BallotStatus.Postponed) >= 10);
    }

    [Fact]
    public void ASingleCouncilElectionStillFolds()
    {
        var night = Nights.Fold(ElectionGenerator.Generate(new GeneratorOptions { Seed = 9, Councils = 1 }));

        var council = Assert.Single(night.State.Councils.Values);
        Assert.True(council.Declared);
        Assert.Equal(1, council.BallotsPostponed);
    }

    [Theory]
    [InlineData(0, null, "Councils")]
    [InlineData(5_001, null, "Councils")]
    [InlineData(40, 0, "TargetWards")]
    [InlineData(40, 100_001, "TargetWards")]
    public void OptionsOutOfRangeAreRefusedNamingTheOption(int councils, int? targetWards, string option)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ElectionGenerator.Generate(new GeneratorOptions { Seed = 1, Councils = councils, TargetWards = targetWards }));

        Assert.Equal(option, refused.ParamName);
    }
}
