using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Parties;

namespace Tallyroom.Simulation;

/// <summary>A simulated ward: this year's contest, the contest its seats were last fought in, and what is defended.</summary>
internal sealed class SimulatedWard
{
    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required string GssCode { get; init; }

    public required Contest Now { get; init; }

    /// <summary>The contest four years ago for the seats up now (for a casual vacancy filled now, its regular seat's).</summary>
    public required Contest LastTime { get; init; }

    /// <summary>False when the ward was redrawn since and has no comparable (or notional) result.</summary>
    public required bool Comparable { get; init; }

    /// <summary>The party defending each seat up: last time's winners, and a casual vacancy's last holder.</summary>
    public required IReadOnlyList<Party> Defended { get; init; }

    public string? PostponedReason { get; set; }

    public int SeatsUp => Now.Seats;
}

/// <summary>A simulated council: its wards in ballot order, its eve-of-poll position and tonight's outcome.</summary>
internal sealed class SimulatedCouncil
{
    public required CouncilPlan Plan { get; init; }

    public required IReadOnlyList<SimulatedWard> Wards { get; init; }

    public required int TotalSeats { get; init; }

    public required PartySeats Continuing { get; init; }

    public required PartySeats EveOfPoll { get; init; }

    public required Party? ControlBefore { get; init; }

    /// <summary>The outcome once every ballot is declared (before any poll is postponed).</summary>
    public required CouncilOutcome Outcome { get; init; }
}

/// <summary>
/// Simulates one council in two phases from two random streams of its own. The history: the wards' leanings, the
/// elections of four, three and two years ago (whose winners are the defended and continuing seats) and the eve-of-poll
/// composition after vacancies and defections. Tonight: this year's contests, with incumbents standing again, under an
/// optional local swing. Keeping tonight's draws apart lets the generator re-run tonight with a local swing without
/// changing the history. Not thread-safe.
/// </summary>
internal sealed class CouncilSimulation
{
    // A party's strength varies by council and by ward around its regional level; a ward's leaning persists from one
    // election to the next (which makes seats safe or marginal), and each election adds a little noise of its own.
    // The smaller parties' strength is patchier (Liberal Democrat and Green pockets), which is what makes councils hung.
    private static readonly double[] CouncilSpread = [0.22, 0.28, 0.70, 0.60, 0.40];
    private static readonly double[] WardSpread = [0.30, 0.35, 0.50, 0.55, 0.35, 0.40];
    private static readonly double[] StandingAtLastElection = [0.96, 0.94, 0.70, 0.55, 0.30];
    private static readonly double[] StandingIfRising = [0, 0, 0, 0.25, 0.40];
    private const double ElectionSpread = 0.12;
    private const double IncumbencyBonus = 1.12;
    private const double StandingAgain = 0.7;
    private const double CasualVacancy = 0.03;
    private const double NaturallyUnopposed = 0.004;

    private readonly CouncilPlan plan;
    private readonly NationalPicture national;
    private readonly int tonightSeed;
    private readonly double[] councilLean = new double[NationalPicture.Parties.Length];
    private readonly List<WardHistory> wards = [];
    private Party? localParty;
    private double localStrength;

    private CouncilSimulation(CouncilPlan plan, NationalPicture national, int seed)
    {
        this.plan = plan;
        this.national = national;
        tonightSeed = Draw.StreamSeed(seed, checked((2 * plan.Index) + 2));
    }

    public CouncilPlan Plan => plan;

    public int TotalSeats { get; private set; }

    public PartySeats Continuing { get; private set; } = PartySeats.Empty;

    public PartySeats EveOfPoll { get; private set; } = PartySeats.Empty;

    public CouncilControl ControlBefore { get; private set; } = CouncilControl.NoOverall;

    /// <summary>As the core defines it: the continuing seats alone keep the ruling party in control.</summary>
    public bool ControlCannotChange => ControlBefore.Party is { } holder
        && Continuing.Get(holder.Id) >= CouncilControl.MajorityThreshold(TotalSeats);

    /// <summary>
    /// Simulates the council's history. A council that must be safe is simulated again, from the same stream, with
    /// its dominant party stronger, until the continuing seats alone give that party a majority; so it stays
    /// deterministic.
    /// </summary>
    public static CouncilSimulation Prepare(CouncilPlan plan, NationalPicture national, int seed)
    {
        var boost = 2.5;
        for (var attempt = 0; attempt < 16; attempt++, boost *= 1.6)
        {
            var council = new CouncilSimulation(plan, national, seed);
            council.SimulateHistory(new Random(Draw.StreamSeed(seed, checked((2 * plan.Index) + 1))), plan.SafeControl ? boost : 1.0);
            if (!plan.SafeControl || council.ControlCannotChange)
            {
                return council;
            }
        }

        throw new InvalidOperationException($"Could not make {plan.Name} a council whose control cannot change.");
    }

