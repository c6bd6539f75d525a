using System.Collections.Frozen;
using System.Globalization;

namespace Tallyroom.Importers.DemocracyClub;

/// <summary>
/// Turns a Democracy Club slug back into a name a reader can take, for sources (like the results CSV) that carry
/// only slugs: each word capitalised, except the small words of English place names after the first word, so
/// <c>kingston-upon-thames</c> becomes "Kingston upon Thames". Punctuation the slug dropped (apostrophes, commas,
/// ampersands) cannot come back. Thread-safe.
/// </summary>
internal static class SlugNames
{
    private static readonly FrozenSet<string> SmallWords = FrozenSet.ToFrozenSet(
        ["and", "at", "by", "cum", "de", "en", "in", "la", "le", "next", "of", "on", "super", "the", "under", "upon", "with"],
        StringComparer.Ordinal);

    /// <summary>The readable name for a slug, e.g. <c>newcastle-under-lyme</c> gives "Newcastle under Lyme".</summary>
    public static string Readable(string slug)
    {
        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && SmallWords.Contains(words[i]))
            {
                continue;
            }

            words[i] = char.ToUpper(words[i][0], CultureInfo.InvariantCulture) + words[i][1..];
        }

        return string.Join(' ', words);
    }
}
