using Tallyroom.Core.Baselines;

namespace Tallyroom.Core.Counting;

/// <summary>
/// What one ballot adds to its council's tallies. Every change to a ballot (declaration, correction, postponement,
/// baseline) replaces the ballot's old contribution with its new one, so a council is never recounted. Immutable.
/// </summary>
internal sealed record BallotContribution
{
    public static BallotContribution None { get; } = new();

    public int BallotsDeclared { get; init; }

    public int BallotsPostponed { get; init; }

    public int SeatsDeclared { get; init; }

    public int SeatsPostponed { get; init; }

    public PartySeats Won { get; init; } = PartySeats.Empty;

    /// <summary>Seats won in declared ballots that have a comparable baseline.</summary>
    public PartySeats WonComparable { get; init; } = PartySeats.Empty;

    /// <summary>Seats defended in declared ballots that have a comparable baseline.</summary>
    public PartySeats Defended { get; init; } = PartySeats.Empty;

    /// <summary>Seats declared in ballots without a comparable baseline.</summary>
    public int SeatsNotComparable { get; init; }

    /// <summary>Ballots, declared or not, that have a comparable baseline.</summary>
    public int BaselinesComparable { get; init; }

    public static BallotContribution Of(BallotView ballot)
    {
        var seats = ballot.Definition.SeatsUp;
        var comparable = ballot.Baseline is { Kind: not BaselineKind.NotComparable };
        var baselines = comparable ? 1 : 0;
        if (ballot.Status == BallotStatus.Postponed)
        {
            return new() { BallotsPostponed = 1, SeatsPostponed = seats, BaselinesComparable = baselines };
        }

        if (!ballot.HasResult)
        {
            return baselines == 0 ? None : new() { BaselinesComparable = baselines };
        }

        return new()
        {
            BaselinesComparable = baselines,
            BallotsDeclared = 1,
            SeatsDeclared = seats,
            Won = ballot.SeatsWon,
            WonComparable = comparable ? ballot.SeatsWon : PartySeats.Empty,
            Defended = comparable ? PartySeats.Of(ballot.Baseline!.Defended) : PartySeats.Empty,
            SeatsNotComparable = comparable ? 0 : seats,
        };
    }
}
