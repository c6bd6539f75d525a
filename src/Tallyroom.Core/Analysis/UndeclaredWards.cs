using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// A council's wards still to declare, made ready to be counted under any set of changes in share: who stands in each,
/// what each candidate's share rests on, the seats kept by their defenders, and the seats declared and continuing.
/// It depends only on the council's ballots, so a projection keeps it while only the swings move (every declaration
/// elsewhere in its region or the nation) and just counts again. Immutable; parties by index.
/// </summary>
internal sealed class UndeclaredWards
{
    private UndeclaredWards(Party[] parties, int standing, int[] settled, int[] kept, Ward[] wards, bool[] usesCouncilWideShare, (int Projected, int WithoutVotes, int Postponed) seats)
    {
        Parties = parties;
        Standing = standing;
        Settled = settled;
        Kept = kept;
        Wards = wards;
        UsesCouncilWideShare = usesCouncilWideShare;
        SeatsProjected = seats.Projected;
        SeatsWithoutComparableVotes = seats.WithoutVotes;
        SeatsPostponed = seats.Postponed;
    }

    /// <summary>Where a candidate's projected share starts from.</summary>
    public enum ShareBasis
    {
        /// <summary>A share its party had in this ward last time: that share plus the party's change.</summary>
        Previous,

        /// <summary>No comparable votes in the ward: the party's council-wide share last time plus its change, else its new-party share.</summary>
        CouncilWide,

        /// <summary>Its party did not stand here last time: the party's mean share where it stood for the first time.</summary>
        New,
    }

    /// <summary>
    /// Every party (independents grouped): those standing in a ward still to declare first, in the order they are met,
    /// then the other parties of the council's composition.
    /// </summary>
    public Party[] Parties { get; }

    /// <summary>How many of <see cref="Parties"/> stand in a ward still to declare: indices below it.</summary>
    public int Standing { get; }

    /// <summary>Each party's seats declared and continuing: the floor of every count.</summary>
    public int[] Settled { get; }

    /// <summary>Each party's seats kept by their defenders in wards uncontested last time.</summary>
    public int[] Kept { get; }

    /// <summary>The wards to count.</summary>
    public Ward[] Wards { get; }

    /// <summary>For each standing party, true when some candidate of it takes the council-wide share last time.</summary>
    public bool[] UsesCouncilWideShare { get; }

    /// <summary>Seats up in the wards still to declare (postponed polls excluded).</summary>
    public int SeatsProjected { get; }

    /// <summary>Of those, seats in wards with no comparable votes last time.</summary>
    public int SeatsWithoutComparableVotes { get; }

    /// <summary>Seats in postponed polls.</summary>
    public int SeatsPostponed { get; }

    /// <summary>Prepares a council still counting.</summary>
    public static UndeclaredWards Of(CouncilView council, BallotView[] ballots, ShareMethod method) => new Builder(council).Build(ballots, method);

    /// <summary>One candidate: its party's index, what its share rests on, that share last time (with <see cref="ShareBasis.Previous"/>) and its place last time.</summary>
    public readonly record struct Candidate(int Party, ShareBasis Basis, double Share, int Rank);

    /// <summary>One ward still to declare: the seats its candidates contest (those kept by defenders taken off) and its parties, each once.</summary>
    public sealed class Ward(int seats, Candidate[] candidates, int[] parties)
    {
        public int Seats => seats;

        public Candidate[] Candidates => candidates;

        public int[] Parties => parties;

        /// <summary>
        /// Fills <paramref name="elected"/> with the parties of the top <see cref="Seats"/> candidates by score; a tie
        /// goes to the candidate placed higher last time. Returns how many were elected.
        /// </summary>
        public int Elect(ReadOnlySpan<double> scores, Span<int> elected)
        {
            var count = Math.Min(seats, candidates.Length);
            Span<bool> chosen = candidates.Length <= 64 ? stackalloc bool[candidates.Length] : new bool[candidates.Length];
            for (var seat = 0; seat < count; seat++)
            {
                var best = -1;
                var bestScore = double.NegativeInfinity;
                for (var i = 0; i < candidates.Length; i++)
                {
                    if (chosen[i])
                    {
                        continue;
                    }

                    var score = scores[i];
                    if (best < 0 || score > bestScore || (score == bestScore && candidates[i].Rank < candidates[best].Rank))
                    {
                        best = i;
                        bestScore = score;
                    }
                }

                chosen[best] = true;
                elected[seat] = candidates[best].Party;
            }

            return count;
        }
    }

