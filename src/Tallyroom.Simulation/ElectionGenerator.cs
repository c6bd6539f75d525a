using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;

namespace Tallyroom.Simulation;

/// <summary>
/// Generates realistic simulated local elections, deterministically: the same options give exactly the same events.
/// Councils of every kind and cycle with made-up names and codes; wards of one to three seats; Conservative, Labour,
/// Liberal Democrat, Green and UKIP candidates, independents and local residents' groups; a vote model with regional
/// strengths, ward leanings, incumbency and a national swing since the seats were last fought, so that councils are
/// held, gained, lost to no overall control or stay hung. Every election of ten councils or more has every kind of
/// council and cycle, a tie for a last seat decided by lot, a ward elected unopposed, a postponed poll, a thirds council
/// whose control cannot change and a few redrawn wards with no comparable result; and a council taken by one party
/// from another, one held and one lost to no overall control (where the simulation brings none about by itself, a
/// local swing in one council does). Pure and thread-safe.
/// </summary>
public static class ElectionGenerator
{
    // About one poll in 550 is countermanded (five of 2,737 in 2018).
    private const int BallotsPerPostponement = 550;

    /// <summary>Generates the election the options describe. Every event passes the core's rules, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static GeneratedElection Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Stream 0 decides the election-wide things; each council draws from a stream of its own (see Draw).
        var random = new Random(Draw.StreamSeed(options.Seed, 0));
        var national = NationalPicture.Draw(random);
        var plans = Roster.Plan(options, random);
        var simulations = plans.Select(p => CouncilSimulation.Prepare(p, national, options.Seed)).ToList();
        var councils = simulations.Select(s => s.Tonight()).ToArray();
        var carriers = EnsureOutcomes(simulations, councils);

        // Councils in the order Democracy Club lists them: by slug.
        Array.Sort(councils, static (a, b) => string.CompareOrdinal(a.Plan.Slug, b.Plan.Slug));
        var ballots = councils.SelectMany(c => c.Wards.Select(w => (Council: c, Ward: w))).ToList();

