using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// Who a vote share belongs to: a party, or one independent candidate, since each independent is a contestant of
/// their own (seat totals group them, shares in a ward do not). Immutable.
/// </summary>
/// <param name="Id">The party's id, or <c>IND:</c> and the candidate's name as a matching slug for an independent.</param>
/// <param name="Name">The party's name, or the independent candidate's name.</param>
/// <param name="Party">The party seats are counted for (<see cref="PartyCatalog.Independent"/> for an independent).</param>
public sealed record Contestant(string Id, string Name, Party Party)
{
    /// <summary>True for an independent candidate standing as a contestant of their own.</summary>
    public bool IsIndependent => Party.Id == PartyCatalog.Independent.Id;

    /// <summary>A party as one contestant (all its candidates together). Used for aggregates, where independents are grouped.</summary>
    public static Contestant ForParty(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new Contestant(party.Id, party.Name, party);
    }

    /// <summary>
    /// The contestant a candidate stands for in a ward: the party, or for an independent the candidate in person.
    /// Independents are matched across years by name (its letters and digits, ignoring case), the only key both years
    /// share; a spelling that differs makes the later one "new", never a wrong match with another person.
    /// </summary>
    public static Contestant ForCandidate(Party party, string candidateName)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(candidateName);
        return party.Id == PartyCatalog.Independent.Id ? new Contestant(KeyOf(party, candidateName), candidateName, party) : ForParty(party);
    }

    /// <summary>The <see cref="Id"/> a candidate's votes count for, without building the contestant.</summary>
    internal static string KeyOf(Party party, string candidateName)
    {
        if (party.Id != PartyCatalog.Independent.Id)
        {
            return party.Id;
        }

        Span<char> letters = candidateName.Length <= 256 ? stackalloc char[candidateName.Length] : new char[candidateName.Length];
        var length = 0;
        foreach (var c in candidateName)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters[length++] = char.ToLowerInvariant(c);
            }
        }

        return string.Concat("IND:", letters[..length]);
    }
}
