using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Importers.EveOfPoll;

namespace Tallyroom.Importers.Validation;

/// <summary>
/// Compares our final figures (each council's composition after the election, continuing seats plus seats won, and
/// control) with an independent source: Open Council Data's councillor roster of the polling day's year, counted by
/// party and cross-checked with its council history. Every difference is explained from the data where it can be:
/// LEAP's results of the same day, Open Council Data's roster of the year before, and the log's own baselines. Reads
/// its files from the raw data folder as <c>SOURCES.md</c> lays it out. Thread-safe.
/// </summary>
public static class CompositionValidation
{
    /// <summary>Compares every council of <paramref name="ours"/>.</summary>
    /// <param name="ours">The log's state: the election, declared, with its baselines.</param>
    /// <param name="root">The raw data folder (<c>../shared/data/raw</c>).</param>
    /// <param name="explanationsPath">A curated <c>council,explanation</c> file (see <see cref="HandExplanations"/>); null for none.</param>
    /// <exception cref="FileNotFoundException">A file the comparison needs is not under <paramref name="root"/>.</exception>
    /// <exception cref="MalformedInputException">A file breaks its format, or names a council twice or not at all.</exception>
    public static ValidationReport Run(ElectionState ours, string root, string? explanationsPath = null)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentException.ThrowIfNullOrEmpty(root);
        var election = ours.Election ?? throw new ArgumentException("The log holds no election: import one first.", nameof(ours));
        var year = election.PollingDay.Year;
        string Need(string relative)
        {
            var path = Path.Combine(root, relative);
            return File.Exists(path) ? path : throw new FileNotFoundException($"The comparison needs {relative} under the raw data folder {root}, and it is not there.", path);
        }

        var afterFile = Path.Combine("opencouncildata", $"opencouncildata_councillors_{year.ToString(CultureInfo.InvariantCulture)}.csv");
        var beforeFile = Path.Combine("opencouncildata", $"opencouncildata_councillors_{(year - 1).ToString(CultureInfo.InvariantCulture)}.csv");
        var leapFile = Path.Combine("leap_teale", $"leap-{election.PollingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        var afterPath = Need(afterFile);
        var historyPath = CouncilHistory.Beside(afterPath);
        var historyFile = Path.Combine("opencouncildata", Path.GetFileName(historyPath));

        var after = CouncillorRoster.ReadCouncillors(afterPath).ToLookup(c => c.Council, StringComparer.Ordinal);
        var before = CouncillorRoster.ReadCouncillors(Need(beforeFile)).ToLookup(c => c.Council, StringComparer.Ordinal);
        var history = CouncilHistory.Read(historyPath, new HashSet<int> { year }, []).Values.ToDictionary(r => r.Authority, StringComparer.Ordinal);
        var leap = LeapCheck.Read(Need(leapFile), ours);
        var byHand = explanationsPath is null ? new Dictionary<string, string>(StringComparer.Ordinal) : HandExplanations.Read(explanationsPath, ours);

        var slugs = ours.Councils.Keys.Order(StringComparer.Ordinal).ToList();
        var inAfter = CouncilNames.Match(slugs, after.Select(g => g.Key), new SourceLocation(afterPath, 1), "roster");
        var inBefore = CouncilNames.Match(slugs, before.Select(g => g.Key), new SourceLocation(Need(beforeFile), 1), "roster");
        var inHistory = CouncilNames.Match(slugs, history.Keys, new SourceLocation(historyPath, 1), $"history's {year.ToString(CultureInfo.InvariantCulture)} rows");
        var councils = slugs.Select(slug => CouncilAccount.Compare(new CouncilEvidence
        {
            Ours = ours,
            Council = ours.Councils[slug],
            Before = [.. before[inBefore[slug].Name]],
            After = [.. after[inAfter[slug].Name]],
            History = history[inHistory[slug].Name],
            Leap = leap,
            BeforeFile = Path.GetFileName(beforeFile),
            AfterFile = Path.GetFileName(afterFile),
            LeapFile = Path.GetFileName(leapFile),
            ByHand = byHand.GetValueOrDefault(slug),
        }));

        return new ValidationReport
        {
            ElectionId = election.Id,
            Revision = ours.Revision,
            SnapshotYear = year,
            Sources =
            [
                (Unix(afterFile), $"the snapshot after the election: every sitting councillor, counted by party (register id; \"{CouncillorRoster.UnregisteredLabel}\" as Independent)"),
                (Unix(historyFile), $"its council history: the {year.ToString(CultureInfo.InvariantCulture)} row's size, party columns and majority label, to cross-check the roster and control"),
                (Unix(beforeFile), "the eve-of-poll roster, to find councillors who changed party or left while their seats were not up"),
                (Unix(leapFile), "LEAP's results of the same day, to find ballots whose winners differ from Democracy Club's, and the later polls of the postponed ones"),
            ],
            Councils = [.. councils],
        };
    }

    private static string Unix(string path) => path.Replace('\\', '/');
}
