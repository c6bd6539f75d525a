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

    /// <summary>
    /// The uncertainty of the mean its range rests on, in points: the standard deviation of its change across the wards
    /// measured over the square root of their number (<see cref="Spread"/> / √<see cref="Wards"/>); for a party with no
    /// change (<see cref="SwingSource.None"/>), the same of its new-party share; 0 with fewer than two wards.
    /// </summary>
    public required double MeanError { get; init; }
}

/// <summary>A party's projected seats in a council: continuing plus declared plus projected, with a range. Immutable.</summary>
/// <param name="Party">The party.</param>
/// <param name="Settled">Its continuing seats plus the seats it has won so far: the floor of every projection.</param>
/// <param name="Low">The low end of the range: the 10th percentile of its seats as its change varies, the others' left.</param>
/// <param name="Seats">The projection: every party's change as measured.</param>
/// <param name="High">The high end: the 90th percentile of its seats.</param>
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
/// The range: the 10th and 90th percentiles of each party's seats, the other parties' changes left as measured, when
/// its change in each ward still to come is its measured change plus <c>u + e</c>: <c>u ~ N(0, τ²)</c> the error of
/// the mean, common to every ward (<c>τ = sd/√n</c>, its <see cref="PartySwing.MeanError"/>, <c>sd</c> the spread of
/// its change across the <c>n</c> wards measured, or of its new-party share for a party with no change), and
/// <c>e ~ N(0, sd²)</c> the ward's own, independent from ward to ward. Given <c>u</c>, its seats in a ward step up at
/// the shifts where its candidates overtake the others in the seats, so their mean and variance follow from normal
/// probabilities; summed over the wards they are taken as normal (with a half-seat continuity correction), and
/// <c>u</c> is integrated by 5-point Gauss–Hermite quadrature. The range always holds the projection, never falls
/// below the seats declared and continuing nor rises above the most the party could win; with no spread (or fewer
/// than two wards measured) it is the projection alone.
/// </para>
/// <para>
/// Control: the party with at least the majority <c>M</c> of the projected seats, else no overall control (two
/// equal largest parties: NOC). Where DOMAIN.md's certainty rules already decide it (a party has won control, no party
/// can reach <c>M</c>, or the continuing seats mean control cannot change), they override the model.
/// </para>
/// </remarks>
public sealed record CouncilProjection
{
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
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Projection (Tallyroom's model, not a result): uniform change in {ShareMethods.Name(Method)} share by party applied to last time's shares in the {Plural.Count(SeatsProjected, "seat", "seats")} still to declare; {Basis switch
    {
        ProjectionBasis.Council => $"changes from {Plural.Count(WardsDeclared, "declared ward", "declared wards")} here",
        ProjectionBasis.Region => $"too few wards here, so changes from {Plural.Count(RegionalWards, "declared ward", "declared wards")} in the {Region} region",
        ProjectionBasis.Nation => $"too few wards here{(Region is null ? string.Empty : " and in the region")}, so changes from {Plural.Count(NationalWards, "declared ward", "declared wards")} nationally",
        ProjectionBasis.Mixed => $"changes from {Plural.Count(WardsDeclared, "declared ward", "declared wards")} here, or {Wider()} for parties that contested fewer than {MinimumWards} of them",
        _ => "no ward has declared yet, so last time's shares unchanged",
    }}; each party's range runs from the 10th to the 90th percentile of its seats if its change varies from ward to ward as it has so far.");

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
        return council.Declared ? null : Of(state, council, state.BallotsOf(council), options ?? ProjectionOptions.Default);
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

        // The wards still to declare are prepared once per set of ballot views; only the swings move between declarations elsewhere.
        var wards = memo is not null && SwingSample.Same(memo.Ballots, ballots) ? memo.Wards : UndeclaredWards.Of(council, ballots, options.Method);
        var local = SwingSample.For(council, ballots, options.Method);
        var regional = region is null ? null : SwingSample.Regional(state, region, options.Method);
        var national = SwingSample.National(state, options.Method);
        var (projection, usedRegion, usedNation) = new Projector(council, wards, options, local, regional, national).Project();
        Volatile.Write(ref slots[index], new Memo(ballots, wards, region, usedRegion ? regional : null, usedNation ? national : null, options.MinimumWards, projection));
        return projection;
    }

    private string Wider() => Region is null
        ? string.Create(CultureInfo.InvariantCulture, $"nationally ({NationalWards})")
        : string.Create(CultureInfo.InvariantCulture, $"in the {Region} region ({RegionalWards}) or, with too few there, nationally ({NationalWards})");

    private sealed record Memo(BallotView[] Ballots, UndeclaredWards Wards, string? Region, SwingSample? Regional, SwingSample? National, int MinimumWards, CouncilProjection Projection);
}
