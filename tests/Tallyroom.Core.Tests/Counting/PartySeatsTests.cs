using Tallyroom.Core.Counting;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Counting;

public sealed class PartySeatsTests
{
    [Fact]
    public void CountingWinnersGroupsThemByParty()
    {
        var seats = PartySeats.Count([Lab, Con, Lab, Grn, Lab]);

        Assert.Equal((3, 1, 1, 0, 5), (seats.Get("PP53"), seats.Get("PP52"), seats.Get("PP63"), seats.Get("PP90"), seats.Total));
        Assert.Equal([Lab, Con, Grn], seats.Ranked().Select(e => e.Party));
    }

    [Fact]
    public void SubtractingAWardsOldWinnersAndAddingTheNewOnesLeavesNoEmptyEntries()
    {
        var council = PartySeats.Count([Con, Con, Lab]);

        var corrected = council.Minus(PartySeats.Count([Lab])).Plus(PartySeats.Count([Con]));

        Assert.Equal([new PartyCount(Con, 3)], corrected.Entries.AsEnumerable());
        Assert.Equal(3, corrected.Total);
    }

    [Fact]
    public void SubtractingSeatsAPartyDoesNotHaveIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => PartySeats.Count([Con]).Minus(PartySeats.Count([Lab])));

    [Fact]
    public void TheLargestPartyIsReportedTiedWhenAnotherHasAsMany()
    {
        Assert.Equal((Con, false), PartySeats.Count([Con, Con, Lab]).Largest() is var (leader, tied) ? (leader!.Party, tied) : default);
        Assert.True(PartySeats.Count([Con, Lab]).Largest().Tied);
    }
}
