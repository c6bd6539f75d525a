using Tallyroom.Core;

namespace Tallyroom.Simulation;

/// <summary>
/// Made-up but plausible English place names and people's names, from small built-in lists, so that the demo needs
/// nothing downloaded. Place names are two syllables ("Ash" + "field"); some come out as real places, which is fine.
/// </summary>
internal static class Names
{
    private static readonly string[] Heads =
    [
        "Ash", "Bar", "Beck", "Birch", "Black", "Brad", "Bram", "Brook", "Burn", "Cal", "Chad", "Clay", "Cold", "Crow",
        "Dal", "Dun", "Elm", "Fair", "Fern", "Gold", "Hal", "Harts", "Hazel", "Heath", "Holm", "Kings", "Lang", "Lark",
        "Lea", "Mar", "Mill", "Moss", "Nor", "Oak", "Pen", "Queens", "Red", "Rother", "Sand", "Shaw", "Stan", "Thorn",
        "Wal", "Wen", "Whit", "Wil", "Win", "Wood", "Ald", "Bex", "Cran", "Ed", "Fox", "Gran", "Kel", "Lox", "Nether",
        "Pim", "Rud", "Sel", "Tam", "Ux", "Wick", "Yar",
    ];

    private static readonly string[] Tails =
    [
        "ley", "ton", "field", "wood", "by", "ham", "well", "ford", "bury", "worth", "stead", "hurst", "combe", "dale",
        "thorpe", "wick", "bridge", "mere", "gate", "cliffe", "moor", "minster", "den", "holt", "stow", "brook",
    ];

    private static readonly string[] Compass = ["North", "South", "East", "West", "Central"];

    private static readonly string[] Features = ["Park", "Green", "Vale", "Hill", "Common", "Village", "Heath", "Marsh", "Rise", "Valley"];

    private static readonly string[] Saints = ["Mary", "John", "Peter", "Andrew", "Michael", "Margaret", "Luke", "Anne", "James", "Helen"];

    private static readonly string[] FirstNames =
    [
        "Aisha", "Alan", "Amelia", "Andrew", "Anita", "Barbara", "Ben", "Bridget", "Carol", "Chloe", "Chris", "Colin",
        "Daniel", "David", "Deborah", "Dev", "Eileen", "Emma", "Fatima", "Fiona", "Gareth", "Grace", "Hannah", "Harjit",
        "Helen", "Ian", "Imran", "Jack", "James", "Janet", "Jo", "John", "Karen", "Kevin", "Laura", "Liam", "Lucy",
        "Mark", "Mary", "Mohammed", "Nadia", "Neil", "Nicola", "Oliver", "Patricia", "Paul", "Priya", "Rachel", "Raj",
        "Rebecca", "Richard", "Ruth", "Sam", "Sarah", "Simon", "Sophie", "Stephen", "Susan", "Tom", "Wendy", "Yusuf", "Zoe",
    ];

    private static readonly string[] Surnames =
    [
        "Adams", "Ahmed", "Ali", "Allen", "Atkinson", "Bailey", "Baker", "Barnes", "Begum", "Bell", "Bennett", "Brown",
        "Butler", "Campbell", "Carter", "Chapman", "Clarke", "Collins", "Cooper", "Cox", "Davies", "Dixon", "Edwards",
        "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gill", "Graham", "Green", "Hall", "Harris", "Hart", "Hill",
        "Holmes", "Hughes", "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight",
        "Lee", "Lewis", "Marshall", "Martin", "Mason", "Mills", "Mitchell", "Moore", "Morgan", "Murphy", "Murray",
        "Nelson", "O'Brien", "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Price", "Reid", "Richards",
        "Roberts", "Robinson", "Rogers", "Scott", "Shah", "Shaw", "Singh", "Smith", "Stevens", "Taylor", "Thomas",
        "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
    ];

    /// <summary>A two-syllable place name, e.g. "Hazelmere".</summary>
    public static string Place(Random random) => Draw.Pick(random, Heads) + Draw.Pick(random, Tails);

    /// <summary>A council's name: mostly one place, sometimes a compass point, a pair or a vale.</summary>
    public static string Council(Random random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.72 => Place(random),
            < 0.84 => Draw.Pick(random, Compass[..4]) + " " + Place(random),
            < 0.95 => Place(random) + " and " + Place(random),
            _ => Place(random) + " Vale",
        };
    }

    /// <summary>A ward's name: a place, a place and a compass point or feature, a pair of places, or a saint's parish.</summary>
    public static string Ward(Random random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.40 => Place(random),
            < 0.58 => Place(random) + " " + Draw.Pick(random, Compass),
            < 0.78 => Place(random) + " " + Draw.Pick(random, Features),
            < 0.94 => Place(random) + " and " + Place(random),
            _ => "St " + Draw.Pick(random, Saints) + "'s",
        };
    }

    /// <summary>A residents' group or local party named after its area, e.g. "Hazelmere Residents' Association".</summary>
    public static string LocalParty(Random random, string area)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.45 => area + " Residents' Association",
            < 0.70 => area + " Independents",
            < 0.85 => "Residents for " + area,
            _ => area + " First",
        };
    }

    /// <summary>A person's name, as (forename, surname).</summary>
    public static (string First, string Last) Person(Random random) => (Draw.Pick(random, FirstNames), Draw.Pick(random, Surnames));

    /// <summary>
    /// Draws names until one is new to <paramref name="taken"/> (compared by slug, since the slug becomes an id), then
    /// records it. After many misses a compass point is added, and as a last resort a number, so this always ends.
    /// </summary>
    public static string Unique(Random random, Func<Random, string> draw, HashSet<string> taken)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var name = draw(random);
            if (taken.Add(Slug.Make(name)))
            {
                return name;
            }
        }

        var stem = draw(random);
        foreach (var point in Compass)
        {
            if (taken.Add(Slug.Make(stem + " " + point)))
            {
                return stem + " " + point;
            }
        }

        for (var n = 2; ; n++)
        {
            var numbered = stem + " " + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(Slug.Make(numbered)))
            {
                return numbered;
            }
        }
    }
}
