using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;

namespace Tallyroom.Core.Counting;

/// <summary>
/// Everything known at one revision of the log: the election, every council and ballot, and the scoreboard.
/// Immutable, so readers share it without locks. <see cref="Apply"/> folds one event and touches only the ballot,
/// its council and the national totals. Councils and ballots change only through it, which keeps the rule that
/// analysis memoises on: a change to a ballot always replaces its council's view.
/// </summary>
public sealed record ElectionState
{
    private static readonly ConditionalWeakTable<CouncilView, BallotView[]> CouncilBallots = [];
    private static readonly ConditionalWeakTable<ImmutableDictionary<string, CouncilView>, CouncilView[]> CouncilOrder = [];

    /// <summary>The state before any event.</summary>
    public static ElectionState Empty { get; } = new();

    /// <summary>The revision of the last event folded in; 0 for the empty log.</summary>
    public long Revision { get; init; }

    /// <summary>The election, once defined.</summary>
    public Elections.ElectionInfo? Election { get; init; }

    /// <summary>Councils by slug.</summary>
    public ImmutableDictionary<string, CouncilView> Councils { get; private init; } = ImmutableDictionary<string, CouncilView>.Empty;

    /// <summary>Ballots by id.</summary>
    public ImmutableDictionary<string, BallotView> Ballots { get; private init; } = ImmutableDictionary<string, BallotView>.Empty;

    /// <summary>The national scoreboard.</summary>
    public Scoreboard Scoreboard { get; init; } = Scoreboard.Empty;

    /// <summary>Live blogs by id.</summary>
    public ImmutableDictionary<string, BlogView> Blogs { get; init; } = ImmutableDictionary<string, BlogView>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// A council's ballot views in its ballot order, looked up once per council view: every change to a ballot replaces
    /// its council's view too (<see cref="ReplaceBallot"/>, <see cref="ApplyBallot"/>), so a council view always goes
    /// with the same ballot views, whichever state it is met in. Callers must not change the array.
    /// </summary>
    internal BallotView[] BallotsOf(CouncilView council)
    {
        if (CouncilBallots.TryGetValue(council, out var known))
        {
            return known;
        }

        BallotView[] ballots = [.. council.BallotIds.Select(id => Ballots[id])];
        // Kept only for this state's own view of the council: a view from another state is looked up, not memoised.
        return Councils.TryGetValue(council.Definition.Slug, out var current) && ReferenceEquals(current, council)
            ? CouncilBallots.GetValue(council, _ => ballots)
            : ballots;
    }

    /// <summary>
    /// The councils in slug order. Sums over councils are taken in it, so that the same state gives the same figures to
    /// the last bit in every process (the dictionary's own order follows string hashes, which differ between processes).
    /// Worked out once per set of council views; callers must not change the array.
    /// </summary>
    internal CouncilView[] CouncilsInOrder() => CouncilOrder.GetValue(Councils, static councils => [.. councils.Values.OrderBy(c => c.Definition.Slug, StringComparer.Ordinal)]);

