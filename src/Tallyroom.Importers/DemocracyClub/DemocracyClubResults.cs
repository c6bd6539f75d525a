using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.DemocracyClub;

/// <summary>
/// Imports Democracy Club's candidate-level results CSV (format <c>dc-results</c>), e.g.
/// <c>democracyclub-results-2018-05-03.csv</c>: the ordinary ward contests of <c>local.*</c> elections, with their
/// councils, candidates and declarations. Mayoral, parliamentary and by-election rows are skipped with a note.
/// Stateless and thread-safe.
/// </summary>
public static class DemocracyClubResults
{
    /// <summary>The format's name, as the import command takes it.</summary>
    public const string FormatName = "dc-results";

    /// <summary>
    /// Reads the file at <paramref name="path"/> and returns the events that bring <paramref name="current"/> up to
    /// it, in order: the election (only when <paramref name="current"/> has none), then for each council not yet in
    /// <paramref name="current"/> its definition, for each ballot its definition, then one declaration per ballot
    /// unless <see cref="ImportOptions.SetupOnly"/> is set. Ballots <paramref name="current"/> already defines (with
    /// the same seats and candidates) are not defined again, and ballots it has already declared are not declared
    /// again, so a setup import can be followed by a results import of the same file.
    /// </summary>
    /// <remarks>
    /// The file has no seats column: a ballot's seats up are the candidates marked <c>is_winner</c>. It has no
    /// council names or codes either: names are made from the slugs, codes are left empty and the type unknown. Its
    /// <c>turnout</c> column is not used, because its unit varies (a percentage on some rows, a count of papers on
    /// others); ballot papers and electorate come from the <c>ec-wards</c> import. A tie across the last seat is
    /// recorded as decided by lot, since the source has no flag for it.
    /// </remarks>
    /// <exception cref="MalformedInputException">The file (or the ward-code file) is malformed; nothing is returned.</exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);

        var wardCodes = options.WardCodesPath is { } codesPath ? WardCodeFile.Read(codesPath) : null;
        var file = ResultsFile.Read(path, options.Progress);
        var batch = new ImportBatch();
        DefineElection(file, path, current, batch);

        var ballots = new List<(BallotRows Rows, BallotDefinition Definition)>();
        foreach (var council in file.Councils)
        {
            if (!current.Councils.ContainsKey(council.Slug))
            {
                batch.Add(new CouncilDefined(new CouncilDefinition
                {
                    Slug = council.Slug,
                    Name = SlugNames.Readable(council.Slug),

                    // The file carries no council codes (the ward-code file has ward codes only), so the type, which
                    // is read from the code, cannot be known.
                    GssCode = null,
                    Type = CouncilType.Unknown,
                }), new SourceLocation(path, council.Line));
            }

            foreach (var rows in council.Ballots)
            {
                var definition = Define(file, rows, wardCodes);
                if (current.Ballots.TryGetValue(rows.Id, out var existing))
                {
                    EnsureSameBallot(file, rows, existing.Definition, definition);
                }
                else
                {
                    batch.Add(new BallotDefined(definition), new SourceLocation(path, rows.Line));
                }

                ballots.Add((rows, definition));
            }
        }

        Declare(file, path, current, options, ballots, batch);
        foreach (var note in file.SkippedNotes)
        {
            batch.Note(note);
        }

