using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// Projects one council from its prepared <see cref="UndeclaredWards"/> and the samples of the council, its region and
/// the nation: works out each standing party's change, then counts every ward still to declare at the changes as
/// measured and, for each party, at its change moved down and up by its margin. Knows which wider samples it rested
/// on, so that the projection is worked out again only when one of those changes. Not thread-safe; use once.
/// </summary>
internal sealed class Projector(CouncilView council, UndeclaredWards wards, ProjectionOptions options, SwingSample local, SwingSample? regional, SwingSample national)
{
    private bool usedRegion;
    private bool usedNation;

    public (CouncilProjection Projection, bool UsedRegion, bool UsedNation) Project()
    {
        var parties = wards.Parties;
        var swings = new PartySwing[wards.Standing];
        var councilWide = new double?[wards.Standing];
        for (var p = 0; p < swings.Length; p++)
        {
            swings[p] = Swing(parties[p]);
            if (wards.UsesCouncilWideShare[p])
            {
                councilWide[p] = PreviousShare(parties[p]);
            }
        }

        var (low, point, high) = Count(swings, councilWide);
        var lines = new List<ProjectedSeats>();
        for (var p = 0; p < parties.Length; p++)
        {
            var settled = wards.Settled[p];
            var line = new ProjectedSeats(parties[p], settled, settled + low[p], settled + point[p], settled + high[p]);
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
            Basis = Basis(swings),
            MinimumWards = options.MinimumWards,
            WardsDeclared = local.Wards,
            Region = council.Definition.Region,
            RegionalWards = regional?.Wards ?? 0,
            NationalWards = national.Wards,
            Swings = [.. swings.OrderByDescending(s => local.PreviousShare(s.Party.Id) ?? regional?.PreviousShare(s.Party.Id) ?? national.PreviousShare(s.Party.Id) ?? -1).ThenBy(s => s.Party.Name, StringComparer.Ordinal)],
            TotalSeats = council.TotalSeats,
            Majority = council.Majority,
            SeatsProjected = wards.SeatsProjected,
            SeatsWithoutComparableVotes = wards.SeatsWithoutComparableVotes,
            SeatsPostponed = wards.SeatsPostponed,
            Parties = [.. lines],
            Control = control,
            Certainty = certainty,
        };
        return (projection, usedRegion, usedNation);
    }

    /// <summary>
    /// Each party's seats in the wards still to declare (the defenders' kept seats included): at its change moved down
    /// by its margin, as measured, and moved up. Moving one party's candidates down cannot win it a seat, nor moving
    /// them up lose one, so a ward is counted again only where the move could change its seats.
    /// </summary>
    private (int[] Low, int[] Point, int[] High) Count(PartySwing[] swings, double?[] councilWide)
    {
        var point = (int[])wards.Kept.Clone();
        var low = (int[])wards.Kept.Clone();
        var high = (int[])wards.Kept.Clone();
        var most = 0;
        foreach (var ward in wards.Wards)
        {
            most = Math.Max(most, ward.Candidates.Length);
        }

        Span<double> scores = most <= 64 ? stackalloc double[most] : new double[most];
        Span<int> elected = most <= 64 ? stackalloc int[most] : new int[most];
        Span<int> moved = most <= 64 ? stackalloc int[most] : new int[most];
        foreach (var ward in wards.Wards)
        {
            var candidates = ward.Candidates;
            for (var i = 0; i < candidates.Length; i++)
            {
                var candidate = candidates[i];
                var swing = swings[candidate.Party];
                scores[i] = candidate.Basis switch
                {
                    UndeclaredWards.ShareBasis.Previous => candidate.Share + swing.Change,
                    UndeclaredWards.ShareBasis.CouncilWide when councilWide[candidate.Party] is { } share => share + swing.Change,
                    _ => swing.NewShare ?? 0,
                };
            }

            var seats = ward.Elect(scores[..candidates.Length], -1, 0, elected);
            foreach (var party in ward.Parties)
            {
                var wins = Wins(elected[..seats], party);
                var margin = swings[party].Margin;
                point[party] += wins;
                low[party] += wins == 0 || margin == 0 ? wins : Wins(moved[..ward.Elect(scores[..candidates.Length], party, -margin, moved)], party);
                high[party] += wins == seats || wins == Standing(candidates, party) || margin == 0 ? wins : Wins(moved[..ward.Elect(scores[..candidates.Length], party, margin, moved)], party);
            }
        }

        return (low, point, high);
    }

    private static int Wins(ReadOnlySpan<int> elected, int party)
    {
        var wins = 0;
        foreach (var winner in elected)
        {
            wins += winner == party ? 1 : 0;
        }

        return wins;
    }

    private static int Standing(UndeclaredWards.Candidate[] candidates, int party)
    {
        var count = 0;
        foreach (var candidate in candidates)
        {
            count += candidate.Party == party ? 1 : 0;
        }

        return count;
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

    private static ProjectionBasis Basis(PartySwing[] swings)
    {
        var sources = swings.Select(s => s.Source).Where(s => s != SwingSource.None).Distinct().ToList();
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
        var minimum = options.MinimumWards;
        var (source, change) = Pick(local.Change(party.Id), regional?.Change(party.Id), national.Change(party.Id), minimum);
        var (newSource, newShare) = Pick(local.NewShare(party.Id), regional?.NewShare(party.Id), national.NewShare(party.Id), minimum);
        var (marginOf, marginSource) = source != SwingSource.None ? (change, source) : (newShare, newSource);
        return new PartySwing
        {
            Party = party,
            Source = source,
            Wards = change.Count,
            Change = change.Mean,
            Spread = change.StandardDeviation,
            NewShareSource = newSource,
            NewShare = newSource == SwingSource.None ? null : newShare.Mean,
            Margin = marginSource == SwingSource.None ? 0 : CouncilProjection.IntervalZ * marginOf.StandardDeviation * Math.Sqrt((1.0 / marginOf.Count) + (1.0 / wards.WardsToCome)),
        };
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
}
