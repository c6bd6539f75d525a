using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>Where a party's projected change in share comes from.</summary>
public enum SwingSource
{
    /// <summary>The council's own declared wards: it contested at least the minimum of them both now and last time.</summary>
    Council,

    /// <summary>
    /// Every declared ward in the council's region (its own included), because the council has too few and the region
    /// has at least the minimum.
    /// </summary>
    Region,

    /// <summary>Every declared ward in the nation, because the council has too few and its region too (or it has none).</summary>
    Nation,

    /// <summary>No declared ward anywhere tells: last time's shares are used unchanged (a new party: no share).</summary>
    None,
}

/// <summary>Where a council projection's swing comes from, over all its parties.</summary>
public enum ProjectionBasis
{
    /// <summary>Every party's change from the council's own declared wards.</summary>
    Council,

    /// <summary>Every party's change from the declared wards of the council's region.</summary>
    Region,

    /// <summary>Every party's change from the nation's declared wards.</summary>
    Nation,

    /// <summary>The parties' changes from more than one of the council's, the region's and the nation's wards.</summary>
    Mixed,

    /// <summary>No ward anywhere has declared: last time's shares, unchanged.</summary>
    NoSwing,
}

/// <summary>Why a projected control is what it is.</summary>
public enum ControlCertainty
{
    /// <summary>The model's: the party with a majority of the projected seats, else no overall control.</summary>
    Projected,

    /// <summary>Already decided: a party holds the majority with the seats declared and continuing.</summary>
    WonControl,

    /// <summary>Already decided: no party can reach the majority with the seats left.</summary>
    CertainNoOverallControl,

    /// <summary>The continuing seats settle it: control cannot change this year, whatever the count.</summary>
    CannotChange,
}

/// <summary>How a projection is made. Immutable.</summary>
public sealed record ProjectionOptions
{
    /// <summary>The options when none are given: top-vote shares, a council's own swing from 3 wards.</summary>
    public static ProjectionOptions Default { get; } = new();

    /// <summary>The share method the swing is measured and applied by; top vote by default.</summary>
    public ShareMethod Method { get; init; } = ShareMethod.TopVote;

    /// <summary>
    /// The fewest declared comparable wards a party must have contested in both years in a council for the council's
    /// own change to be used for it; with fewer, its region's if it contested at least as many there, else the
    /// nation's. 3 by default; at least 1.
    /// </summary>
    public int MinimumWards { get; init; } = 3;
}

/// <summary>One party's change in share as a projection applies it. Shares and changes in points. Immutable.</summary>
public sealed record PartySwing
{
    /// <summary>The party (independents grouped).</summary>
    public required Party Party { get; init; }

    /// <summary>Where its change comes from.</summary>
    public required SwingSource Source { get; init; }

    /// <summary>The wards its change is the mean over (declared, comparable, contested by it in both years).</summary>
    public required int Wards { get; init; }

    /// <summary>The mean change in its share over those wards; 0 with <see cref="SwingSource.None"/>.</summary>
    public required double Change { get; init; }

    /// <summary>The standard deviation of its change across those wards; 0 with fewer than two.</summary>
    public required double Spread { get; init; }

    /// <summary>Where its share in wards it did not contest last time comes from.</summary>
    public required SwingSource NewShareSource { get; init; }

    /// <summary>Its mean share in declared comparable wards where it stood for the first time; null when there are none.</summary>
    public required double? NewShare { get; init; }

    /// <summary>The shift, in points, by which its change is moved down and up for its low and high seat counts.</summary>
    public required double Margin { get; init; }
}

/// <summary>A party's projected seats in a council: continuing plus declared plus projected, with a range. Immutable.</summary>
/// <param name="Party">The party.</param>
/// <param name="Settled">Its continuing seats plus the seats it has won so far: the floor of every projection.</param>
/// <param name="Low">The low end of the range: its change moved down by its margin, the others' left.</param>
/// <param name="Seats">The projection: every party's change as measured.</param>
/// <param name="High">The high end: its change moved up by its margin.</param>
public sealed record ProjectedSeats(Party Party, int Settled, int Low, int Seats, int High);

