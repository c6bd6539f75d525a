using System.Globalization;
using System.Text;
using CsvHelper;
using Tallyroom.Core.Counting;

namespace Tallyroom.Results;

/// <summary>
/// Declared results in Democracy Club's CSV layout (one row per candidate), so that tools built for that file read
/// ours. <c>turnout</c> is ballot-box turnout in percent, from ballot papers, never votes.
/// </summary>
internal static class ResultsCsv
{
    private static readonly string[] Header = ["election_id", "ballot_paper_id", "person_id", "party_id", "party_name", "person_name", "ballots_cast", "is_winner", "spoilt_ballots", "turnout", "source"];

    public static byte[] Render(ElectionState state)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteHeader(Header);
            var date = state.Election?.PollingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var ballot in state.Ballots.Values.Where(b => b.HasResult).OrderBy(b => b.Definition.Id, StringComparer.Ordinal))
            {
                var document = ResultsDocuments.Ballot(state, ballot);
                var electionId = $"local.{ballot.Definition.CouncilSlug}.{date}";
                foreach (var candidate in document.Candidates)
                {
                    csv.WriteRecord(
                    [
                        electionId,
                        ballot.Definition.Id,
                        candidate.Id,
                        candidate.PartyId,
                        candidate.Party,
                        candidate.Name,
                        candidate.Votes?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        candidate.Elected == true ? "True" : "False",
                        document.Rejected?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        document.BallotBoxTurnout?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty,
                        "Tallyroom",
                    ]);
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
