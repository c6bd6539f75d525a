using System.Collections.Frozen;
using Tallyroom.Core;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>Where a council of the election was found in an Open Council Data file. Immutable.</summary>
/// <param name="Name">The council as the file names it.</param>
/// <param name="ByKnownDifference">True when found through <see cref="CouncilNames.KnownDifferences"/>, not by name.</param>
internal sealed record CouncilMatch(string Name, bool ByKnownDifference);

/// <summary>
/// Finds the councils of the election (Democracy Club organisation slugs such as <c>newcastle-upon-tyne</c>) among
/// the council names of an Open Council Data file. Never guesses: a council found nowhere, or found twice, is
/// refused. Thread-safe.
/// </summary>
internal static class CouncilNames
{
    /// <summary>
    /// The councils whose Democracy Club slug and Open Council Data name differ by more than
    /// <see cref="Slug.ForMatching"/> absorbs (case, punctuation such as "St. Helens" and "Newcastle-under-Lyme",
    /// "&amp;" for "and", a leading "the"), found by matching the 150 councils of 3 May 2018 against both files.
    /// Democracy Club names Lincoln after its corporate name, "City of Lincoln Council"; Open Council Data calls it
    /// "Lincoln". Kingston upon Hull, the other council whose formal name is "… City Council", is "Kingston upon
    /// Hull" in both.
    /// </summary>
    public static FrozenDictionary<string, string> KnownDifferences { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["city-of-lincoln"] = "Lincoln",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Matches every slug to one of <paramref name="names"/>: first by <see cref="Slug.ForMatching"/>, then through
    /// <see cref="KnownDifferences"/>. Throws <see cref="MalformedInputException"/> at <paramref name="where"/>
    /// naming every council that matches no name, or more than one.
    /// </summary>
    public static Dictionary<string, CouncilMatch> Match(IEnumerable<string> slugs, IEnumerable<string> names, SourceLocation where, string fileKind)
    {
        var byKey = names.Distinct(StringComparer.Ordinal).ToLookup(Slug.ForMatching, StringComparer.Ordinal);
        var matches = new Dictionary<string, CouncilMatch>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var ambiguous = new List<string>();
        foreach (var slug in slugs.Order(StringComparer.Ordinal))
        {
            var found = byKey[Slug.ForMatching(slug)].ToList();
            var known = false;
            if (found.Count == 0 && KnownDifferences.TryGetValue(slug, out var name))
            {
                found = byKey[Slug.ForMatching(name)].Where(n => n == name).ToList();
                known = true;
            }

            switch (found.Count)
            {
                case 1:
                    matches[slug] = new CouncilMatch(found[0], known);
                    break;
                case 0:
                    unmatched.Add(slug);
                    break;
                default:
                    ambiguous.Add($"{slug} ({string.Join(", ", found.Select(n => $"'{n}'"))})");
                    break;
            }
        }

        if (unmatched.Count > 0 || ambiguous.Count > 0)
        {
            var problems = new List<string>();
            if (unmatched.Count > 0)
            {
                problems.Add($"no council named like {string.Join(", ", unmatched)}");
            }

            if (ambiguous.Count > 0)
            {
                problems.Add($"more than one council named like {string.Join("; ", ambiguous)}");
            }

            throw new MalformedInputException(where,
                $"the {fileKind} has {string.Join(", and ", problems)}. Every council of the election needs exactly one: names are compared as Slug.ForMatching has them, and the known differences are {string.Join(", ", KnownDifferences.Select(k => $"{k.Key} = '{k.Value}'"))}; a council is never guessed.");
        }

        return matches;
    }
}
