using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;

namespace Tallyroom.Importers.Previous;

/// <summary>
/// Format <c>previous-gla</c>: the GLA's official candidate file of the London borough elections of 22 May 2014
/// (<c>london_council_election_2014_ward.csv</c>) read as the previous contest for the London ballots of the election
/// already in the log. Emits one <see cref="BallotBaselineRecorded"/> per ballot of each borough in the file (matched
/// by ward code, or by name for a ballot without one); other councils' ballots get no event, so importing it after
/// the national LEAP file replaces only London's baselines. Thread-safe.
/// </summary>
/// <remarks>
/// Party codes LAB, CON, LD, GRE, UKIP and IND count as the register parties; every other code is a party of its own,
/// named by <c>party_long</c>. Candidates' names ("Surname, Forenames Title", <c>*</c> for an incumbent) are
/// written forenames first, without the title or the mark. <c>elected_flag</c> is Yes or blank (Southwark Faraday's
/// lower-case yes is read as Yes). The defended-seat rules, and the pairing of local parties with this election's
/// register ids (by the same name, for the GLA's), are those of <see cref="PreviousLeap"/>.
/// </remarks>
public static class PreviousGla
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "previous-gla";

    // The file holds one election, the London borough elections of 22 May 2014, and no date column; the day is
    // therefore fixed here, and ImportOptions.PollingDay may override it.
    private static readonly DateOnly FilePollingDay = new(2014, 5, 22);

    /// <summary>Reads the GLA 2014 candidate file as the previous contest of the London ballots in <paramref name="current"/>.</summary>
    /// <param name="path">The file, as the user named it (the name used in sources, errors and notes).</param>
    /// <param name="current">The state the batch will be appended to; it must hold the election and its ballots.</param>
    /// <param name="options">The ward-code changes file, progress; <see cref="ImportOptions.PollingDay"/> overrides 2014-05-22.</param>
    /// <exception cref="MalformedInputException">
    /// A row breaks a rule (file:line, column, rule), the log holds no election, the polling day is not 4 or 2 years
    /// before it, or the ward-code changes file is malformed.
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);

        var batch = new ImportBatch();
        var day = options.PollingDay ?? FilePollingDay;
        PreviousResults.CycleOf(path, day, current);
        var councils = GlaCandidateFile.Read(path, batch, options.Progress);
        var file = new PreviousContests(path, "GLA " + Path.GetFileName(path), day, councils);
        return PreviousResults.Read(file, current, options, batch);
    }
}
