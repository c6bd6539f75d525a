using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>One party's line of the national projection. Immutable.</summary>
/// <param name="Party">The party.</param>
/// <param name="Councils">Councils it controls: declared ones as declared, the others as projected.</param>
/// <param name="CouncilsChange">Those minus the councils it controlled on the eve of poll (councils with a baseline).</param>
/// <param name="Seats">Seats it wins at this election: declared ones as declared, the rest as projected.</param>
/// <param name="SeatsDeclared">Seats it has won so far.</param>
public sealed record NationalProjectionLine(Party Party, int Councils, int CouncilsChange, int Seats, int SeatsDeclared);

/// <summary>
/// The national projection: every council's control and the seats won at this election, taking each declared council
/// as declared and every other as its <see cref="CouncilProjection"/> projects. A projection, not a result. Immutable.
/// </summary>
public sealed record NationalProjection
{
    /// <summary>The share method of the council projections.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Councils in the election.</summary>
    public required int Councils { get; init; }

    /// <summary>Councils fully declared.</summary>
    public required int CouncilsDeclared { get; init; }

    /// <summary>Councils under no overall control, declared or projected.</summary>
    public required int NoOverallControl { get; init; }

    /// <summary>Those minus the councils under no overall control on the eve of poll (councils with a baseline).</summary>
    public required int NoOverallControlChange { get; init; }

    /// <summary>Seats still to declare tonight that the projection fills (postponed polls' excluded).</summary>
    public required int SeatsProjected { get; init; }

    /// <summary>The parties, most councils first, then most seats, then name.</summary>
    public required ImmutableArray<NationalProjectionLine> Parties { get; init; }

    /// <summary>The projection in words.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"Projection (Tallyroom's model, not a result): {CouncilsDeclared} of {Plural.Count(Councils, "council", "councils")} declared; the other {Councils - CouncilsDeclared} and {Plural.Noun(Councils - CouncilsDeclared, "its", "their")} {Plural.Count(SeatsProjected, "seat", "seats")} still to declare as projected by uniform change in {ShareMethods.Name(Method)} share");
}

/// <summary>One party's PNS-style projected national share, in points. Immutable.</summary>
/// <param name="Party">The party.</param>
/// <param name="Baseline">Its national share last time (see <see cref="ProjectedNationalShare"/>).</param>
/// <param name="Change">Its mean change in share over the key wards.</param>
/// <param name="Share">Baseline plus change.</param>
public sealed record ProjectedShareLine(Party Party, double Baseline, double Change, double Share);

/// <summary>
/// A PNS-style projected national share: Tallyroom's estimate, in the manner of the BBC's projected national share
/// but not it. Key wards are the declared wards contested by the Conservatives, Labour and the Liberal Democrats both
/// now and last time on comparable boundaries; each party's mean change in share over them is added to its national
/// share last time, taken as its aggregate share, by the same method, over every ward up this year that has
/// comparable votes last time (the seats' own previous contests, so 2014 for most and 2016 where a council last
/// fought them then). Others are the rest of 100. Immutable.
/// </summary>
public sealed record ProjectedNationalShare
{
    /// <summary>The label every use of the figure must carry.</summary>
    public const string Name = "PNS-style (Tallyroom's estimate)";

    /// <summary>The share method.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Key wards declared so far.</summary>
    public required int KeyWards { get; init; }

    /// <summary>Wards with comparable votes last time that the baseline is over.</summary>
    public required int BaselineWards { get; init; }

    /// <summary>The Conservatives, Labour and the Liberal Democrats, highest projected share first.</summary>
    public required ImmutableArray<ProjectedShareLine> Parties { get; init; }

    /// <summary>Everyone else: 100 minus the three.</summary>
    public double Others => 100 - Parties.Sum(p => p.Share);

    /// <summary>The figure's label and method in words.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: mean change in {ShareMethods.Name(Method)} share over {Plural.Count(KeyWards, "key ward", "key wards")} (contested by Con, Lab and LD both times), added to last time's share over the {Plural.Count(BaselineWards, "ward", "wards")} up with comparable votes. Not the BBC's PNS.");
}

/// <summary>
/// The nation's analysis at one revision: shares over the declared wards, the swing between the two leading parties,
/// turnout, the national projection and the PNS-style share. Memoised per state and method. Immutable.
/// </summary>
public sealed record NationalAnalysis
{
    private static readonly ConditionalWeakTable<ElectionState, NationalAnalysis?[]> Memos = [];

    /// <summary>The election's id.</summary>
    public required string Election { get; init; }

    /// <summary>The share method of every figure.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>The nation's shares over every declared ward, with changes over the comparable ones.</summary>
    public required AggregateShares Shares { get; init; }

    /// <summary>The swing between the two leading parties over the declared wards (from the one that led last time); null with fewer than two.</summary>
    public required CouncilSwing? Swing { get; init; }

    /// <summary>Ballot-box turnout over every declared ward.</summary>
    public required TurnoutFigure Turnout { get; init; }

    /// <summary>Councils and seats, declared and projected.</summary>
    public required NationalProjection Projection { get; init; }

    /// <summary>The PNS-style share; null until a key ward declares.</summary>
    public required ProjectedNationalShare? ProjectedShare { get; init; }

    /// <summary>The nation's analysis as the state stands.</summary>
    public static NationalAnalysis Of(ElectionState state, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        var slots = Memos.GetValue(state, static _ => new NationalAnalysis?[3]);
        var index = (int)method;
        if (Volatile.Read(ref slots[index]) is { } memo)
        {
            return memo;
        }

        var analysis = Compute(state, method);
        Volatile.Write(ref slots[index], analysis);
        return analysis;
    }

