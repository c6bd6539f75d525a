using System.Globalization;
using System.Text;

namespace Tallyroom.Core;

/// <summary>Makes identifier slugs the way Democracy Club does. Thread-safe.</summary>
public static class Slug
{
    /// <summary>
    /// ASCII-folds the text, drops every character other than letters, digits, white space and hyphens, lower-cases it
    /// and collapses runs of white space and hyphens into one hyphen (trimmed at both ends). Line breaks count as white
    /// space: names in spreadsheet exports wrap over lines. "Edgeley &amp; Cheadle Heath"
    /// becomes <c>edgeley-cheadle-heath</c>.
    /// </summary>
    public static string Make(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (!char.IsAscii(c) || !char.IsLetterOrDigit(c))
            {
                // Accents split off by FormD and punctuation both go; a dropped character does not separate words.
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Compares names loosely for joining sources by name: the slug, with "and" and "&amp;" treated alike.</summary>
    public static string ForMatching(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = Make(name.Replace("&", " and ", StringComparison.Ordinal));
        return string.Join('-', slug.Split('-').Where(w => w is not "and" and not "the"));
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