    /// <summary>Lists every rule the event would break if applied to this state; empty when it may be applied.</summary>
    public IReadOnlyList<RuleViolation> Check(ElectionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            ElectionDefined => Election is null ? [] : [new("election-once", "election", $"The log already defines election {Election.Id}.")],
            CouncilDefined c => CheckCouncil(c),
            BallotDefined b => CheckBallot(b),
            BallotPostponed p => CheckPostponed(p),
            DeclarationRecorded d => CheckDeclaration(d.Declaration),
            BallotStatisticsRecorded s => CheckStatistics(s),
            BallotBaselineRecorded b => CheckBallotBaseline(b.Baseline),
            CouncilBaselineRecorded c => CheckCouncilBaseline(c.Baseline),
            BlogEvent b => BlogRules.Check(Blogs, b),
            _ => [new("event-known", "type", $"Unknown event {e.GetType().Name}.")],
        };
    }

    /// <summary>Folds one event, which must have passed <see cref="Check"/>, as the given revision.</summary>
    public ElectionState Apply(ElectionEvent e, long revision)
    {
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            ElectionDefined d => this with { Election = d.Election },
            CouncilDefined c => Councils.TryGetValue(c.Council.Slug, out var existing)
                ? WithCouncil(existing, existing with { Definition = c.Council })
                : WithCouncil(null, new CouncilView { Definition = c.Council }),
            BallotDefined b => ApplyBallot(b, revision),
            BallotPostponed p => ApplyPostponed(p, revision),
            DeclarationRecorded d => ApplyDeclaration(d.Declaration, revision),
            BallotStatisticsRecorded s => ReplaceBallot(Ballots[s.Statistics.BallotId], b => b with { Statistics = s.Statistics }, revision),
            BallotBaselineRecorded b => ReplaceBallot(Ballots[b.Baseline.BallotId], v => v with { Baseline = b.Baseline }, revision),
            CouncilBaselineRecorded c => WithCouncil(Councils[c.Baseline.CouncilSlug], Councils[c.Baseline.CouncilSlug] with
            {
                Baseline = c.Baseline,
                Continuing = PartySeats.Of(c.Baseline.Continuing),
            }),
            BlogEvent b => this with { Blogs = BlogRules.Apply(Blogs, b, revision) },
            _ => throw new InvalidOperationException($"Unknown event {e.GetType().Name}."),
        };
        return next with { Revision = revision };
    }

    private static List<RuleViolation> CheckCouncil(CouncilDefined e)
    {
        var council = e.Council;
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(council.Slug) || council.Slug != Slug.Make(council.Slug))
        {
            problems.Add(new("slug-form", "council.slug", $"'{council.Slug}' is not a slug (lower-case letters, digits and single hyphens)."));
        }

        if (council.StatutorySize is <= 0)
        {
            problems.Add(new("size-positive", "council.statutorySize", "A council's statutory size must be at least 1."));
        }

        return problems;
    }

    private List<RuleViolation> CheckBallot(BallotDefined e)
    {
        var ballot = e.Ballot;
        var problems = new List<RuleViolation>();
        if (Ballots.ContainsKey(ballot.Id))
        {
            problems.Add(new("ballot-unique", "ballot.id", $"Ballot {ballot.Id} is already defined."));
        }

        if (!Councils.ContainsKey(ballot.CouncilSlug))
        {
            problems.Add(new("council-known", "ballot.councilSlug", $"Ballot {ballot.Id} names council '{ballot.CouncilSlug}', which is not defined."));
        }

        if (ballot.SeatsUp < 1)
        {
            problems.Add(new("seats-positive", "ballot.seatsUp", $"Ballot {ballot.Id} must have at least one seat up."));
        }

        var candidates = ballot.Candidates.IsDefault ? [] : ballot.Candidates;
        if (candidates.Length == 0)
        {
            problems.Add(new("candidates-required", "ballot.candidates", $"Ballot {ballot.Id} has no candidates."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(candidates[i].Id) || !ids.Add(candidates[i].Id))
            {
                problems.Add(new("candidate-id-unique", $"ballot.candidates[{Slug.Invariant(i)}].id",
                    $"Candidate ids must be present and unique within ballot {ballot.Id}; '{candidates[i].Id}' is not."));
            }
        }

        return problems;
    }

    private IReadOnlyList<RuleViolation> CheckPostponed(BallotPostponed e)
    {
        if (!Ballots.TryGetValue(e.BallotId, out var ballot))
        {
            return [UnknownBallot(e.BallotId)];
        }

        return ballot.Status switch
        {
            BallotStatus.Postponed => [new("postpone-once", "ballotId", $"Ballot {e.BallotId} is already postponed.")],
            BallotStatus.Declared or BallotStatus.Uncontested => [new("postpone-before-declaration", "ballotId", $"Ballot {e.BallotId} is declared; a declared poll cannot be postponed.")],
            _ => [],
        };
    }

    private IReadOnlyList<RuleViolation> CheckDeclaration(Declaration declaration)
    {
        if (!Ballots.TryGetValue(declaration.BallotId, out var ballot))
        {
            return [UnknownBallot(declaration.BallotId)];
        }

        if (ballot.Status == BallotStatus.Postponed)
        {
            return [new("ballot-not-postponed", "ballotId", $"Ballot {declaration.BallotId} was postponed; its new poll has a new identifier.")];
        }

        return DeclarationRules.Check(ballot.Definition, declaration, ballot.HasResult);
    }

    private List<RuleViolation> CheckStatistics(BallotStatisticsRecorded e)
    {
        var s = e.Statistics;
        if (!Ballots.ContainsKey(s.BallotId))
        {
            return [UnknownBallot(s.BallotId)];
        }

        var problems = new List<RuleViolation>();
        foreach (var (field, value) in new[] { ("publishedSeats", s.PublishedSeats), ("electorate", s.Electorate), ("validBallotPapers", s.ValidBallotPapers), ("rejectedBallotPapers", s.RejectedBallotPapers) })
        {
            if (value < 0)
            {
                problems.Add(new("count-non-negative", field, $"{field} must be zero or more."));
            }
        }

        return problems;
    }

    private List<RuleViolation> CheckBallotBaseline(BallotBaseline baseline)
    {
        if (!Ballots.TryGetValue(baseline.BallotId, out var ballot))
        {
            return [UnknownBallot(baseline.BallotId)];
        }

        var problems = new List<RuleViolation>();
        var defended = baseline.Defended.IsDefault ? [] : baseline.Defended;
        if (defended.Any(d => d.Seats < 0))
        {
            problems.Add(new("count-non-negative", "baseline.defended", "Defended seats must be zero or more."));
        }
        else if (baseline.Kind == BaselineKind.NotComparable && defended.Length > 0)
        {
            problems.Add(new("not-comparable-has-no-defended", "baseline.defended", $"Ballot {baseline.BallotId}'s baseline is not comparable, so it cannot name defended seats."));
        }
        else if (baseline.Kind != BaselineKind.NotComparable && defended.Sum(d => d.Seats) != ballot.Definition.SeatsUp)
        {
            problems.Add(new("defended-equals-seats-up", "baseline.defended",
                $"Ballot {baseline.BallotId} has {Plural.Count(ballot.Definition.SeatsUp, "seat", "seats")} up, but the baseline defends {Slug.Invariant(defended.Sum(d => d.Seats))}."));
        }

        return problems;
    }

    private List<RuleViolation> CheckCouncilBaseline(CouncilBaseline baseline)
    {
        if (!Councils.TryGetValue(baseline.CouncilSlug, out var council))
        {
            return [new("council-known", "baseline.councilSlug", $"Council '{baseline.CouncilSlug}' is not defined in this election.")];
        }

        var problems = new List<RuleViolation>();
        var continuing = baseline.Continuing.IsDefault ? [] : baseline.Continuing;
        var eve = baseline.EveOfPoll.IsDefault ? [] : baseline.EveOfPoll;
        if (baseline.StatutorySize < 1)
        {
            problems.Add(new("size-positive", "baseline.statutorySize", "A council's statutory size must be at least 1."));
        }
        else if (continuing.Any(c => c.Seats < 0) || eve.Any(c => c.Seats < 0))
        {
            problems.Add(new("count-non-negative", continuing.Any(c => c.Seats < 0) ? "baseline.continuing" : "baseline.eveOfPoll", "Seat counts must be zero or more."));
        }
        else if (continuing.Sum(c => c.Seats) + council.SeatsUp > baseline.StatutorySize)
        {
            problems.Add(new("continuing-within-size", "baseline.continuing",
                $"{council.Definition.Name} has {Slug.Invariant(baseline.StatutorySize)} seats; {Slug.Invariant(continuing.Sum(c => c.Seats))} continuing plus {Slug.Invariant(council.SeatsUp)} up is more than that."));
        }
        else if (baseline.EveOfPollSize is < 1)
        {
            problems.Add(new("size-positive", "baseline.eveOfPollSize", "A council's size on the eve of poll must be at least 1."));
        }
        else if (eve.Sum(c => c.Seats) > (baseline.EveOfPollSize ?? baseline.StatutorySize))
        {
            problems.Add(new("eve-of-poll-within-size", "baseline.eveOfPoll",
                $"{council.Definition.Name} had {Slug.Invariant(baseline.EveOfPollSize ?? baseline.StatutorySize)} seats on the eve of poll, fewer than the {Slug.Invariant(eve.Sum(c => c.Seats))} in its eve-of-poll composition."));
        }

        return problems;
    }

    private static RuleViolation UnknownBallot(string ballotId) =>
        new("ballot-known", "ballotId", $"Ballot '{ballotId}' is not defined in this election.");

    private ElectionState ApplyBallot(BallotDefined e, long revision)
    {
        var ballot = e.Ballot;
        var council = Councils[ballot.CouncilSlug];
        var state = this with { Ballots = Ballots.Add(ballot.Id, new BallotView { Definition = ballot, LastChangedRevision = revision }) };
        return state.WithCouncil(council, council with
        {
            BallotIds = council.BallotIds.Add(ballot.Id),
            SeatsUp = council.SeatsUp + ballot.SeatsUp,
        });
    }

    private ElectionState ApplyPostponed(BallotPostponed e, long revision) =>
        ReplaceBallot(Ballots[e.BallotId], b => b with { Status = BallotStatus.Postponed, PostponedReason = e.Reason }, revision);

    private ElectionState ApplyDeclaration(Declaration declaration, long revision)
    {
        var ballot = Ballots[declaration.BallotId];
        var definition = ballot.Definition;
        var won = PartySeats.Count(declaration.Results.Where(r => r.Elected).Select(r => definition.FindCandidate(r.CandidateId)!.Party));
        var wasDeclared = ballot.HasResult;
        return ReplaceBallot(ballot, b => b with
        {
            Status = definition.IsUncontested ? BallotStatus.Uncontested : BallotStatus.Declared,
            Declaration = declaration,
            Corrections = b.Corrections + (wasDeclared ? 1 : 0),
            DeclaredAtRevision = b.DeclaredAtRevision ?? revision,
            SeatsWon = won,
        }, revision);
    }

    /// <summary>
    /// The one way a ballot changes: its council's tallies lose the ballot's old contribution and gain its new one,
    /// and the scoreboard replaces the council's. Nothing is recounted.
    /// </summary>
    private ElectionState ReplaceBallot(BallotView before, Func<BallotView, BallotView> change, long revision)
    {
        var after = change(before) with { LastChangedRevision = revision };
        var council = Councils[before.Definition.CouncilSlug];
        var state = this with { Ballots = Ballots.SetItem(after.Definition.Id, after) };
        return state.WithCouncil(council, council.Replace(BallotContribution.Of(before), BallotContribution.Of(after)));
    }

    private ElectionState WithCouncil(CouncilView? before, CouncilView after) => this with
    {
        Councils = Councils.SetItem(after.Definition.Slug, after),
        Scoreboard = Scoreboard.Replace(before, after),
    };
}
