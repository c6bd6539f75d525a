using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Previous;

/// <summary>
/// Format <c>previous-leap</c>: an Andrew Teale LEAP results file (either layout the <c>leap</c> format reads: the 2014
/// file with its header and no ONS codes, or the headerless 2016 and later files with codes) read as the previous
/// contest for the ballots of the election already in the log. Emits one <see cref="BallotBaselineRecorded"/> per
/// ballot of each council the file covers: the seats defended by party and the candidates' results then (actual),
/// or not comparable with the reason. Ballots of councils the file does not cover get no event. Thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Polling day of the file: <see cref="ImportOptions.PollingDay"/>, else a <c>yyyy-mm-dd</c> in the file name
/// (the 2014 file has none: its day, 2014-05-22, must be given).</item>
/// <item>Matching: by ward code when both the ballot and the file have one, else by council and ward name; the
/// ward-code changes (<see cref="ImportOptions.WardCodeChangesPath"/>) mark wards redrawn since and follow renames.</item>
/// <item>Four years before (2014 for 2018), the file covers every council in it. When a ward elected more then than
/// are up now, the top-placed winners are defended (they took the four-year term; the others filled shorter ones).</item>
/// <item>Two years before (2016 for 2018), only councils whose election then was all-out are covered: those where
/// more than half the wards elected two or more councillors. Their lowest-placed winners are defended (the shortest
/// term, ending now). Other councils' seats of that year are up again later, so their ballots are left alone.</item>
/// <item>More seats up now than filled then (a casual vacancy filled too): not comparable. Uncontested wards then:
/// votes null, winners defended as usual.</item>
/// <item>Councils with at most two contests in the file held only by-elections then, which the convention ignores:
/// they are left out, as the <c>leap</c> format does.</item>
/// <item>Local parties: a LEAP label (<c>label:ciip</c>) is counted, in the defended seats and the previous candidates,
/// as the party of the same council in the log that the evidence singles out (the same name, a label abbreviating
/// the name, or the one seat-holding party left where one party left stands now in a ward it won then); each pairing,
/// and each seat-holding label left alone, is noted (<see cref="LocalPartyMatching"/>).</item>
/// </list>
/// A later baseline replaces an earlier one, so on a night the 2014 file is imported first and the 2016 file last.
/// </remarks>
public static class PreviousLeap
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "previous-leap";

    /// <summary>Reads a LEAP file as the previous contest of the ballots in <paramref name="current"/>.</summary>
    /// <param name="path">The file, as the user named it (the name used in sources, errors and notes).</param>
    /// <param name="current">The state the batch will be appended to; it must hold the election and its ballots.</param>
    /// <param name="options">The file's polling day, the ward-code changes file, progress.</param>
    /// <exception cref="MalformedInputException">
    /// The file breaks a LEAP rule (file:line, field, rule), its polling day is unknown or not 4 or 2 years before the
    /// election in the log, the log holds no election, or the ward-code changes file is malformed.
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);

        var batch = new ImportBatch();
        var day = LeapResults.PollingDay(path, options, batch);
        PreviousResults.CycleOf(path, day, current);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var records = LeapFile.Read(path, options.Progress);
        var leap = new LeapOptions();
        var councils = new List<PreviousCouncil>();
        foreach (var council in LeapContests.Group(path, records, batch))
        {
            // Every ward is built as the leap format builds it, so the same rows are refused for the same reasons;
            // the notes of that build are about ballots of the file's own election, which this import does not make.
            var built = council.Wards.Select(w => LeapBallots.Build(path, council, w, date, new ImportBatch())).ToList();
            if (LeapResults.IsByElectionOnly(council, leap, batch))
            {
                continue;
            }

            var previous = new PreviousCouncil(council.Name, council.GssCode, council.FirstLine);
            for (var i = 0; i < council.Wards.Count; i++)
            {
                var ward = council.Wards[i];
                var results = built[i].Declaration.Results;
                previous.Wards.Add(new PreviousWard(previous, ward.Name, ward.GssCode, ward.FirstLine,
                    [.. ward.Rows.Select((r, j) => new PreviousCandidateRow(r.Line, r.Name, LeapParties.Resolve(r.Party), results[j].Votes, r.Elected))]));
            }

            councils.Add(previous);
        }

        var file = new PreviousContests(path, "LEAP " + Path.GetFileName(path), day, councils);
        return PreviousResults.Read(file, current, options, batch);
    }
}
