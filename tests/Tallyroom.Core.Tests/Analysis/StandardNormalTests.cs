using Tallyroom.Core.Analysis;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.2815516, 0.9)]
    [InlineData(-1.959964, 0.025)]
    [InlineData(1.0, 0.8413447461)]
    [InlineData(-3.0, 0.0013498980)]
    public void TheCumulativeProbabilityIsWithinOneInTenMillionOfTheTables(double z, double expected)
    {
        Assert.InRange(StandardNormal.Cdf(z), expected - 1e-7, expected + 1e-7);
    }

    [Fact]
    public void FarTailsAreExactlyNoughtAndOne()
    {
        Assert.Equal((0.0, 1.0), (StandardNormal.Cdf(-40), StandardNormal.Cdf(40)));
    }
}
