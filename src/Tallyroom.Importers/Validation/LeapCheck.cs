using System.Collections.Frozen;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Validation;

/// <summary>One candidate of a ballot as LEAP gives it. Immutable.</summary>
/// <param name="Name">The name as LEAP writes it.</param>
/// <param name="Party">The party (register parties by id, other parties by their LEAP label).</param>
/// <param name="Votes">Votes; null when the ward was uncontested.</param>
/// <param name="Elected">Whether LEAP has the candidate elected.</param>
internal sealed record LeapCandidate(string Name, Party Party, int? Votes, bool Elected);

/// <summary>
/// The results of every ballot in Andrew Teale's LEAP file of the same polling day, an independent record of the
/// results, paired with our ballots: by ballot id, else by ward code, else by ward name within the council. The
/// countermanded polls are read with the later poll's result that LEAP lists in their place. Immutable.
/// </summary>
internal sealed class LeapCheck
{
    private readonly Dictionary<string, IReadOnlyList<LeapCandidate>> byOurBallot;

    private LeapCheck(Dictionary<string, IReadOnlyList<LeapCandidate>> byOurBallot) => this.byOurBallot = byOurBallot;

    /// <summary>Reads <paramref name="path"/> and pairs its ballots with those of <paramref name="ours"/>.</summary>
    /// <exception cref="MalformedInputException">The LEAP file breaks a rule of the <c>leap</c> format.</exception>
    public static LeapCheck Read(string path, ElectionState ours)
    {
        // No poll is treated as countermanded here: LEAP's rows for them are the later polls' results, which is what
        // the snapshot after the election shows.
        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), new LeapOptions { PostponedBallotIds = FrozenSet<string>.Empty });
        var leap = ResultsEngine.Fold(ElectionState.Empty, batch.Events);
        var paired = new Dictionary<string, IReadOnlyList<LeapCandidate>>(StringComparer.Ordinal);
        foreach (var council in ours.Councils.Values)
        {
            var slug = council.Definition.Slug;
            if (!leap.Councils.TryGetValue(slug, out var theirs) && !leap.Councils.TryGetValue(slug.Replace("city-of-", string.Empty, StringComparison.Ordinal), out theirs))
            {
                continue;
            }

            var candidates = theirs.BallotIds.Select(id => leap.Ballots[id]).ToList();
            foreach (var ballot in council.BallotIds.Select(id => ours.Ballots[id].Definition))
            {
                var match = candidates.SingleOrDefault(b => Ward(b.Definition.Id) == Ward(ballot.Id))
                    ?? candidates.SingleOrDefault(b => b.Definition.WardGssCode is not null && b.Definition.WardGssCode == ballot.WardGssCode)
                    ?? candidates.SingleOrDefault(b => Slug.ForMatching(b.Definition.WardName) == Slug.ForMatching(ballot.WardName));
                if (match?.Declaration is { } declaration)
                {
                    paired[ballot.Id] = [.. declaration.Results.Select(r => (Result: r, Candidate: match.Definition.FindCandidate(r.CandidateId)!)).Select(p => new LeapCandidate(p.Candidate.Name, p.Candidate.Party, p.Result.Votes, p.Result.Elected))];
                }
            }
        }

        return new LeapCheck(paired);
    }

    /// <summary>LEAP's candidates for our ballot, with votes and who was elected; null when LEAP has no ballot paired with it.</summary>
    public IReadOnlyList<LeapCandidate>? Of(string ballotId) => byOurBallot.GetValueOrDefault(ballotId);

    /// <summary>
    /// True when LEAP gives the ballot's seats to other parties than <paramref name="ours"/> does, parties compared as
    /// the six every table names plus one group for the rest (LEAP keys local parties by label, we by register id).
    /// </summary>
    public bool DisagreesWith(BallotDefinition ballot, IEnumerable<Party> ours)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return Of(ballot.Id) is { } theirs && !Grouped(theirs.Where(c => c.Elected).Select(c => c.Party)).SequenceEqual(Grouped(ours));
    }

    private static string Ward(string ballotId) => ballotId.Split('.')[2];

    private static List<string> Grouped(IEnumerable<Party> parties) =>
        [.. parties.Select(p => LocalPartyMatching.IsLocal(p) ? "other" : p.Id).Order(StringComparer.Ordinal)];
}
