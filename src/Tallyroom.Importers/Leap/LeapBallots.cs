using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;

namespace Tallyroom.Importers.Leap;

/// <summary>A ward contest ready to emit: its ballot, its declaration and the row it starts on. Immutable.</summary>
internal sealed record LeapBallot(LeapCouncil Council, BallotDefinition Definition, Declaration Declaration, SourceLocation Where);

/// <summary>Turns a ward's rows into a ballot and its declaration. Thread-safe.</summary>
internal static class LeapBallots
{
    /// <summary>
    /// Builds the ballot <c>local.&lt;council&gt;.&lt;ward&gt;.&lt;date&gt;</c>. Throws
    /// <see cref="MalformedInputException"/> when no row is flagged elected (the seats up cannot be known), when an
    /// uncontested ward gives votes, or when a contested ward leaves votes blank.
    /// </summary>
    public static LeapBallot Build(string path, LeapCouncil council, LeapWard ward, string date, ImportBatch batch)
    {
        var id = $"local.{Slug.Make(council.Name)}.{Slug.Make(ward.Name)}.{date}";
        var rows = ward.Rows;
        var seats = rows.Count(r => r.Elected);
        if (seats == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, ward.FirstLine),
                $"elected_flag: no candidate of ward '{ward.Name}' ({council.Name}) is flagged 1; LEAP gives a ward's seats up only by its elected rows, so they cannot be known.");
        }

        var uncontested = rows.Count <= seats;
        CheckVotes(path, council, ward, seats, uncontested);
        var ids = CandidateIds(id, rows, batch);
        var lot = uncontested ? [] : TiedAtTheLine(id, rows, batch);
        var definition = new BallotDefinition
        {
            Id = id,
            CouncilSlug = Slug.Make(council.Name),
            WardName = ward.Name,
            WardGssCode = ward.GssCode,
            SeatsUp = seats,
            Candidates = [.. rows.Select((r, i) => new Candidate(ids[i], r.Name, LeapParties.Resolve(r.Party)))],
        };
        var declaration = new Declaration
        {
            BallotId = id,
            Results = [.. rows.Select((r, i) => new CandidateResult
            {
                CandidateId = ids[i],
                Votes = uncontested ? null : r.Votes,
                Elected = r.Elected,
                DecidedByLot = lot.Contains(i),
            })],
        };
        if (uncontested)
        {
            batch.Note(FormattableString.Invariant(
                $"{id}: uncontested ({Plural.Count(rows.Count, "candidate", "candidates")} for {Plural.Count(seats, "seat", "seats")}), so elected without a poll and declared with no votes (the file gives {(rows.All(r => r.Votes is 0) ? "0" : "0 or blank")})."));
        }

        return new LeapBallot(council, definition, declaration, new SourceLocation(path, ward.FirstLine));
    }

    private static void CheckVotes(string path, LeapCouncil council, LeapWard ward, int seats, bool uncontested)
    {
        foreach (var row in ward.Rows)
        {
            if (uncontested && row.Votes is > 0)
            {
                throw new MalformedInputException(new SourceLocation(path, row.Line), string.Create(CultureInfo.InvariantCulture,
                    $"votes '{row.Votes}': ward '{ward.Name}' ({council.Name}) is uncontested ({Plural.Count(ward.Rows.Count, "candidate", "candidates")} for {Plural.Count(seats, "seat", "seats")}), so no poll was held; its votes must be 0 or blank."));
            }

            if (!uncontested && row.Votes is null)
            {
                throw new MalformedInputException(new SourceLocation(path, row.Line),
                    $"votes is blank; only an uncontested ward (no more candidates than seats) may leave votes blank, and ward '{ward.Name}' ({council.Name}) is contested.");
            }
        }
    }

    private static string[] CandidateIds(string ballotId, List<LeapCandidateRow> rows, ImportBatch batch)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ids = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var stem = Slug.Make(rows[i].Name);
            stem = stem.Length == 0 ? "candidate" : stem;
            var candidateId = stem;
            for (var n = 2; !used.Add(candidateId); n++)
            {
                candidateId = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            }

            if (candidateId != stem)
            {
                batch.Note(FormattableString.Invariant(
                    $"line {rows[i].Line}: {ballotId}: a candidate named '{rows[i].Name}' makes the id '{stem}', which another candidate of the ward already has; this one is '{candidateId}'."));
            }

            ids[i] = candidateId;
        }

        return ids;
    }

    // LEAP has no lot flag. A tie across the line is the only case where the elected flags alone are consistent
    // with the votes only by lot, so every candidate at that level on both sides is marked; the rules then accept it.
    private static HashSet<int> TiedAtTheLine(string ballotId, List<LeapCandidateRow> rows, ImportBatch batch)
    {
        var lowestElected = rows.Where(r => r.Elected).Min(r => r.Votes);
        var highestNotElected = rows.Where(r => !r.Elected).Max(r => r.Votes);
        if (lowestElected is not { } level || lowestElected != highestNotElected)
        {
            return [];
        }

        var tied = Enumerable.Range(0, rows.Count).Where(i => rows[i].Votes == level).ToHashSet();
        var elected = string.Join(", ", tied.Where(i => rows[i].Elected).Select(i => rows[i].Name));
        var notElected = string.Join(", ", tied.Where(i => !rows[i].Elected).Select(i => rows[i].Name));
        batch.Note(FormattableString.Invariant(
            $"{ballotId}: tie for the last seat at {level} votes (elected: {elected}; not elected: {notElected}); LEAP has no lot flag, so these candidates are marked decided by lot."));
        return tied;
    }
}
