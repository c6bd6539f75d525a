using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Events;

namespace Tallyroom.Simulation.Orders;

/// <summary>
/// An order in which to replay an election's declarations. No source records declaration times, so a replay must
/// choose an order and name it (<see cref="Description"/>) wherever it shows the night. Works for any election given
/// as setup events plus declarations, simulated or imported. The unit of order is the ballot: a ballot's corrections
/// stay right after its first declaration. Immutable and thread-safe.
/// </summary>
public abstract class DeclarationOrder
{
    private protected DeclarationOrder()
    {
    }

    /// <summary>Council by council, in the order the setup defines the councils; within a council, as given.</summary>
    public static DeclarationOrder ByCouncil { get; } = new CouncilByCouncil();

    /// <summary>Names the order, e.g. "random order, seed 7".</summary>
    public abstract string Description { get; }

    /// <summary>A shuffle of the ballots, the same for the same seed and declarations.</summary>
    public static DeclarationOrder Random(int seed) => new Shuffled(seed);

    /// <summary>
    /// Roughly as on a real night, with made-up times from the seed: councils electing by thirds or halves mostly count
    /// overnight, all-out and small councils mostly the next day; each council's wards come in over a spell that grows
    /// with its size, interleaved with other councils counting at the same time.
    /// </summary>
    public static DeclarationOrder Realistic(int seed) => new OvernightThenDaytime(seed);

    /// <summary>
    /// The order of a file listing one ballot id per line. Blank lines and lines starting with <c>#</c> are skipped,
    /// and ids are trimmed, so refusals can name the line. When arranged, the order is refused
    /// (<see cref="DeclarationOrderException"/>, naming every line at fault) if the file names a ballot the replay
    /// does not declare, names a ballot twice, or names none. Ballots the file leaves out are not refused: they are
    /// replayed after the listed ones, in the order given, and named in <see cref="OrderedDeclarations.Unlisted"/>
    /// and the description, because a newsroom often knows the times of only some declarations.
    /// </summary>
    /// <param name="lines">The file's lines, as read.</param>
    /// <param name="source">The file as the user named it, for messages.</param>
    public static DeclarationOrder FromFile(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new Listed([.. lines], source);
    }

    /// <summary>Puts a generated election's declarations in this order.</summary>
    /// <exception cref="DeclarationOrderException">An order file does not fit the election.</exception>
    public OrderedDeclarations Arrange(GeneratedElection election)
    {
        ArgumentNullException.ThrowIfNull(election);
        return Arrange(election.Setup, election.Declarations);
    }

    /// <summary>
    /// Puts the declarations in this order. <paramref name="setup"/> is what precedes them in the log (councils,
    /// ballots, baselines, postponements, uncontested results); orders by council need it to know each ballot's council.
    /// </summary>
    /// <exception cref="DeclarationOrderException">An order file does not fit the election.</exception>
    /// <exception cref="ArgumentException">A declaration's ballot is not defined in the setup (orders by council).</exception>
    public OrderedDeclarations Arrange(IReadOnlyList<ElectionEvent> setup, IReadOnlyList<DeclarationRecorded> declarations)
    {
        var replay = new Replay(setup, declarations);
        var (order, unlisted, description) = Order(replay);
        return new OrderedDeclarations
        {
            Description = description,
            Declarations = [.. replay.Expand(order)],
            Unlisted = unlisted,
        };
    }

    private protected abstract (IEnumerable<string> Order, ImmutableArray<string> Unlisted, string Description) Order(Replay replay);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class CouncilByCouncil : DeclarationOrder
    {
        public override string Description => "council by council, in the order the councils are defined";

        private protected override (IEnumerable<string>, ImmutableArray<string>, string) Order(Replay replay)
        {
            var rank = replay.Councils.Select((slug, i) => (slug, i)).ToDictionary(c => c.slug, c => c.i, StringComparer.Ordinal);

            // OrderBy is stable: within a council, ballots keep the order given.
            var order = replay.Ballots.OrderBy(id => rank.GetValueOrDefault(replay.CouncilOf(id), int.MaxValue)).ToList();
            return (order, [], Description);
        }
    }

