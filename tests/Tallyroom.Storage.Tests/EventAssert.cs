using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Storage.Tests;

/// <summary>Exact comparison of events, member by member.</summary>
internal static class EventAssert
{
    /// <summary>
    /// Asserts the events are equal in every member. Record equality alone cannot be used: an
    /// <see cref="System.Collections.Immutable.ImmutableArray{T}"/> compares by reference, so an event read back
    /// would never equal the one written. The arrays are compared element by element and blanked out, and record
    /// equality checks every other member (including ones added later).
    /// </summary>
    public static void Equal(ElectionEvent expected, ElectionEvent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case BallotDefined b:
                var ballot = ((BallotDefined)actual).Ballot;
                Assert.Equal(b.Ballot.Candidates.ToArray(), ballot.Candidates.ToArray());
                Assert.Equal(b.Ballot with { Candidates = [] }, ballot with { Candidates = [] });
                break;
            case DeclarationRecorded d:
                var declaration = ((DeclarationRecorded)actual).Declaration;
                Assert.Equal(d.Declaration.Results.ToArray(), declaration.Results.ToArray());
                Assert.Equal(d.Declaration with { Results = [] }, declaration with { Results = [] });
                break;
            case BallotBaselineRecorded b:
                var baseline = ((BallotBaselineRecorded)actual).Baseline;
                Assert.Equal(b.Baseline.Defended.ToArray(), baseline.Defended.ToArray());
                Assert.Equal(b.Baseline.Previous.ToArray(), baseline.Previous.ToArray());
                Assert.Equal(b.Baseline with { Defended = [], Previous = [] }, baseline with { Defended = [], Previous = [] });
                break;
            case CouncilBaselineRecorded c:
                var council = ((CouncilBaselineRecorded)actual).Baseline;
                Assert.Equal(c.Baseline.EveOfPoll.ToArray(), council.EveOfPoll.ToArray());
                Assert.Equal(c.Baseline.Continuing.ToArray(), council.Continuing.ToArray());
                Assert.Equal(c.Baseline with { EveOfPoll = [], Continuing = [] }, council with { EveOfPoll = [], Continuing = [] });
                break;
            default:
                // The other events hold no arrays, so record equality is exact.
                Assert.Equal(expected, actual);
                break;
        }
    }

    /// <summary>Asserts the stored events are the given ones, at revisions <paramref name="firstRevision"/> onwards.</summary>
    public static void Stored(IReadOnlyList<ElectionEvent> expected, IReadOnlyList<StoredEvent> actual, long firstRevision = 1)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(firstRevision + i, actual[i].Revision);
            Equal(expected[i], actual[i].Event);
        }
    }
}