    /// <summary>The national projection alone (every council's projection, or its declared result).</summary>
    public static NationalProjection Project(ElectionState state, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        var options = ProjectionOptions.Default with { Method = method };
        var lines = new Dictionary<string, (Party Party, int Councils, int Change, int Seats, int Declared)>(StringComparer.Ordinal);
        int declared = 0, noc = 0, nocChange = 0, projectedSeats = 0;
        void Bump(Party party, int councils = 0, int change = 0, int seats = 0, int won = 0)
        {
            var line = lines.TryGetValue(party.Id, out var known) ? known : (Party: party, Councils: 0, Change: 0, Seats: 0, Declared: 0);
            lines[party.Id] = (line.Party, line.Councils + councils, line.Change + change, line.Seats + seats, line.Declared + won);
        }

        foreach (var council in state.CouncilsInOrder())
        {
            foreach (var entry in council.SeatsWon.Entries)
            {
                Bump(entry.Party, won: entry.Seats);
            }

            CouncilControl control;
            if (CouncilProjection.Of(state, council, state.BallotsOf(council), options) is { } projection)
            {
                control = projection.Control;
                projectedSeats += projection.SeatsProjected;
                foreach (var line in projection.Parties)
                {
                    Bump(line.Party, seats: line.Seats - council.Continuing.Get(line.Party.Id));
                }
            }
            else
            {
                declared++;
                control = council.Control;
                foreach (var entry in council.SeatsWon.Entries)
                {
                    Bump(entry.Party, seats: entry.Seats);
                }
            }

            var before = council.ControlBefore;
            if (control.Party is { } party)
            {
                Bump(party, councils: 1, change: before is null ? 0 : 1);
            }
            else
            {
                noc++;
                nocChange += before is null ? 0 : 1;
            }

            if (before?.Party is { } previous)
            {
                Bump(previous, change: -1);
            }
            else if (before is not null)
            {
                nocChange--;
            }
        }

        return new NationalProjection
        {
            Method = method,
            Councils = state.Councils.Count,
            CouncilsDeclared = declared,
            NoOverallControl = noc,
            NoOverallControlChange = nocChange,
            SeatsProjected = projectedSeats,
            Parties = [.. lines.Values
                .Where(l => l.Councils != 0 || l.Change != 0 || l.Seats != 0 || l.Declared != 0)
                .Select(l => new NationalProjectionLine(l.Party, l.Councils, l.Change, l.Seats, l.Declared))
                .OrderByDescending(l => l.Councils).ThenByDescending(l => l.Seats).ThenBy(l => l.Party.Name, StringComparer.Ordinal)],
        };
    }

    /// <summary>The PNS-style projected national share as the state stands; null until a key ward declares.</summary>
    public static ProjectedNationalShare? ProjectShare(ElectionState state, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        Party[] key = [PartyCatalog.Conservative, PartyCatalog.Labour, PartyCatalog.LiberalDemocrats];
        var sums = new double[key.Length];
        int keyWards = 0, baselineWards = 0;
        foreach (var ward in Wards(state, method))
        {
            if (ward.Before is not { } before)
            {
                continue;
            }

            baselineWards++;
            if (ward.Now is not { } now || !Array.TrueForAll(key, p => now.PartyShare(p.Id) is not null && before.PartyShare(p.Id) is not null))
            {
                continue;
            }

            keyWards++;
            for (var i = 0; i < key.Length; i++)
            {
                sums[i] += now.PartyShare(key[i].Id)!.Value - before.PartyShare(key[i].Id)!.Value;
            }
        }

        if (keyWards == 0)
        {
            return null;
        }

        var sample = SwingSample.National(state, method);
        return new ProjectedNationalShare
        {
            Method = method,
            KeyWards = keyWards,
            BaselineWards = baselineWards,
            Parties = [.. key.Select((p, i) =>
                {
                    var baseline = sample.PreviousShare(p.Id) ?? 0;
                    var change = sums[i] / keyWards;
                    return new ProjectedShareLine(p, baseline, change, baseline + change);
                })
                .OrderByDescending(l => l.Share)],
        };
    }

    private static NationalAnalysis Compute(ElectionState state, ShareMethod method)
    {
        var declared = new List<(BallotView Ballot, WardShares Now, WardShares? Before)>();
        foreach (var ward in Wards(state, method))
        {
            if (ward.Now is { } now)
            {
                declared.Add((ward.Ballot, now, ward.Before));
            }
        }

        var scope = state.Election?.Id ?? string.Empty;
        var shares = VoteShares.National(state, method);
        var previous = SwingSample.National(state, method);
        var leaders = shares.Parties
            .Where(p => p.Share is not null && p.Contestant.Party.Id != PartyCatalog.Independent.Id)
            .Take(2).Select(p => p.Contestant.Party)
            .OrderByDescending(p => previous.PreviousShare(p.Id) ?? -1) // from the one that led last time
            .ToList();
        return new NationalAnalysis
        {
            Election = scope,
            Method = method,
            Shares = shares,
            Swing = leaders.Count == 2 ? Swings.Council(scope, declared, to: leaders[1], from: leaders[0], method) : null,
            Turnout = TurnoutFigure.National(state),
            Projection = Project(state, method),
            ProjectedShare = ProjectShare(state, method),
        };
    }

    /// <summary>
    /// Every ward by council in slug order and by ballot within each: a fixed order for sums and medians, walked
    /// through the councils' memoised ballot lists rather than the ballot dictionary, which is slow to enumerate.
    /// </summary>
    private static IEnumerable<WardAnalysis> Wards(ElectionState state, ShareMethod method)
    {
        foreach (var council in state.CouncilsInOrder())
        {
            foreach (var ballot in state.BallotsOf(council))
            {
                yield return WardAnalysis.Of(ballot, method);
            }
        }
    }
}
