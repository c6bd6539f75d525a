using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>
/// London's 32 boroughs all elected every seat on 3 May 2018, so their composition after the election is exactly the
/// seats won; it must match the LEAP rows counted on their own.
/// </summary>
public sealed class LondonCompositionTests
{
    // The two London polls countermanded on the day: their rows in LEAP are a later poll's result, and their seats
    // stay undeclared in the composition after 3 May.
    private static readonly HashSet<(string Council, string Ward)> Countermanded =
        [("Brent", "Willesden Green"), ("Southwark", "London Bridge and West Bermondsey")];

    [Fact]
    public void EveryLondonBoroughsCompositionAfterThe2018ElectionMatchesTheLeapSource()
    {
        var state = ResultsEngine.Fold(ElectionState.Empty, LeapResults.Read(LeapSource.File2018, ElectionState.Empty, new ImportOptions()).Events);
        var londonRows = LeapSource.Leap2018.Where(r => r.CouncilCode.StartsWith("E09", StringComparison.Ordinal) && r.Candidate != "NULL").ToList();
        var expected = LeapSource.ElectedByCouncilAndParty(londonRows.Where(r => !Countermanded.Contains((r.Council, r.Ward))));

        Assert.Equal(32, expected.Count);
        foreach (var (borough, parties) in expected)
        {
            var view = state.Councils[Slug.Make(borough)];
            var composition = view.Composition.Entries.ToDictionary(e => LeapSource.CodeOf(e.Party), e => e.Seats);
            Assert.True(
                parties.OrderBy(p => p.Key).SequenceEqual(composition.OrderBy(p => p.Key)),
                $"{borough}: LEAP {Show(parties)}, imported {Show(composition)}");
            Assert.Equal(londonRows.Count(r => r.Council == borough && r.IsElected), view.TotalSeats);
            Assert.Equal(0, view.Continuing.Total);
        }
    }

    private static string Show(Dictionary<string, int> seats) =>
        string.Join(", ", seats.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
