using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Tests.Analysis;

/// <summary>Shorthand for the baselines analysis needs: last time's candidates with votes, or "not comparable".</summary>
internal static class AnalysisElection
{
    public static readonly Party Ind = PartyCatalog.Independent;

    /// <summary>Last time's result in a ward: one candidate per entry (named after its party); the top S by votes were elected.</summary>
    public static ElectionBuilder Previous(this ElectionBuilder builder, string council, string ward, params (Party Party, int Votes)[] candidates) =>
        builder.Previous(council, ward, [.. candidates.Select((c, i) => (c.Party, $"{c.Party.Name} {i + 1}", c.Votes))]);

    /// <summary>Last time's result in a ward with named candidates (independents are matched by name).</summary>
    public static ElectionBuilder Previous(this ElectionBuilder builder, string council, string ward, params (Party Party, string Name, int Votes)[] candidates)
    {
        var id = ElectionBuilder.BallotId(council, ward);
        var seats = builder.Events.OfType<BallotDefined>().Single(b => b.Ballot.Id == id).Ballot.SeatsUp;
        var elected = candidates.Select((c, i) => (c.Votes, i)).OrderByDescending(x => x.Votes).Take(seats).Select(x => x.i).ToHashSet();
        return builder.Add(new BallotBaselineRecorded(new BallotBaseline
        {
            BallotId = id,
            Kind = BaselineKind.Actual,
            LastFought = new DateOnly(2014, 5, 22),
            Defended = PartySeats.Count(elected.Select(i => candidates[i].Party)).Entries,
            Previous = [.. candidates.Select((c, i) => new PreviousCandidate(c.Name, c.Party, c.Votes, elected.Contains(i)))],
            Source = "test",
        }));
    }

    /// <summary>A redrawn ward with no notional result.</summary>
    public static ElectionBuilder NotComparable(this ElectionBuilder builder, string council, string ward) =>
        builder.Add(new BallotBaselineRecorded(new BallotBaseline { BallotId = ElectionBuilder.BallotId(council, ward), Kind = BaselineKind.NotComparable, Source = "test" }));
}