/// <summary>
/// A live projection of a council's composition at the end of tonight's count, and its most likely control. A
/// projection, never a result: it is labelled as one wherever it is shown. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// The model is uniform change by party, ward by ward. Each party's change is the mean, over the council's declared
/// wards with a comparable result last time that it contested both times, of its share now minus its share then (by
/// the <see cref="ProjectionOptions.Method"/>; independents grouped). With fewer than
/// <see cref="ProjectionOptions.MinimumWards"/> such wards the declared wards of the council's region (its
/// <see cref="Elections.CouncilDefinition.Region"/>, its own wards included) are used if the party contested at least
/// that many of them, else the nation's (so a council with no region goes straight to the nation). Each undeclared ward's candidates standing
/// now take their party's shares last time, best first, plus the change; a party standing more candidates than it did
/// repeats its weakest share; a party that did not stand there last time takes its mean share in declared wards where
/// it stood for the first time, with the same fallbacks (none anywhere: no share). The top <c>S</c> candidates win;
/// a tie goes to the candidate placed higher last time. Parties that stood last time but not now drop out, and the
/// others' shares are not rescaled.
/// </para>
/// <para>
/// Wards with no comparable votes: a redrawn ward with no notional (or no baseline) takes the council's aggregate
/// shares last time over its comparable wards (its region's if it has none, else the nation's) for every party, changed the same way; a
/// ward with a comparable baseline but no votes (uncontested then) keeps its defended seats with their defenders
/// where they stand again, the rest as for a redrawn ward. Postponed polls are not projected: their seats stay
/// undeclared tonight.
/// </para>
/// <para>
/// The range: each party's seats with its change moved down and up by its <see cref="PartySwing.Margin"/>, the other
/// parties' changes left as measured. The margin is an 80% interval for the mean change of the wards still to come if
/// wards vary independently with the spread seen: <c>1.2816 × sd × √(1/n + 1/m)</c>, <c>n</c> the wards measured and
/// <c>m</c> the wards still to come. The seats declared and continuing are the floor of every count.
/// </para>
/// <para>
/// Control: the party with at least the majority <c>M</c> of the projected seats, else no overall control (two
/// equal largest parties: NOC). Where DOMAIN.md's certainty rules already decide it (a party has won control, no party
/// can reach <c>M</c>, or the continuing seats mean control cannot change), they override the model.
/// </para>
/// </remarks>
public sealed record CouncilProjection
{
    /// <summary>The z-score of an 80% two-sided interval.</summary>
    internal const double IntervalZ = 1.2816;

    private static readonly ConditionalWeakTable<CouncilView, Memo?[]> Memos = [];

    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The share method.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Where the parties' changes come from, over all of them.</summary>
    public required ProjectionBasis Basis { get; init; }

    /// <summary>The minimum wards for a council's own change.</summary>
    public required int MinimumWards { get; init; }

    /// <summary>The council's declared wards with a comparable result last time.</summary>
    public required int WardsDeclared { get; init; }

    /// <summary>The council's region, e.g. "North West"; null when the council has none (it falls back to the nation).</summary>
    public required string? Region { get; init; }

    /// <summary>The region's declared wards with a comparable result last time; 0 when the council has no region.</summary>
    public required int RegionalWards { get; init; }

    /// <summary>The nation's declared wards with a comparable result last time.</summary>
    public required int NationalWards { get; init; }

    /// <summary>The change applied to each party standing in an undeclared ward, largest party last time first.</summary>
    public required ImmutableArray<PartySwing> Swings { get; init; }

    /// <summary>The council's size <c>T</c>.</summary>
    public required int TotalSeats { get; init; }

    /// <summary>The majority threshold <c>M</c>.</summary>
    public required int Majority { get; init; }

    /// <summary>Seats up in the wards still to declare tonight (postponed polls' excluded): those projected.</summary>
    public required int SeatsProjected { get; init; }

    /// <summary>Of those, seats in wards with no comparable votes last time (council-wide shares or defended seats).</summary>
    public required int SeatsWithoutComparableVotes { get; init; }

    /// <summary>Seats in postponed polls: not projected, undeclared tonight.</summary>
    public required int SeatsPostponed { get; init; }