        // A postponed poll or a tie could change a council's outcome: leave the councils that carry one alone.
        var free = ballots.Where(b => !carriers.Contains(b.Council.Plan.Index)).ToList();
        Postpone(free.Count > 0 ? free : ballots, ballots.Count, random, options.PollingDay);
        TieTheClosestRace(free.Count > 0 ? free : ballots, random);
        return Emit(options, councils, ballots.Count);
    }

    /// <summary>The id of a ballot: <c>local.&lt;council slug&gt;.&lt;ward slug&gt;.&lt;yyyy-MM-dd&gt;</c>.</summary>
    internal static string BallotId(string councilSlug, string wardSlug, DateOnly pollingDay) =>
        $"local.{councilSlug}.{wardSlug}.{Iso(pollingDay)}";

    /// <summary>The same weekday about <paramref name="years"/> years earlier (local elections are on Thursdays).</summary>
    internal static DateOnly SameWeekdayYearsBefore(DateOnly day, int years)
    {
        var then = day.AddYears(-years);
        return then.AddDays(-(((int)then.DayOfWeek - (int)day.DayOfWeek + 7) % 7));
    }

    /// <summary>
    /// Makes sure the night has a council taken from one party by another, one lost to no overall control, one held and
    /// one that stays hung. Each outcome that the simulation produced by itself is kept as it is; for each one missing,
    /// the first council (all-out councils first, as their control moves most easily) where a growing local swing
    /// brings it about is re-run with that swing: towards the largest opposition party for a gain, against the ruling
    /// party for a loss, towards it for a hold, against the largest party of a hung council for NOC unchanged. Returns
    /// the indexes of the councils that carry the outcomes.
    /// </summary>
    private static HashSet<int> EnsureOutcomes(List<CouncilSimulation> simulations, SimulatedCouncil[] councils)
    {
        var carriers = new HashSet<int>();
        var missing = new List<Lever>();
        foreach (var lever in Lever.All)
        {
            var carrier = councils.FirstOrDefault(c => lever.Brought(c.Outcome));
            if (carrier is null)
            {
                missing.Add(lever);
            }
            else
            {
                carriers.Add(carrier.Plan.Index);
            }
        }

        var candidates = simulations
            .OrderBy(s => s.Plan.Cycle == ElectionCycle.AllOut ? 0 : 1)
            .ThenBy(s => s.Plan.Index)
            .ToList();
        foreach (var lever in missing)
        {
            foreach (var simulation in candidates.Where(s => !carriers.Contains(s.Plan.Index)))
            {
                if (lever.Pull(simulation) is { } steered)
                {
                    councils[simulation.Plan.Index] = steered;
                    carriers.Add(simulation.Plan.Index);
                    break;
                }
            }
        }

        return carriers;
    }

    private static void Postpone(List<(SimulatedCouncil Council, SimulatedWard Ward)> ballots, int allBallots, Random random, DateOnly pollingDay)
    {
        var contested = ballots.Where(b => !b.Ward.Now.Uncontested).ToList();
        var count = Math.Min(contested.Count, Math.Max(1, (int)Math.Round((double)allBallots / BallotsPerPostponement)));
        var newPoll = pollingDay.AddDays(35);
        for (var chosen = 0; chosen < count;)
        {
            var (council, ward) = contested[random.Next(contested.Count)];
            if (ward.PostponedReason is not null)
            {
                continue;
            }

            var died = Draw.Pick(random, ward.Now.Runners);
            ward.PostponedReason = $"Poll countermanded on the death of a candidate, {died.Name} ({died.Party.Name}); "
                + $"the new poll, {BallotId(council.Plan.Slug, ward.Slug, newPoll)}, is on {newPoll.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.";
            chosen++;
        }
    }

    /// <summary>
    /// Natural ties are rare (a few a year across England), so the closest race for a last seat becomes one: the
    /// smallest adjustment that guarantees a tie decided by lot in every election.
    /// </summary>
    private static void TieTheClosestRace(List<(SimulatedCouncil Council, SimulatedWard Ward)> ballots, Random random)
    {
        var closest = ballots
            .Where(b => b.Ward.PostponedReason is null && !b.Ward.Now.Uncontested)
            .Select(b => b.Ward)
            .MinBy(w => w.Now.Margin);
        closest?.Now.ForceTie(random);
    }

    private static GeneratedElection Emit(GeneratorOptions options, SimulatedCouncil[] councils, int ballotCount)
    {
        var election = new ElectionInfo
        {
            Id = options.ElectionId,
            Name = $"Simulated local elections, {options.PollingDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (seed {Invariant(options.Seed)})",
            PollingDay = options.PollingDay,
        };
        var setup = ImmutableArray.CreateBuilder<ElectionEvent>();
        var declarations = ImmutableArray.CreateBuilder<DeclarationRecorded>();
        setup.Add(new ElectionDefined(election));
        var lastFought = SameWeekdayYearsBefore(options.PollingDay, NationalPicture.TermYears);
        foreach (var council in councils)
        {
            var plan = council.Plan;
            setup.Add(new CouncilDefined(new CouncilDefinition
            {
                Slug = plan.Slug,
                Name = plan.Name,
                GssCode = plan.GssCode,
                Type = plan.Type,
                StatutorySize = council.TotalSeats,
                Region = plan.Region.ToString(),
            }));
            foreach (var ward in council.Wards)
            {
                setup.Add(new BallotDefined(new BallotDefinition
                {
                    Id = BallotId(plan.Slug, ward.Slug, options.PollingDay),
                    CouncilSlug = plan.Slug,
                    WardName = ward.Name,
                    WardGssCode = ward.GssCode,
                    SeatsUp = ward.SeatsUp,
                    Candidates = [.. ward.Now.Runners.Select(r => new Candidate(r.Id, r.Name, r.Party))],
                }));
            }

            // After the ballots: the core checks continuing seats against the seats up, which the ballots define.
            setup.Add(new CouncilBaselineRecorded(new CouncilBaseline
            {
                CouncilSlug = plan.Slug,
                StatutorySize = council.TotalSeats,
                EveOfPoll = council.EveOfPoll.Entries,
                ControlBefore = council.ControlBefore,
                Continuing = council.Continuing.Entries,
                Source = CouncilSource(plan, options),
            }));
            foreach (var ward in council.Wards)
            {
                setup.Add(new BallotBaselineRecorded(BallotBaseline(plan, ward, options, lastFought)));
            }

            foreach (var ward in council.Wards.Where(w => w.PostponedReason is not null))
            {
                setup.Add(new BallotPostponed(BallotId(plan.Slug, ward.Slug, options.PollingDay), ward.PostponedReason!));
            }

            foreach (var ward in council.Wards.Where(w => w.PostponedReason is null))
            {
                var declared = new DeclarationRecorded(Declare(plan, ward, options.PollingDay));

                // Unopposed candidates are declared elected at the close of nominations, weeks before the night.
                if (ward.Now.Uncontested)
                {
                    setup.Add(declared);
                }
                else
                {
                    declarations.Add(declared);
                }
            }
        }

        return new GeneratedElection
        {
            Options = options,
            Election = election,
            Setup = setup.ToImmutable(),
            Declarations = declarations.ToImmutable(),
            Description = $"simulated election, seed {Invariant(options.Seed)}: {Invariant(councils.Length)} councils, {Invariant(ballotCount)} ballots",
        };
    }

    private static Declaration Declare(CouncilPlan plan, SimulatedWard ward, DateOnly pollingDay) => new()
    {
        BallotId = BallotId(plan.Slug, ward.Slug, pollingDay),
        Results = [.. ward.Now.Runners.Select(r => new CandidateResult { CandidateId = r.Id, Votes = r.Votes, Elected = r.Elected, DecidedByLot = r.DecidedByLot })],
        BallotPapers = ward.Now.Papers,
        Rejected = ward.Now.Rejected,
        Electorate = ward.Now.Electorate,
    };

    private static BallotBaseline BallotBaseline(CouncilPlan plan, SimulatedWard ward, GeneratorOptions options, DateOnly lastFought)
    {
        var id = BallotId(plan.Slug, ward.Slug, options.PollingDay);
        if (!ward.Comparable)
        {
            return new BallotBaseline
            {
                BallotId = id,
                Kind = BaselineKind.NotComparable,
                Defended = [],
                Previous = [],
                Source = $"Simulated (seed {Invariant(options.Seed)}): the ward was redrawn by a boundary review since {Invariant(lastFought.Year)} and no notional result was supplied, so its changes are not comparable.",
            };
        }

        var vacancy = ward.SeatsUp > ward.LastTime.Seats
            ? $"; a casual vacancy, last won by {ward.Defended[^1].Name}, is filled at the same time"
            : string.Empty;
        return new BallotBaseline
        {
            BallotId = id,
            Kind = BaselineKind.Actual,
            LastFought = lastFought,
            Defended = Core.Counting.PartySeats.Count(ward.Defended).Entries,
            Previous = [.. ward.LastTime.Runners.Select(r => new PreviousCandidate(r.Name, r.Party, r.Votes, r.Elected))],
            Source = $"Simulated {Invariant(lastFought.Year)} result (seed {Invariant(options.Seed)}){vacancy}.",
        };
    }

    private static string CouncilSource(CouncilPlan plan, GeneratorOptions options)
    {
        var year = options.PollingDay.Year;
        var continuing = plan.Cycle switch
        {
            ElectionCycle.Thirds => $"elected by thirds; the continuing seats were won in {Invariant(year - 3)} and {Invariant(year - 2)}",
            ElectionCycle.Halves => $"elected by halves; the continuing seats were won in {Invariant(year - 2)}",
            _ => "all seats up",
        };
        return $"Simulated (seed {Invariant(options.Seed)}): eve-of-poll composition after vacancies and defections since the seats were won; {continuing}.";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An outcome the night must have, and the local swing that can bring it about in a council.</summary>
    private sealed record Lever(Func<CouncilOutcome, bool> Brought, Func<CouncilSimulation, Core.Parties.Party?> Party, double Step)
    {
        public static readonly Lever[] All =
        [
            new(o => o is { Kind: OutcomeKind.Gain, From.Party: not null }, LargestOpposition, 1.15),
            new(o => o.Kind == OutcomeKind.LossToNoc, s => s.ControlBefore.Party, 0.9),
            new(o => o.Kind == OutcomeKind.Hold, s => s.ControlBefore.Party, 1.15),
            new(o => o.Kind == OutcomeKind.NocUnchanged, s => s.ControlBefore.Party is null ? s.EveOfPoll.Ranked().FirstOrDefault()?.Party : null, 0.9),
        ];

        /// <summary>Re-runs the council's night with a growing swing; null if no swing tried brings the outcome.</summary>
        public SimulatedCouncil? Pull(CouncilSimulation simulation)
        {
            if (Party(simulation) is not { } party)
            {
                return null;
            }

            var factor = 1.0;
            for (var attempt = 0; attempt < 12; attempt++)
            {
                factor *= Step;
                var council = simulation.Tonight((party, factor));
                if (Brought(council.Outcome))
                {
                    return council;
                }
            }

            return null;
        }

        private static Core.Parties.Party? LargestOpposition(CouncilSimulation simulation) =>
            simulation.ControlBefore.Party is { } ruling
                ? simulation.EveOfPoll.Ranked().Select(e => e.Party).FirstOrDefault(p => p != ruling && NationalPicture.Parties.Contains(p))
                : null;
    }
}
