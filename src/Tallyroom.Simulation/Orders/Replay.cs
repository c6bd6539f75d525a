using Tallyroom.Core.Events;

namespace Tallyroom.Simulation.Orders;

/// <summary>
/// What an order needs to know about an election: its declarations grouped by ballot (in the order given), and from
/// the setup each ballot's council, the councils in the order defined, which ballots were postponed or declared
/// before the night, and which councils elect only part of their seats.
/// </summary>
internal sealed class Replay
{
    private readonly Dictionary<string, List<DeclarationRecorded>> byBallot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> councilOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> partlyUp = new(StringComparer.Ordinal);
    private readonly List<string> ballots = [];
    private readonly List<string> councils = [];

    public Replay(IReadOnlyList<ElectionEvent> setup, IReadOnlyList<DeclarationRecorded> declarations)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(declarations);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in setup)
        {
            switch (e)
            {
                case CouncilDefined c:
                    // A council defined again is an amendment of its definition; it keeps its first place.
                    if (seen.Add(c.Council.Slug))
                    {
                        councils.Add(c.Council.Slug);
                    }

                    break;
                case BallotDefined b:
                    councilOf[b.Ballot.Id] = b.Ballot.CouncilSlug;
                    break;
                case CouncilBaselineRecorded c:
                    partlyUp[c.Baseline.CouncilSlug] = !c.Baseline.Continuing.IsDefaultOrEmpty;
                    break;
                case BallotPostponed p:
                    Postponed.Add(p.BallotId);
                    break;
                case DeclarationRecorded d:
                    DeclaredInSetup.Add(d.Declaration.BallotId);
                    break;
                default:
                    break;
            }
        }

        foreach (var declaration in declarations)
        {
            ArgumentNullException.ThrowIfNull(declaration);
            var id = declaration.Declaration.BallotId;
            if (!byBallot.TryGetValue(id, out var group))
            {
                byBallot[id] = group = [];
                ballots.Add(id);
            }

            group.Add(declaration);
        }
    }

    /// <summary>The ballots declared, each once, in the order of their first declaration.</summary>
    public IReadOnlyList<string> Ballots => ballots;

    /// <summary>The councils in the order the setup defines them.</summary>
    public IReadOnlyList<string> Councils => councils;

    public HashSet<string> Postponed { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DeclaredInSetup { get; } = new(StringComparer.Ordinal);

    public bool IsDeclared(string ballotId) => byBallot.ContainsKey(ballotId);

    public bool IsDefined(string ballotId) => councilOf.ContainsKey(ballotId);

    /// <summary>The ballot's council; throws when the setup does not define the ballot.</summary>
    public string CouncilOf(string ballotId) => councilOf.TryGetValue(ballotId, out var council)
        ? council
        : throw new ArgumentException($"Ballot '{ballotId}' is declared but the setup does not define it, so its council is unknown.", nameof(ballotId));

    /// <summary>True when the council's baseline has continuing seats: it elects by thirds or halves.</summary>
    public bool IsPartlyUp(string council) => partlyUp.GetValueOrDefault(council);

    /// <summary>The declarations of the ballots in the order given: each ballot's own declarations in their original order.</summary>
    public IEnumerable<DeclarationRecorded> Expand(IEnumerable<string> order) => order.SelectMany(id => byBallot[id]);
}
