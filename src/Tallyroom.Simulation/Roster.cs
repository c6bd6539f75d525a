using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Elections;

namespace Tallyroom.Simulation;

/// <summary>How often a council's seats come up.</summary>
internal enum ElectionCycle
{
    /// <summary>Every seat up every four years.</summary>
    AllOut,

    /// <summary>Half the seats every two years: two-member wards, one seat up.</summary>
    Halves,

    /// <summary>A third of the seats in three years of four: three-member wards, one seat up.</summary>
    Thirds,
}

/// <summary>One council to simulate: what kind it is, its made-up name and codes, and any part it must play. Immutable.</summary>
internal sealed record CouncilPlan
{
    public required int Index { get; init; }

    public required CouncilType Type { get; init; }

    public required ElectionCycle Cycle { get; init; }

    public required Region Region { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required string GssCode { get; init; }

    public required int WardCount { get; init; }

    /// <summary>The number of the council's first ward among all wards, for unique made-up ward codes.</summary>
    public required int FirstWardNumber { get; init; }

    /// <summary>A thirds council whose ruling party holds a majority in the continuing seats alone.</summary>
    public bool SafeControl { get; init; }

    /// <summary>A council where a few wards were redrawn since last time and have no comparable result.</summary>
    public bool BoundaryReview { get; init; }

    /// <summary>A council with a ward whose only candidates are elected unopposed.</summary>
    public bool Unopposed { get; init; }

    /// <summary>A council with a residents' group or local party of its own.</summary>
    public bool Residents { get; init; }
}

/// <summary>
/// Chooses the councils: kinds and cycles from a fixed rotation (so every kind and cycle appears in any election of
/// ten councils or more, whatever the seed), sizes, regions and names from the election's random stream.
/// </summary>
internal static class Roster
{
    // Per ten councils: two London boroughs, three metropolitan boroughs, two unitaries, three districts; five all-out,
    // four by thirds, one by halves. Roughly a May election outside the county years.
    private static readonly (CouncilType Type, ElectionCycle Cycle)[] Rotation =
    [
        (CouncilType.LondonBorough, ElectionCycle.AllOut),
        (CouncilType.MetropolitanBorough, ElectionCycle.Thirds),
        (CouncilType.District, ElectionCycle.Thirds),
        (CouncilType.Unitary, ElectionCycle.AllOut),
        (CouncilType.District, ElectionCycle.AllOut),
        (CouncilType.MetropolitanBorough, ElectionCycle.Thirds),
        (CouncilType.District, ElectionCycle.Halves),
        (CouncilType.LondonBorough, ElectionCycle.AllOut),
        (CouncilType.Unitary, ElectionCycle.Thirds),
        (CouncilType.MetropolitanBorough, ElectionCycle.AllOut),
    ];

    // The parts that make the required features certain, each given to the first council of a suitable kind.
    private const int SafeControlIndex = 1;
    private const int BoundaryReviewIndex = 3;
    private const int UnopposedIndex = 4;
    private static readonly int[] ResidentsIndexes = [0, 6];

    public static List<CouncilPlan> Plan(GeneratorOptions options, Random random)
    {
        var plans = new List<CouncilPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var codeCounters = new Dictionary<CouncilType, int>();
        var wards = 0;
        for (var index = 0; index < options.Councils || wards < (options.TargetWards ?? 0); index++)
        {
            var (type, cycle) = Rotation[index % Rotation.Length];
            var name = Names.Unique(random, Names.Council, names);
            codeCounters[type] = codeCounters.GetValueOrDefault(type) + 1;
            var wardCount = WardCount(type, cycle, random);
            plans.Add(new CouncilPlan
            {
                Index = index,
                Type = type,
                Cycle = cycle,
                Region = RegionOf(type, random),
                Name = name,
                Slug = Slug.Make(name),
                GssCode = GssPrefix(type) + codeCounters[type].ToString("D6", CultureInfo.InvariantCulture),
                WardCount = wardCount,
                FirstWardNumber = wards,
                SafeControl = index == SafeControlIndex,
                BoundaryReview = index == BoundaryReviewIndex,
                Unopposed = index == UnopposedIndex,

                // Not in the safe council, whose ruling party must hold the continuing seats on its own.
                Residents = ResidentsIndexes.Contains(index) || (index != SafeControlIndex && Draw.Chance(random, 0.15)),
            });
            wards = checked(wards + wardCount);
        }

        return plans;
    }

    private static int WardCount(CouncilType type, ElectionCycle cycle, Random random) => (type, cycle) switch
    {
        (CouncilType.LondonBorough, _) => random.Next(16, 25),
        (CouncilType.MetropolitanBorough, ElectionCycle.AllOut) => random.Next(28, 41),
        (CouncilType.MetropolitanBorough, _) => random.Next(18, 29),
        (CouncilType.Unitary, ElectionCycle.AllOut) => random.Next(18, 35),
        (CouncilType.Unitary, _) => random.Next(14, 23),
        (_, ElectionCycle.AllOut) => random.Next(14, 29),
        _ => random.Next(12, 19),
    };

    private static Region RegionOf(CouncilType type, Random random) => type switch
    {
        CouncilType.LondonBorough => Region.London,
        CouncilType.MetropolitanBorough => Draw.Chance(random, 0.7) ? Region.North : Region.Midlands,
        CouncilType.Unitary => (Region)Draw.Weighted(random, [0, 3, 2, 2, 3]),
        _ => (Region)Draw.Weighted(random, [0, 1, 2, 3, 4]),
    };

    private static string GssPrefix(CouncilType type) => type switch
    {
        CouncilType.LondonBorough => "E09",
        CouncilType.MetropolitanBorough => "E08",
        CouncilType.Unitary => "E06",
        _ => "E07",
    };
}