    private sealed class Builder(CouncilView council)
    {
        private readonly List<Party> parties = [];
        private readonly Dictionary<string, int> indexById = new(StringComparer.Ordinal);
        private readonly List<int> kept = [];
        private readonly List<bool> councilWide = [];

        public UndeclaredWards Build(BallotView[] ballots, ShareMethod method)
        {
            var wards = new List<Ward>();
            int projected = 0, withoutVotes = 0, postponed = 0;
            foreach (var ballot in ballots)
            {
                if (ballot.Status == BallotStatus.Postponed)
                {
                    postponed += ballot.Definition.SeatsUp;
                }
                else if (!ballot.HasResult)
                {
                    var ward = WardAnalysis.Of(ballot, method);
                    wards.Add(Plan(ward));
                    projected += ward.Seats;
                    withoutVotes += ward.CandidateParties is null ? ward.Seats : 0;
                }
            }

            // Defenders met only in the baselines are not standing: they are listed past the standing parties with the
            // composition's, and only a party with seats somewhere is shown.
            var standing = councilWide.Count;
            foreach (var entry in council.Composition.Entries)
            {
                Index(entry.Party, standing: false);
            }

            var settled = new int[parties.Count];
            for (var p = 0; p < settled.Length; p++)
            {
                settled[p] = council.Composition.Get(parties[p].Id);
            }

            return new UndeclaredWards([.. parties], standing, settled, [.. kept], [.. wards], [.. councilWide], (projected, withoutVotes, postponed));
        }

        /// <summary>The candidates standing now in an undeclared ward; seats kept by defenders set aside.</summary>
        private Ward Plan(WardAnalysis ward)
        {
            var definition = ward.Ballot.Definition;
            var standing = new List<(int Party, int Count, int First)>();
            for (var i = 0; i < definition.Candidates.Length; i++)
            {
                var party = Index(definition.Candidates[i].Party, standing: true);
                var at = standing.FindIndex(s => s.Party == party);
                if (at < 0)
                {
                    standing.Add((party, 1, i));
                }
                else
                {
                    standing[at] = (party, standing[at].Count + 1, standing[at].First);
                }
            }

            var seats = ward.Seats;
            if (ward.CandidateParties is null && ward.Comparable && ward.Ballot.Baseline is { } baseline)
            {
                // Uncontested last time (or only the defended seats known): the defenders keep their seats where they stand again.
                foreach (var defended in baseline.Defended)
                {
                    var at = indexById.TryGetValue(Grouped(defended.Party).Id, out var party) ? standing.FindIndex(s => s.Party == party) : -1;
                    var keeps = at < 0 ? 0 : Math.Min(Math.Min(defended.Seats, standing[at].Count), seats);
                    if (keeps > 0)
                    {
                        kept[party] += keeps;
                        standing[at] = (party, standing[at].Count - keeps, standing[at].First);
                        seats -= keeps;
                    }
                }
            }

            var candidates = new List<Candidate>();
            foreach (var (party, count, first) in standing)
            {
                var previous = 0;
                double? weakest = null;
                if (ward.CandidateParties is { } before)
                {
                    for (var i = 0; i < before.Length && previous < count; i++)
                    {
                        if (Grouped(before[i]).Id == parties[party].Id)
                        {
                            weakest = ward.CandidateShares![i];
                            candidates.Add(new Candidate(party, ShareBasis.Previous, weakest.Value, i));
                            previous++;
                        }
                    }
                }

                var basis = ward.CandidateParties is null ? ShareBasis.CouncilWide : weakest is null ? ShareBasis.New : ShareBasis.Previous;
                councilWide[party] |= basis == ShareBasis.CouncilWide;
                for (var k = previous; k < count; k++)
                {
                    candidates.Add(new Candidate(party, basis, weakest ?? 0, 1000 + first + k));
                }
            }

            return new Ward(seats, [.. candidates], [.. standing.Select(s => s.Party)]);
        }

        private int Index(Party party, bool standing)
        {
            var grouped = Grouped(party);
            if (!indexById.TryGetValue(grouped.Id, out var index))
            {
                index = parties.Count;
                indexById.Add(grouped.Id, index);
                parties.Add(grouped);
                kept.Add(0);
                if (standing)
                {
                    councilWide.Add(false);
                }
            }

            return index;
        }

        private static Party Grouped(Party party) => party.Id == PartyCatalog.Independent.Id ? PartyCatalog.Independent : party;
    }
}