    /// <summary>
    /// Runs this year's contests, always from the start of the same stream. <paramref name="swing"/> multiplies one
    /// party's strength in every ward: a local swing beyond the national one.
    /// </summary>
    public SimulatedCouncil Tonight((Party Party, double Factor)? swing = null)
    {
        var random = new Random(tonightSeed);
        var simulated = new List<SimulatedWard>(wards.Count);
        var won = PartySeats.Empty;
        foreach (var ward in wards)
        {
            var now = RunContest(random, ward.Profile, ward.SeatsUp, yearsAgo: 0, [.. ward.LastTime.Winners], ward.Unopposed, swing);
            won = won.Plus(PartySeats.Count(now.Winners.Select(w => w.Party)));
            simulated.Add(new SimulatedWard
            {
                Name = ward.Profile.Name,
                Slug = ward.Profile.Slug,
                GssCode = ward.GssCode,
                Now = now,
                LastTime = ward.LastTime,
                Comparable = ward.Comparable,
                Defended = ward.Defended,
            });
        }

        var after = CouncilControl.Decide(Continuing.Plus(won), TotalSeats, 0, allDeclared: true);
        return new SimulatedCouncil
        {
            Plan = plan,
            Wards = simulated,
            TotalSeats = TotalSeats,
            Continuing = Continuing,
            EveOfPoll = EveOfPoll,
            ControlBefore = ControlBefore.Party,
            Outcome = CouncilOutcome.Of(ControlBefore, after),
        };
    }

    private static int DominantParty(Region region) => region is Region.South or Region.East ? NationalPicture.Con : NationalPicture.Lab;

    private void SimulateHistory(Random random, double safeBoost)
    {
        for (var p = 0; p < councilLean.Length; p++)
        {
            councilLean[p] = Draw.Factor(random, CouncilSpread[p], 0.2);
        }

        councilLean[DominantParty(plan.Region)] *= safeBoost;
        if (plan.Residents)
        {
            var area = plan.Name.Split(" and ")[0];
            localParty = PartyCatalog.Resolve(null, Names.LocalParty(random, area));
            localStrength = Draw.Uniform(random, 14, 42);
        }

        var profiles = DrawWards(random);
        var redrawn = plan.BoundaryReview ? PickDistinct(random, random.Next(3, 6), profiles.Count) : [];
        var unopposed = plan.Unopposed ? random.Next(profiles.Count) : -1;
        var eve = PartySeats.Empty;
        for (var i = 0; i < profiles.Count; i++)
        {
            var (ward, sitting) = PastElections(random, profiles[i], redrawn.Contains(i), i == unopposed, plan.FirstWardNumber + i);
            wards.Add(ward);
            Continuing = Continuing.Plus(PartySeats.Count(ward.Continuing));
            eve = eve.Plus(sitting);
        }

        TotalSeats = profiles.Sum(p => p.Members);
        EveOfPoll = ChangesSinceLastTime(random, eve);
        ControlBefore = CouncilControl.Decide(EveOfPoll, TotalSeats, 0, allDeclared: true);
    }

    private List<WardProfile> DrawWards(Random random)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var profiles = new List<WardProfile>(plan.WardCount);
        for (var i = 0; i < plan.WardCount; i++)
        {
            var name = Names.Unique(random, Names.Ward, taken);
            var members = Members(random);
            var lean = new double[NationalPicture.Parties.Length + 1];
            for (var p = 0; p < lean.Length; p++)
            {
                lean[p] = Draw.Factor(random, WardSpread[p], 0.15);
            }

            profiles.Add(new WardProfile
            {
                Name = name,
                Slug = Core.Slug.Make(name),
                Members = members,
                Lean = lean,
                LocalPartyStands = localParty is not null && Draw.Chance(random, 0.7),
                Electorate = (int)Math.Round(members * ElectorsPerCouncillor() * Draw.Uniform(random, 0.85, 1.15)),
                Turnout = Math.Clamp(BaseTurnout() * Draw.Factor(random, 0.15, 0.5), 0.15, 0.62),
            });
        }

