using Tallyroom.Core.Counting;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Counting;

public sealed class CouncilControlTests
{
    [Theory]
    [InlineData(60, 31)]
    [InlineData(63, 32)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void TheMajorityThresholdIsHalfTheSeatsRoundedDownPlusOne(int totalSeats, int majority) =>
        Assert.Equal(majority, CouncilControl.MajorityThreshold(totalSeats));

    [Fact]
    public void ContinuingSeatsCountTowardsControlInAThirdsCouncil()
    {
        // Trafford-like: 63 seats, 21 up. Continuing Con 22, Lab 18, LD 2; declared so far Con 10 of 21.
        var continuing = PartySeats.Of([new(Con, 22), new(Lab, 18), new(LD, 2)]);
        var composition = continuing.Plus(PartySeats.Of([new(Con, 10)]));

        var control = CouncilControl.Decide(composition, totalSeats: 63, seatsUndeclared: 11, allDeclared: false);

        Assert.Equal(ControlKind.Party, control.Kind);
        Assert.Equal(Con, control.Party);
    }

    [Fact]
    public void OnePartyShortWithSeatsStillToComeIsUndecided()
    {
        var composition = PartySeats.Of([new(Con, 31), new(Lab, 29)]);

        Assert.Equal(ControlKind.Undecided, CouncilControl.Decide(composition, 63, seatsUndeclared: 3, allDeclared: false).Kind);
        Assert.Equal(ControlKind.NoOverallControl, CouncilControl.Decide(composition, 63, seatsUndeclared: 0, allDeclared: true).Kind);
    }

    [Fact]
    public void NoSeatsYetWithEnoughStillToComeIsUndecided() =>
        Assert.Equal(ControlKind.Undecided, CouncilControl.Decide(PartySeats.Empty, 10, seatsUndeclared: 10, allDeclared: false).Kind);
}
