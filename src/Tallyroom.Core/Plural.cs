using System.Globalization;

namespace Tallyroom.Core;

/// <summary>
/// A count with its noun agreeing, "1 ward" and "3 wards", for text shown to readers, editors and API users, which
/// should not print "ward(s)". The caller gives both forms, since English plurals are not regular ("party",
/// "parties"). Always the invariant culture. Pure; thread-safe.
/// </summary>
public static class Plural
{
    /// <summary>The count and the noun: <c>Count(1, "ward", "wards")</c> is "1 ward"; 0 and 2 take "wards".</summary>
    public static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + Noun(n, one, many);

    /// <summary>
    /// The noun (or verb) alone that agrees with <paramref name="n"/>: <paramref name="one"/> for exactly 1, else
    /// <paramref name="many"/>; for a count printed elsewhere or in another format, e.g. with thousands separators.
    /// </summary>
    public static string Noun(int n, string one, string many) => n == 1 ? one : many;
}