        NoteWardCodes(options.WardCodesPath, wardCodes, ballots, batch);
        return batch;
    }

    private static void DefineElection(ResultsFile file, string path, ElectionState current, ImportBatch batch)
    {
        var id = "local." + file.PollingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (current.Election is null)
        {
            batch.Add(new ElectionDefined(new ElectionInfo
            {
                Id = id,
                Name = "Local elections, " + file.PollingDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                PollingDay = file.PollingDay,
            }), new SourceLocation(path, file.FirstLine));
        }
        else if (current.Election.Id != id)
        {
            throw file.Refuse(file.FirstLine, $"The file's contests belong to election {id}, but the log holds election {current.Election.Id}; one log holds one election.");
        }
    }

    private static BallotDefinition Define(ResultsFile file, BallotRows rows, IReadOnlyDictionary<string, string>? wardCodes)
    {
        var seats = rows.Candidates.Count(c => c.Elected);
        if (seats == 0)
        {
            throw file.Refuse(rows.Line, $"is_winner: no candidate of ballot {rows.Id} is True; the file has no seats column, so the seats up are the winners, and a ballot has at least one.");
        }

        return new BallotDefinition
        {
            Id = rows.Id,
            CouncilSlug = rows.CouncilSlug,
            WardName = SlugNames.Readable(rows.WardSlug),
            WardGssCode = wardCodes?.GetValueOrDefault(rows.Id),
            SeatsUp = seats,
            Candidates = [.. rows.Candidates.Select(c => new Candidate(c.PersonId, c.PersonName, PartyCatalog.Resolve(c.PartyId, c.PartyName)))],
        };
    }

    private static void EnsureSameBallot(ResultsFile file, BallotRows rows, BallotDefinition existing, BallotDefinition read)
    {
        if (existing.SeatsUp != read.SeatsUp || !existing.Candidates.Select(c => c.Id).SequenceEqual(read.Candidates.Select(c => c.Id), StringComparer.Ordinal))
        {
            throw file.Refuse(rows.Line, $"ballot_paper_id: ballot {rows.Id} is already in the log with other seats or candidates ({Plural.Count(existing.SeatsUp, "seat", "seats")}, {Plural.Count(existing.Candidates.Length, "candidate", "candidates")}); the file has {Invariant(read.SeatsUp)} and {Invariant(read.Candidates.Length)}. A changed ballot is not re-imported over the old one.");
        }
    }

    /// <summary>
    /// Declares each ballot. Uncontested ballots (no more candidates than seats) are declared even in a setup-only
    /// import, with null votes: there is no poll, and their result is known at the close of nominations, weeks before
    /// polling day.
    /// </summary>
    private static void Declare(ResultsFile file, string path, ElectionState current, ImportOptions options, List<(BallotRows Rows, BallotDefinition Definition)> ballots, ImportBatch batch)
    {
        var alreadyDeclared = 0;
        var contestedDeclared = 0;
        var withRejected = 0;
        foreach (var (rows, definition) in ballots)
        {
            if (options.SetupOnly && !definition.IsUncontested)
            {
                continue;
            }

            if (current.Ballots.TryGetValue(rows.Id, out var existing) && existing.HasResult)
            {
                // A second import is not the way to correct a result: that is a correction with a reason.
                alreadyDeclared++;
                continue;
            }

            if (definition.IsUncontested)
            {
                batch.Add(new DeclarationRecorded(Uncontested(rows)), new SourceLocation(path, rows.Line));
                continue;
            }

            var declaration = Contested(file, rows, batch);
            batch.Add(new DeclarationRecorded(declaration), new SourceLocation(path, rows.Line));
            contestedDeclared++;
            withRejected += declaration.Rejected is null ? 0 : 1;
        }

        if (contestedDeclared > 0)
        {
            batch.Note($"Rejected ballot papers come from spoilt_ballots, filled for {Invariant(withRejected)} of the {Invariant(contestedDeclared)} contested ballots declared. Ballot papers and electorate are left empty: the file's turnout column mixes percentages and counts, so they come from the ec-wards import (the Electoral Commission's ward sheets).");
        }

        if (alreadyDeclared > 0)
        {
            batch.Note($"Left alone {Plural.Count(alreadyDeclared, "ballot", "ballots")} the log has already declared; a changed result needs a correction with a reason.");
        }
    }

    private static Declaration Uncontested(BallotRows rows) => new()
    {
        BallotId = rows.Id,
        Results = [.. rows.Candidates.Select(c => new CandidateResult { CandidateId = c.PersonId, Votes = null, Elected = c.Elected })],
    };

    private static Declaration Contested(ResultsFile file, BallotRows rows, ImportBatch batch)
    {
        int? rejected = null;
        CandidateRow? rejectedFrom = null;
        foreach (var row in rows.Candidates)
        {
            if (row.Votes is null)
            {
                throw file.Refuse(row.Line, $"ballots_cast: empty, but ballot {rows.Id} is contested ({Plural.Count(rows.Candidates.Count, "candidate", "candidates")} for {Plural.Count(rows.Candidates.Count(c => c.Elected), "seat", "seats")}), so every candidate needs votes.");
            }

            if (row.Spoilt is { } spoilt)
            {
                if (rejectedFrom is not null && spoilt != rejected)
                {
                    throw file.Refuse(row.Line, $"spoilt_ballots: {Invariant(spoilt)} differs from {Invariant(rejected!.Value)} on line {Invariant(rejectedFrom.Line)}; it is the ward's figure, the same on every row of ballot {rows.Id}.");
                }

                rejected = spoilt;
                rejectedFrom ??= row;
            }
        }

        var lotLevel = TieAcrossTheLine(rows);
        if (lotLevel is { } level)
        {
            batch.Note($"Ballot {rows.Id}: the last seat was tied at {level.ToString("N0", CultureInfo.InvariantCulture)} votes. The file has no flag for a tie decided by lot, so the candidates at {level.ToString("N0", CultureInfo.InvariantCulture)} votes on both sides of the line are recorded as decided by lot.");
        }

        return new Declaration
        {
            BallotId = rows.Id,
            Results = [.. rows.Candidates.Select(c => new CandidateResult
            {
                CandidateId = c.PersonId,
                Votes = c.Votes,
                Elected = c.Elected,
                DecidedByLot = c.Votes == lotLevel,
            })],
            Rejected = rejected,
        };
    }

    /// <summary>
    /// The vote level of a tie across the last seat: when the lowest elected candidate has exactly the votes of the
    /// highest candidate not elected, the returning officer drew lots. Null when there is no such tie.
    /// </summary>
    private static int? TieAcrossTheLine(BallotRows rows)
    {
        int? lowestElected = null;
        int? highestNotElected = null;
        foreach (var row in rows.Candidates)
        {
            var votes = row.Votes!.Value;
            if (row.Elected)
            {
                lowestElected = Math.Min(lowestElected ?? int.MaxValue, votes);
            }
            else
            {
                highestNotElected = Math.Max(highestNotElected ?? int.MinValue, votes);
            }
        }

        return lowestElected is not null && lowestElected == highestNotElected ? lowestElected : null;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void NoteWardCodes(string? codesPath, IReadOnlyDictionary<string, string>? wardCodes, List<(BallotRows Rows, BallotDefinition Definition)> ballots, ImportBatch batch)
    {
        if (wardCodes is null)
        {
            return;
        }

        var missing = ballots.Where(b => b.Definition.WardGssCode is null).Select(b => b.Rows.Id).ToList();
        batch.Note(missing.Count == 0
            ? $"Ward codes for all {Invariant(ballots.Count)} ballots come from {codesPath}."
            : $"Ward codes come from {codesPath}, which has none for {Invariant(missing.Count)} of the {Invariant(ballots.Count)} ballots: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : string.Empty)}.");
    }
}
