using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// A council's seats up, each ward with last time's candidates as shares by one method, ready to be swung (see
/// <see cref="ControlTarget"/> for the model). Built once per council and method, then asked about any party.
/// </summary>
internal sealed class SeatModel
{
    private readonly CouncilView council;
    private readonly WardAnalysis[] wards;

    private SeatModel(CouncilView council, WardAnalysis[] wards, ShareMethod method)
    {
        this.council = council;
        this.wards = wards;
        Method = method;
    }

    public ShareMethod Method { get; }

    public static SeatModel Build(ElectionState state, CouncilView council, ShareMethod method) =>
        Build(council, state.BallotsOf(council), method);

    public static SeatModel Build(CouncilView council, IReadOnlyList<BallotView> ballots, ShareMethod method)
    {
        var wards = new WardAnalysis[ballots.Count];
        for (var i = 0; i < wards.Length; i++)
        {
            wards[i] = WardAnalysis.Of(ballots[i], method);
        }

        return new SeatModel(council, wards, method);
    }

    /// <summary>
    /// Every party with a candidate in the council or a continuing seat, with the most seats it could hold: its
    /// continuing seats plus, in each ward, its candidates standing (at most the seats up), or the seats it won where
    /// the basis takes declared results as declared. A party whose most is below the majority cannot win control.
    /// </summary>
    public IReadOnlyList<(Party Party, int MostSeats)> Contenders(TargetBasis basis)
    {
        var most = new Dictionary<string, (Party Party, int Seats)>(StringComparer.Ordinal);
        foreach (var entry in council.Continuing.Entries)
        {
            most[entry.Party.Id] = (entry.Party, entry.Seats);
        }

        foreach (var ward in wards)
        {
            var definition = ward.Ballot.Definition;
            var declared = basis == TargetBasis.DeclaredResults && ward.Ballot.HasResult;
            for (var i = 0; i < definition.Candidates.Length; i++)
            {
                var party = definition.Candidates[i].Party;
                if (!FirstOfParty(definition.Candidates, i))
                {
                    continue;
                }

                var seats = declared ? ward.Ballot.SeatsWon.Get(party.Id) : Math.Min(ward.Standing(party.Id), ward.Seats);
                most[party.Id] = (party, most.GetValueOrDefault(party.Id).Seats + seats);
            }
        }

        return [.. most.Values];
    }

    public ControlTarget Gain(Party party, Party? from, TargetBasis basis)
    {
        if (from is not null && from.Id == party.Id)
        {
            throw new ArgumentException($"A swing to {party.Name} cannot come from {party.Name}.", nameof(from));
        }

        var majority = council.Majority;
        var continuing = council.Continuing.Get(party.Id);
        int settled = continuing, contested = 0, held = 0, notComparableBallots = 0, notComparableSeats = 0, withoutVotes = 0;
        var thresholds = new List<TargetSeat>();
        foreach (var ward in wards)
        {
            if (basis == TargetBasis.DeclaredResults && ward.Ballot.HasResult)
            {
                var won = ward.Ballot.SeatsWon.Get(party.Id);
                settled += won;
                contested += won;
                continue;
            }

            var standing = Math.Min(ward.Standing(party.Id), ward.Seats);
            contested += standing;
            if (!ward.Comparable)
            {
                notComparableBallots++;
                notComparableSeats += ward.Seats;
            }
            else if (ward.CandidateParties is null)
            {
                withoutVotes += ward.Seats;
                settled += Math.Min(Defended(ward, party.Id), standing);
            }
            else
            {
                held += AddGainThresholds(ward, party, from, standing, thresholds);
            }
        }

        thresholds.Sort(static (a, b) => a.Swing.CompareTo(b.Swing) is var order and not 0 ? order
            : string.CompareOrdinal(a.WardName, b.WardName) is var name and not 0 ? name
            : string.CompareOrdinal(a.BallotId, b.BallotId) is var id and not 0 ? id
            : a.Seat.CompareTo(b.Seat));
        var gains = majority - settled - held; // seats still wanted beyond those it holds with no swing
        var (path, swing) = continuing + contested < majority
            ? (ControlPath.ImpossibleThisYear, (double?)null)
            : gains <= 0
                ? (ControlPath.HasMajority, 0.0)
                : thresholds.Count < gains
                    ? (ControlPath.BeyondComparableWards, null)
                    : (ControlPath.NeedsSwing, thresholds[gains - 1].Swing);
        return new ControlTarget
        {
            CouncilSlug = council.Definition.Slug,
            Party = party,
            From = from,
            Method = Method,
            Basis = basis,
            TotalSeats = council.TotalSeats,
            Majority = majority,
            Continuing = continuing,
            SeatsUp = council.SeatsUp,
            SeatsHeld = settled - continuing + held,
            SeatsContested = contested,
            Path = path,
            SwingNeeded = swing,
            Targets = [.. thresholds],
            BallotsNotComparable = notComparableBallots,
            SeatsNotComparable = notComparableSeats,
            SeatsWithoutVotes = withoutVotes,
        };
    }