    /// <summary>Every party with a seat at the top of its range, most projected seats first.</summary>
    public required ImmutableArray<ProjectedSeats> Parties { get; init; }

    /// <summary>The most likely control: the model's, unless the certainty rules already decide it.</summary>
    public required CouncilControl Control { get; init; }

    /// <summary>Why <see cref="Control"/> is what it is.</summary>
    public required ControlCertainty Certainty { get; init; }

    /// <summary>
    /// The basis by name: "council", "region: North West", "nation", "mixed: council, region: North West, nation"
    /// (the sources used, in that order) or "no swing".
    /// </summary>
    public string BasisName => Basis switch
    {
        ProjectionBasis.Council => SourceName(SwingSource.Council),
        ProjectionBasis.Region => SourceName(SwingSource.Region),
        ProjectionBasis.Nation => SourceName(SwingSource.Nation),
        ProjectionBasis.Mixed => "mixed: " + string.Join(", ", Swings.Select(s => s.Source).Where(s => s != SwingSource.None).Distinct().Order().Select(SourceName)),
        _ => "no swing",
    };

    /// <summary>The projection in words, naming the model, its basis and the range.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Projection (Tallyroom's model, not a result): uniform change in {ShareMethods.Name(Method)} share by party applied to last time's shares in the {SeatsProjected} seat(s) still to declare; {Basis switch
    {
        ProjectionBasis.Council => $"changes from {WardsDeclared} declared ward(s) here",
        ProjectionBasis.Region => $"too few wards here, so changes from {RegionalWards} declared ward(s) in the {Region} region",
        ProjectionBasis.Nation => $"too few wards here{(Region is null ? string.Empty : " and in the region")}, so changes from {NationalWards} declared ward(s) nationally",
        ProjectionBasis.Mixed => $"changes from {WardsDeclared} declared ward(s) here, or {Wider()} for parties that contested fewer than {MinimumWards} of them",
        _ => "no ward has declared yet, so last time's shares unchanged",
    }}; ranges are 80% intervals for each party's change.");

    /// <summary>A party's source by name: "council", "region: North West", "nation" or "none".</summary>
    public string SourceName(SwingSource source) => source switch
    {
        SwingSource.Council => "council",
        SwingSource.Region => "region: " + Region,
        SwingSource.Nation => "nation",
        _ => "none",
    };

    /// <summary>The projection for a council still counting; null once it is fully declared.</summary>
    public static CouncilProjection? Of(ElectionState state, CouncilView council, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        return council.Declared ? null : Of(state, council, SwingSample.Ballots(state, council), options ?? ProjectionOptions.Default);
    }

    /// <summary>
    /// The projection, memoised per council view and method: it is reused while the council's ballot views are the same
    /// objects and, if it looks beyond the council, while the region's and the nation's samples are the same objects
    /// (built once per state).
    /// </summary>
    internal static CouncilProjection? Of(ElectionState state, CouncilView council, BallotView[] ballots, ProjectionOptions options)
    {
        if (council.Declared)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumWards, 1, nameof(options));
        var slots = Memos.GetValue(council, static _ => new Memo?[3]);
        var index = (int)options.Method;
        var memo = Volatile.Read(ref slots[index]);
        var region = council.Definition.Region;
        if (memo is not null && memo.MinimumWards == options.MinimumWards && SwingSample.Same(memo.Ballots, ballots)
            && memo.Region == region
            && (memo.National is null || ReferenceEquals(memo.National, SwingSample.National(state, options.Method)))
            && (memo.Regional is null || ReferenceEquals(memo.Regional, SwingSample.Regional(state, region!, options.Method))))
        {
            return memo.Projection;
        }

        var local = SwingSample.For(council, ballots, options.Method);
        var regional = region is null ? null : SwingSample.Regional(state, region, options.Method);
        var national = SwingSample.National(state, options.Method);
        var (projection, usedRegion, usedNation) = new Projector(council, ballots, options, local, regional, national).Project();
        Volatile.Write(ref slots[index], new Memo(ballots, region, usedRegion ? regional : null, usedNation ? national : null, options.MinimumWards, projection));
        return projection;
    }

    private string Wider() => Region is null
        ? string.Create(CultureInfo.InvariantCulture, $"nationally ({NationalWards})")
        : string.Create(CultureInfo.InvariantCulture, $"in the {Region} region ({RegionalWards}) or, with too few there, nationally ({NationalWards})");

    private sealed record Memo(BallotView[] Ballots, string? Region, SwingSample? Regional, SwingSample? National, int MinimumWards, CouncilProjection Projection);

    /// <summary>One undeclared ward ready to be counted: its candidates' projected shares and their order last time.</summary>
    private sealed class WardPlan(int seats, Party[] parties, double[] scores, int[] ranks)
    {
        /// <summary>The seats the party wins when <paramref name="shifted"/>'s candidates are moved by <paramref name="shift"/> points.</summary>
        public int Wins(string partyId, string? shifted, double shift)
        {
            Span<bool> chosen = parties.Length <= 64 ? stackalloc bool[parties.Length] : new bool[parties.Length];
            var wins = 0;
            for (var seat = 0; seat < seats && seat < parties.Length; seat++)
            {
                var best = -1;
                var bestScore = double.NegativeInfinity;
                for (var i = 0; i < parties.Length; i++)
                {
                    if (chosen[i])
                    {
                        continue;
                    }

                    var score = scores[i] + (parties[i].Id == shifted ? shift : 0);
                    if (best < 0 || score > bestScore || (score == bestScore && ranks[i] < ranks[best]))
                    {
                        best = i;
                        bestScore = score;
                    }
                }

                chosen[best] = true;
                wins += parties[best].Id == partyId ? 1 : 0;
            }

            return wins;
        }

        /// <summary>Seats won by each party with no shift.</summary>
        public void Count(Dictionary<string, int> seatsByParty)
        {
            foreach (var party in Distinct())
            {
                seatsByParty[party.Id] = seatsByParty.GetValueOrDefault(party.Id) + Wins(party.Id, null, 0);
            }
        }

        public IEnumerable<Party> Distinct() => parties.DistinctBy(p => p.Id);
    }

    /// <summary>Projects one council: works out each party's change, plans each undeclared ward, counts.</summary>
    private sealed class Projector(CouncilView council, BallotView[] ballots, ProjectionOptions options, SwingSample local, SwingSample? regional, SwingSample national)
    {
        private readonly Dictionary<string, PartySwing> swings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Party> partiesById = new(StringComparer.Ordinal);
        // Which wider samples the projection rests on (a value taken from it, or its size deciding against it), so that
        // it is worked out again only when one of those changes.
        private bool usedRegion;
        private bool usedNation;
        private int pendingWards;

        public (CouncilProjection Projection, bool UsedRegion, bool UsedNation) Project()
        {
            var pending = new List<WardAnalysis>();
            int seatsProjected = 0, seatsWithoutVotes = 0, seatsPostponed = 0;
            foreach (var ballot in ballots)
            {
                if (ballot.Status == BallotStatus.Postponed)
                {
                    seatsPostponed += ballot.Definition.SeatsUp;
                }
                else if (!ballot.HasResult)
                {
                    var ward = WardAnalysis.Of(ballot, options.Method);
                    pending.Add(ward);
                    seatsProjected += ward.Seats;
                    seatsWithoutVotes += ward.CandidateParties is null ? ward.Seats : 0;
                }
            }

            pendingWards = Math.Max(1, pending.Count);
            var fixedSeats = new Dictionary<string, int>(StringComparer.Ordinal);
            var plans = new List<WardPlan>(pending.Count);
            foreach (var ward in pending)
            {
                plans.Add(Plan(ward, fixedSeats));
            }

            var point = new Dictionary<string, int>(fixedSeats, StringComparer.Ordinal);
            var low = new Dictionary<string, int>(fixedSeats, StringComparer.Ordinal);
            var high = new Dictionary<string, int>(fixedSeats, StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                plan.Count(point);
                foreach (var party in plan.Distinct())
                {
                    var margin = swings[party.Id].Margin;
                    low[party.Id] = low.GetValueOrDefault(party.Id) + plan.Wins(party.Id, party.Id, -margin);
                    high[party.Id] = high.GetValueOrDefault(party.Id) + plan.Wins(party.Id, party.Id, margin);
                }
            }

            foreach (var entry in council.Composition.Entries)
            {
                partiesById.TryAdd(entry.Party.Id, entry.Party);
            }

            var lines = new List<ProjectedSeats>();
            foreach (var (id, party) in partiesById)
            {
                var settled = council.Composition.Get(id);
                var line = new ProjectedSeats(party, settled, settled + low.GetValueOrDefault(id), settled + point.GetValueOrDefault(id), settled + high.GetValueOrDefault(id));
                if (line.High > 0)
                {
                    lines.Add(line);
                }
            }

            lines.Sort(static (a, b) => b.Seats.CompareTo(a.Seats) is var order and not 0 ? order
                : b.High.CompareTo(a.High) is var then and not 0 ? then
                : string.CompareOrdinal(a.Party.Name, b.Party.Name));
            var (control, certainty) = Control(lines);
            var projection = new CouncilProjection
            {
                CouncilSlug = council.Definition.Slug,
                Method = options.Method,
                Basis = Basis(),
                MinimumWards = options.MinimumWards,
                WardsDeclared = local.Wards,
                Region = council.Definition.Region,
                RegionalWards = regional?.Wards ?? 0,
                NationalWards = national.Wards,
                Swings = [.. swings.Values.OrderByDescending(s => local.PreviousShare(s.Party.Id) ?? regional?.PreviousShare(s.Party.Id) ?? national.PreviousShare(s.Party.Id) ?? -1).ThenBy(s => s.Party.Name, StringComparer.Ordinal)],
                TotalSeats = council.TotalSeats,
                Majority = council.Majority,
                SeatsProjected = seatsProjected,
                SeatsWithoutComparableVotes = seatsWithoutVotes,
                SeatsPostponed = seatsPostponed,
                Parties = [.. lines],
                Control = control,
                Certainty = certainty,
            };
            return (projection, usedRegion, usedNation);
        }

        private (CouncilControl Control, ControlCertainty Certainty) Control(List<ProjectedSeats> lines)
        {
            if (council.ControlCannotChange && council.ControlBefore is { } before)
            {
                return (before, ControlCertainty.CannotChange);
            }

            var now = council.Control;
            if (now.Kind == ControlKind.Party)
            {
                return (now, ControlCertainty.WonControl);
            }

            if (now.Kind == ControlKind.NoOverallControl)
            {
                return (now, ControlCertainty.CertainNoOverallControl);
            }

            var projected = PartySeats.Of(lines.Select(l => new PartyCount(l.Party, l.Seats)));
            return (CouncilControl.Decide(projected, council.TotalSeats, 0, allDeclared: true), ControlCertainty.Projected);
        }

        private ProjectionBasis Basis()
        {
            var sources = swings.Values.Select(s => s.Source).Where(s => s != SwingSource.None).Distinct().ToList();
            return sources.Count switch
            {
                0 => ProjectionBasis.NoSwing,
                1 => sources[0] switch
                {
                    SwingSource.Council => ProjectionBasis.Council,
                    SwingSource.Region => ProjectionBasis.Region,
                    _ => ProjectionBasis.Nation,
                },
                _ => ProjectionBasis.Mixed,
            };
        }

        /// <summary>The candidates standing now in an undeclared ward, with their projected shares; defended seats kept aside.</summary>
        private WardPlan Plan(WardAnalysis ward, Dictionary<string, int> fixedSeats)
        {
            var definition = ward.Ballot.Definition;
            var standing = new List<(Party Party, int Count, int First)>();
            for (var i = 0; i < definition.Candidates.Length; i++)
            {
                var party = Grouped(definition.Candidates[i].Party);
                var at = standing.FindIndex(s => s.Party.Id == party.Id);
                if (at < 0)
                {
                    standing.Add((party, 1, i));
                }
                else
                {
                    standing[at] = (standing[at].Party, standing[at].Count + 1, standing[at].First);
                }
            }

            var seats = ward.Seats;
            if (ward.CandidateParties is null && ward.Comparable && ward.Ballot.Baseline is { } baseline)
            {
                // Uncontested last time (or only the defended seats known): the defenders keep their seats where they stand again.
                foreach (var defended in baseline.Defended)
                {
                    var party = Grouped(defended.Party);
                    var at = standing.FindIndex(s => s.Party.Id == party.Id);
                    var kept = at < 0 ? 0 : Math.Min(Math.Min(defended.Seats, standing[at].Count), seats);
                    if (kept > 0)
                    {
                        fixedSeats[party.Id] = fixedSeats.GetValueOrDefault(party.Id) + kept;
                        standing[at] = (standing[at].Party, standing[at].Count - kept, standing[at].First);
                        seats -= kept;
                    }
                }
            }

            var parties = new List<Party>();
            var scores = new List<double>();
            var ranks = new List<int>();
            foreach (var (party, count, first) in standing)
            {
                var swing = Swing(party);
                var previous = 0;
                double? weakest = null;
                if (ward.CandidateParties is { } before)
                {
                    for (var i = 0; i < before.Length && previous < count; i++)
                    {
                        if (Grouped(before[i]).Id == party.Id)
                        {
                            weakest = ward.CandidateShares![i];
                            Add(party, weakest.Value + swing.Change, i);
                            previous++;
                        }
                    }
                }
                else if (PreviousShare(party) is { } councilWide)
                {
                    weakest = councilWide;
                }

                for (var k = previous; k < count; k++)
                {
                    var share = weakest is { } last ? last + swing.Change : swing.NewShare ?? 0;
                    Add(party, share, 1000 + first + k);
                }
            }

            return new WardPlan(seats, [.. parties], [.. scores], [.. ranks]);

            void Add(Party party, double score, int rank)
            {
                parties.Add(party);
                scores.Add(score);
                ranks.Add(rank);
            }
        }

        private double? PreviousShare(Party party)
        {
            if (local.PreviousTotal > 0)
            {
                return local.PreviousShare(party.Id);
            }

            usedRegion = regional is not null;
            if (regional is { PreviousTotal: > 0 } region)
            {
                return region.PreviousShare(party.Id);
            }

            usedNation = true;
            return national.PreviousShare(party.Id);
        }

        private PartySwing Swing(Party party)
        {
            if (swings.TryGetValue(party.Id, out var known))
            {
                return known;
            }

            var minimum = options.MinimumWards;
            var (source, change) = Pick(local.Change(party.Id), regional?.Change(party.Id), national.Change(party.Id), minimum);
            var (newSource, newShare) = Pick(local.NewShare(party.Id), regional?.NewShare(party.Id), national.NewShare(party.Id), minimum);
            var (marginOf, marginSource) = source != SwingSource.None ? (change, source) : (newShare, newSource);
            var swing = new PartySwing
            {
                Party = party,
                Source = source,
                Wards = change.Count,
                Change = change.Mean,
                Spread = change.StandardDeviation,
                NewShareSource = newSource,
                NewShare = newSource == SwingSource.None ? null : newShare.Mean,
                Margin = marginSource == SwingSource.None ? 0 : IntervalZ * marginOf.StandardDeviation * Math.Sqrt((1.0 / marginOf.Count) + (1.0 / pendingWards)),
            };
            swings[party.Id] = swing;
            return swing;
        }

        private (SwingSource Source, Moments Moments) Pick(Moments here, Moments? region, Moments nation, int minimum)
        {
            if (here.Count >= minimum)
            {
                return (SwingSource.Council, here);
            }

            // Past the council, the region's sample decides, and the nation's when the region has too few, so a later
            // declaration there must refresh this.
            usedRegion = region is not null;
            if (region is { } inRegion && inRegion.Count >= minimum)
            {
                return (SwingSource.Region, inRegion);
            }

            usedNation = true;
            if (nation.Count > 0)
            {
                return (SwingSource.Nation, nation);
            }

            return (SwingSource.None, default);
        }

        private Party Grouped(Party party)
        {
            var grouped = party.Id == PartyCatalog.Independent.Id ? PartyCatalog.Independent : party;
            partiesById.TryAdd(grouped.Id, grouped);
            return grouped;
        }
    }
}