        // Ballot order, as Democracy Club lists a council's ballots: by ward name.
        profiles.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return profiles;
    }

    /// <summary>The ward's past elections, and who sits for it on the eve of poll (before vacancies and defections).</summary>
    private (WardHistory Ward, PartySeats Sitting) PastElections(Random random, WardProfile ward, bool redrawn, bool unopposed, int number)
    {
        var lastTime = RunContest(random, ward, plan.Cycle == ElectionCycle.AllOut ? ward.Members : 1, yearsAgo: 4, [], unopposed: false, swing: null);
        var defended = lastTime.Winners.Select(w => w.Party).ToList();
        var continuing = new List<Party>();
        if (plan.Cycle == ElectionCycle.Thirds)
        {
            continuing.Add(Winner(RunContest(random, ward, 1, yearsAgo: 3, [], unopposed: false, swing: null)));
        }

        if (plan.Cycle != ElectionCycle.AllOut)
        {
            continuing.Add(Winner(RunContest(random, ward, 1, yearsAgo: 2, [], unopposed: false, swing: null)));
        }

        var sitting = PartySeats.Count(continuing.Concat(defended));
        var vacancy = plan.Cycle != ElectionCycle.AllOut && Draw.Chance(random, CasualVacancy);
        if (vacancy)
        {
            // A councillor elected since has left and the seat is vacant; it is filled at this election, alongside
            // the regular one, and defended by the party that last won it.
            sitting = sitting.Add(continuing[0], -1);
            defended.Add(continuing[0]);
            continuing.RemoveAt(0);
        }

        var history = new WardHistory
        {
            Profile = ward,
            GssCode = "E05" + ((redrawn ? 600_000 : 100_000) + number).ToString("D6", CultureInfo.InvariantCulture),
            SeatsUp = plan.Cycle == ElectionCycle.AllOut ? ward.Members : vacancy ? 2 : 1,
            LastTime = lastTime,
            Defended = defended,
            Continuing = continuing,
            Comparable = !redrawn,
            Unopposed = unopposed,
        };
        return (history, sitting);
    }

    private static Party Winner(Contest contest) => contest.Winners.First().Party;

    private Contest RunContest(Random random, WardProfile ward, int seats, int yearsAgo, IReadOnlyList<Runner> incumbents, bool unopposed, (Party Party, double Factor)? swing)
    {
        var slates = new List<Slate>();
        for (var p = 0; p < NationalPicture.Parties.Length; p++)
        {
            var party = NationalPicture.Parties[p];
            var strength = national.Strength(plan.Region, p, yearsAgo) * councilLean[p] * ward.Lean[p] * Draw.Factor(random, ElectionSpread, 0.4);
            var standing = StandingAtLastElection[p] + (national.IsRising(p) ? StandingIfRising[p] * (NationalPicture.TermYears - yearsAgo) / NationalPicture.TermYears : 0);
            if (Draw.Chance(random, standing))
            {
                slates.Add(PartySlate(random, party, strength, SlateSize(random, p, seats), incumbents));
            }
        }

        if (localParty is not null && ward.LocalPartyStands && Draw.Chance(random, 0.92))
        {
            var strength = localStrength * ward.Lean[^1] * Draw.Factor(random, ElectionSpread, 0.4);
            slates.Add(PartySlate(random, localParty, strength, Draw.Chance(random, 0.8) ? seats : Math.Max(1, seats - 1), incumbents));
        }

        foreach (var independent in incumbents.Where(r => r.Party == PartyCatalog.Independent))
        {
            if (Draw.Chance(random, 0.8))
            {
                slates.Add(new Slate(PartyCatalog.Independent, independent.Strength * IncumbencyBonus, 1, [(independent.First, independent.Last)]));
            }
        }

        if (Draw.Chance(random, plan.Type == CouncilType.District ? 0.35 : 0.1))
        {
            var count = Draw.Chance(random, 0.2) ? 2 : 1;
            for (var i = 0; i < count; i++)
            {
                slates.Add(new Slate(PartyCatalog.Independent, Draw.Uniform(random, 4, 40), 1, []));
            }
        }

        if (slates.Sum(s => s.Size) < seats)
        {
            // Every seat finds a candidate: the strongest party fills its slate (or, if no party stood, the
            // Conservatives do, as they stand almost everywhere).
            var strongest = slates.Where(s => s.Party != PartyCatalog.Independent).MaxBy(s => s.Strength);
            if (strongest is null)
            {
                slates.Add(PartySlate(random, PartyCatalog.Conservative, national.Strength(plan.Region, NationalPicture.Con, yearsAgo), seats, incumbents));
            }
            else
            {
                slates[slates.IndexOf(strongest)] = strongest with { Size = seats };
            }
        }

        if (unopposed || (yearsAgo == 0 && plan.Type == CouncilType.District && Draw.Chance(random, NaturallyUnopposed)))
        {
            // Elected unopposed: only the ward's strongest party found candidates, as many as there are seats.
            slates = [slates.MaxBy(s => s.Strength)! with { Size = seats }];
        }

        if (swing is { } local)
        {
            slates = [.. slates.Select(s => s.Party == local.Party ? s with { Strength = s.Strength * local.Factor } : s)];
        }

        var electorate = yearsAgo == 0 ? ward.Electorate : (int)Math.Round(ward.Electorate * Draw.Uniform(random, 0.93, 1.0));
        var turnout = ward.Turnout * Draw.Uniform(random, 0.92, 1.08);
        return Contest.Run(random, seats, electorate, turnout, slates);
    }

    private static Slate PartySlate(Random random, Party party, double strength, int size, IReadOnlyList<Runner> incumbents)
    {
        var defending = incumbents.Where(r => r.Party == party).ToList();
        var again = defending.Where(_ => Draw.Chance(random, StandingAgain)).Select(r => (r.First, r.Last)).ToList();
        return new Slate(party, defending.Count > 0 ? strength * IncumbencyBonus : strength, size, again);
    }

    private static int SlateSize(Random random, int party, int seats)
    {
        if (seats == 1)
        {
            return 1;
        }

        return party switch
        {
            NationalPicture.Con or NationalPicture.Lab => Draw.Chance(random, 0.85) ? seats : seats - 1,
            NationalPicture.LiberalDemocrat => Draw.Chance(random, 0.55) ? seats : 1 + random.Next(seats - 1),
            _ => Draw.Chance(random, 0.5) ? 1 : 1 + random.Next(seats),
        };
    }

    /// <summary>
    /// The composition on the eve of poll differs from the seats as last won: a seat may be vacant, and a councillor
    /// may have left their party to sit as an independent.
    /// </summary>
    private static PartySeats ChangesSinceLastTime(Random random, PartySeats eve)
    {
        if (eve.Total > 1 && Draw.Chance(random, 0.25))
        {
            eve = eve.Add(SomeCouncillor(random, eve), -1);
        }

        if (eve.Total > 1 && Draw.Chance(random, 0.2))
        {
            var defector = SomeCouncillor(random, eve);
            if (defector != PartyCatalog.Independent)
            {
                eve = eve.Add(defector, -1).Add(PartyCatalog.Independent, 1);
            }
        }

        return eve;
    }

    private static Party SomeCouncillor(Random random, PartySeats seats)
    {
        var weights = seats.Entries.Select(e => (double)e.Seats).ToArray();
        return seats.Entries[Draw.Weighted(random, weights)].Party;
    }

    private static HashSet<int> PickDistinct(Random random, int count, int outOf)
    {
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(count, outOf))
        {
            picked.Add(random.Next(outOf));
        }

        return picked;
    }

    private int Members(Random random) => (plan.Type, plan.Cycle) switch
    {
        (_, ElectionCycle.Thirds) => 3,
        (_, ElectionCycle.Halves) => 2,
        (CouncilType.LondonBorough, _) => 1 + Draw.Weighted(random, [3, 22, 75]),
        (CouncilType.MetropolitanBorough, _) => 1 + Draw.Weighted(random, [45, 55]),
        (CouncilType.Unitary, _) => 1 + Draw.Weighted(random, [30, 35, 35]),
        _ => 1 + Draw.Weighted(random, [35, 40, 25]),
    };

    private double ElectorsPerCouncillor() => plan.Type switch
    {
        CouncilType.LondonBorough => 3_300,
        CouncilType.MetropolitanBorough => 3_500,
        CouncilType.Unitary => 2_600,
        _ => 2_000,
    };

    private double BaseTurnout() => plan.Type switch
    {
        CouncilType.LondonBorough => 0.34,
        CouncilType.MetropolitanBorough => 0.28,
        CouncilType.Unitary => 0.31,
        _ => 0.36,
    };

    /// <summary>What persists about a ward from one election to the next.</summary>
    private sealed record WardProfile
    {
        public required string Name { get; init; }

        public required string Slug { get; init; }

        public required int Members { get; init; }

        /// <summary>Each party's leaning here (a multiplier on its council strength); the last entry is the local party's.</summary>
        public required double[] Lean { get; init; }

        public required bool LocalPartyStands { get; init; }

        public required int Electorate { get; init; }

        public required double Turnout { get; init; }
    }

    /// <summary>A ward as the history leaves it on the eve of poll.</summary>
    private sealed record WardHistory
    {
        public required WardProfile Profile { get; init; }

        public required string GssCode { get; init; }

        public required int SeatsUp { get; init; }

        public required Contest LastTime { get; init; }

        public required IReadOnlyList<Party> Defended { get; init; }

        public required IReadOnlyList<Party> Continuing { get; init; }

        public required bool Comparable { get; init; }

        public required bool Unopposed { get; init; }
    }
}