    public ControlDefence Defend(Party party, Party? to, TargetBasis basis)
    {
        if (to is not null && to.Id == party.Id)
        {
            throw new ArgumentException($"A swing against {party.Name} cannot go to {party.Name}.", nameof(to));
        }

        var majority = council.Majority;
        var continuing = council.Continuing.Get(party.Id);
        int settled = continuing, notComparableSeats = 0;
        var losses = new List<double>();
        foreach (var ward in wards)
        {
            if (basis == TargetBasis.DeclaredResults && ward.Ballot.HasResult)
            {
                settled += ward.Ballot.SeatsWon.Get(party.Id);
                continue;
            }

            var standing = Math.Min(ward.Standing(party.Id), ward.Seats);
            if (!ward.Comparable)
            {
                notComparableSeats += ward.Seats;
            }
            else if (ward.CandidateParties is null)
            {
                settled += Math.Min(Defended(ward, party.Id), standing);
            }
            else
            {
                AddLossThresholds(ward, party, to, standing, losses);
            }
        }

        // Descending: the seats it holds at a swing s are those whose loss threshold is above s.
        losses.Sort(static (a, b) => b.CompareTo(a));
        var held = losses.Count(l => l > 0);
        var keep = majority - 1 - settled; // the most seats from swung wards it can hold and still fall short
        var (path, swing) = keep < 0
            ? (DefencePath.CannotLose, (double?)null)
            : held <= keep
                ? notComparableSeats > 0 ? (DefencePath.BeyondComparableWards, null) : (DefencePath.AlreadyShort, 0.0)
                : double.IsPositiveInfinity(losses[keep])
                    ? (DefencePath.CannotLose, null)
                    : (DefencePath.LosesAtSwing, losses[keep]);
        return new ControlDefence
        {
            CouncilSlug = council.Definition.Slug,
            Party = party,
            Method = Method,
            Basis = basis,
            Majority = majority,
            Continuing = continuing,
            SeatsHeld = settled - continuing + held,
            Path = path,
            SwingToLose = swing,
            SeatsNotComparable = notComparableSeats,
        };
    }

    private static int Defended(WardAnalysis ward, string partyId)
    {
        var seats = 0;
        foreach (var defended in ward.Ballot.Baseline!.Defended)
        {
            seats += defended.Party.Id == partyId ? defended.Seats : 0;
        }

        return seats;
    }