    private sealed class Shuffled(int seed) : DeclarationOrder
    {
        public override string Description => $"random order, seed {Invariant(seed)}";

        private protected override (IEnumerable<string>, ImmutableArray<string>, string) Order(Replay replay)
        {
            var order = replay.Ballots.ToList();
            Draw.Shuffle(new System.Random(seed), order);
            return (order, [], Description);
        }
    }

    private sealed class OvernightThenDaytime(int seed) : DeclarationOrder
    {
        public override string Description =>
            $"realistic order, seed {Invariant(seed)}: made-up count times, thirds and halves councils mostly overnight, all-out and small councils mostly the next day";

        private protected override (IEnumerable<string>, ImmutableArray<string>, string) Order(Replay replay)
        {
            var random = new System.Random(seed);
            var sizes = replay.Ballots.CountBy(replay.CouncilOf, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
            var councils = replay.Councils.Where(sizes.ContainsKey).Concat(sizes.Keys.Except(replay.Councils, StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var counts = new Dictionary<string, (double Start, double Hours)>(StringComparer.Ordinal);
            foreach (var council in councils)
            {
                // Hours after the close of poll. A big council counting overnight starts about an hour in; daytime counts
                // start the next morning, ten hours or more after the close.
                var size = sizes[council];
                var overnight = Draw.Chance(random, (replay.IsPartlyUp(council) ? 0.8 : 0.25) * (size < 20 ? 0.5 : 1.0));
                var start = overnight ? Draw.Uniform(random, 0.75, 3.5) : Draw.Uniform(random, 10.0, 15.0);
                counts[council] = (start, 0.5 + (size * Draw.Uniform(random, 0.03, 0.08)));
            }

            var times = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var id in replay.Ballots)
            {
                var (start, hours) = counts[replay.CouncilOf(id)];
                times[id] = start + (hours * random.NextDouble());
            }

            return (replay.Ballots.OrderBy(id => times[id]).ToList(), [], Description);
        }
    }

    private sealed class Listed(ImmutableArray<string> lines, string source) : DeclarationOrder
    {
        public override string Description => $"the order listed in {source}";

        private protected override (IEnumerable<string>, ImmutableArray<string>, string) Order(Replay replay)
        {
            var problems = new List<string>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            var order = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var id = lines[i]?.Trim() ?? string.Empty;
                if (id.Length == 0 || id.StartsWith('#'))
                {
                    continue;
                }

                var at = $"{source}:{Invariant(i + 1)}";
                if (firstLine.TryGetValue(id, out var first))
                {
                    problems.Add($"{at}: ballot '{id}' is listed again (first at line {Invariant(first)})");
                    continue;
                }

                firstLine[id] = i + 1;
                if (replay.IsDeclared(id))
                {
                    order.Add(id);
                }
                else
                {
                    problems.Add($"{at}: ballot '{id}' {WhyNotDeclared(replay, id)}");
                }
            }

            if (firstLine.Count == 0)
            {
                problems.Add($"{source}: lists no ballot ids (one id per line; blank lines and lines starting with # are skipped)");
            }

            if (problems.Count > 0)
            {
                throw new DeclarationOrderException(source, problems);
            }

            ImmutableArray<string> unlisted = [.. replay.Ballots.Where(id => !firstLine.ContainsKey(id))];
            var description = unlisted.IsEmpty
                ? Description
                : $"{Description}; the {Plural.Count(unlisted.Length, "ballot", "ballots")} it leaves out {Plural.Noun(unlisted.Length, "follows in its", "follow in their")} original order";
            return (order.Concat(unlisted), unlisted, description);
        }

        private static string WhyNotDeclared(Replay replay, string id) =>
            replay.Postponed.Contains(id) ? "was postponed, so it has no declaration to replay"
            : replay.DeclaredInSetup.Contains(id) ? "was declared before the night (elected unopposed), so it has no declaration to replay"
            : replay.IsDefined(id) ? "has no declaration to replay"
            : "is not a ballot of this election";
    }
}