    /// <summary>
    /// For each of the party's <paramref name="standing"/> candidates k (last time's best first, 0 where it had fewer),
    /// the swing at which it enters the top <c>S</c>: the (S − k + 1)-th largest of the swings at which it passes each
    /// other candidate — half the gap for an opponent that loses the swing, the whole gap for one that stays put.
    /// Each seat gained is taken from the other parties' winners last time, weakest first. Adds the seats it would
    /// gain to <paramref name="thresholds"/> and returns how many it holds with no swing (drawing level counts as holding).
    /// </summary>
    private static int AddGainThresholds(WardAnalysis ward, Party party, Party? from, int standing, List<TargetSeat> thresholds)
    {
        var parties = ward.CandidateParties!;
        var shares = ward.CandidateShares!;
        var seats = ward.Seats;
        Span<double> own = stackalloc double[Math.Min(standing, 64)];
        Own(parties, shares, party.Id, own);
        Span<double> passes = parties.Length <= 64 ? stackalloc double[parties.Length] : new double[parties.Length];
        Span<int> candidates = parties.Length <= 64 ? stackalloc int[parties.Length] : new int[parties.Length];
        Span<bool> loses = parties.Length <= 64 ? stackalloc bool[parties.Length] : new bool[parties.Length];
        for (var i = 0; i < parties.Length; i++)
        {
            loses[i] = from is null ? HoldsASeat(parties, seats, parties[i].Id) : parties[i].Id == from.Id;
        }

        var held = 0;
        for (var k = 1; k <= own.Length; k++)
        {
            var others = 0;
            for (var i = 0; i < parties.Length; i++)
            {
                if (parties[i].Id == party.Id)
                {
                    continue;
                }

                var gap = shares[i] - own[k - 1];
                passes[others] = loses[i] ? gap / 2 : gap;
                candidates[others++] = i;
            }

            passes[..others].Sort(candidates[..others]);
            var index = others - (seats - k) - 1; // the (S − k + 1)-th largest: it may stay behind S − k others
            var swing = index >= 0 ? passes[index] : double.NegativeInfinity;
            if (swing <= 0)
            {
                held++;
                continue;
            }

            thresholds.Add(new TargetSeat
            {
                BallotId = ward.Ballot.Definition.Id,
                WardName = ward.Ballot.Definition.WardName,
                Seat = k,
                Swing = swing,
                Holder = WeakestWinner(parties, seats, party.Id, k - held) ?? parties[candidates[index]],
                Declared = ward.Ballot.HasResult,
            });
        }

        return held;
    }

    /// <summary>
    /// For each of the party's candidates k, the swing against it at which it leaves the top <c>S</c>: the
    /// (S − k + 1)-th smallest of the swings at which each other candidate draws level with it.
    /// </summary>
    private static void AddLossThresholds(WardAnalysis ward, Party party, Party? to, int standing, List<double> losses)
    {
        var parties = ward.CandidateParties!;
        var shares = ward.CandidateShares!;
        Span<double> own = stackalloc double[Math.Min(standing, 64)];
        Own(parties, shares, party.Id, own);
        Span<double> levels = parties.Length <= 64 ? stackalloc double[parties.Length] : new double[parties.Length];
        for (var k = 1; k <= own.Length; k++)
        {
            var others = 0;
            for (var i = 0; i < parties.Length; i++)
            {
                if (parties[i].Id != party.Id)
                {
                    var gap = own[k - 1] - shares[i];
                    levels[others++] = to is null || parties[i].Id == to.Id ? gap / 2 : gap;
                }
            }

            levels[..others].Sort();
            var index = ward.Seats - k;
            losses.Add(index < others ? levels[index] : double.PositiveInfinity);
        }
    }

    /// <summary>The party's best shares last time, in order, 0 where it had fewer candidates than <paramref name="own"/> holds.</summary>
    private static void Own(Party[] parties, double[] shares, string partyId, Span<double> own)
    {
        own.Clear();
        var n = 0;
        for (var i = 0; i < parties.Length && n < own.Length; i++)
        {
            if (parties[i].Id == partyId)
            {
                own[n++] = shares[i];
            }
        }
    }

    private static bool FirstOfParty(System.Collections.Immutable.ImmutableArray<Elections.Candidate> candidates, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (candidates[j].Party.Id == candidates[index].Party.Id)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the party won a seat last time (is among the top <c>S</c>): its seats are those a gain takes.</summary>
    private static bool HoldsASeat(Party[] parties, int seats, string partyId)
    {
        for (var i = 0; i < seats && i < parties.Length; i++)
        {
            if (parties[i].Id == partyId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The party of the <paramref name="nth"/> weakest winner last time that is not of <paramref name="partyId"/>.</summary>
    private static Party? WeakestWinner(Party[] parties, int seats, string partyId, int nth)
    {
        for (var i = Math.Min(seats, parties.Length) - 1; i >= 0; i--)
        {
            if (parties[i].Id != partyId && --nth == 0)
            {
                return parties[i];
            }
        }

        return null;
    }
}
