using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Results.Pages;

/// <summary>
/// How pages print numbers. Always the invariant culture: a server set to another culture must not print "34,3%" or
/// write a comma into an SVG coordinate.
/// </summary>
internal static class PageFormat
{
    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A change as the scoreboard prints it: "+31", "-1", "0".</summary>
    public static string Sign(int change) => ScoreboardText.WithSign(change);

    public static string Percent(double percent) => AnalysisText.Percent(percent);

    /// <summary>A length or coordinate for an SVG attribute.</summary>
    public static string Svg(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"1 ward", "1,234 wards": a count with thousands separators and its noun agreeing.</summary>
    public static string Count(int n, string one, string many) => Number(n) + " " + Plural.Noun(n, one, many);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The class that gives a party its colour (see site.css). Only the national parties have colours of their own;
    /// a chart with a colour for each of 200 residents' groups would be unreadable, so the rest share one.
    /// </summary>
    public static string PartyClass(Party party) => PartyClass(party.Id);

    public static string PartyClass(string partyId) => partyId switch
    {
        "PP52" => "p-con",
        "PP53" => "p-lab",
        "PP90" => "p-ld",
        "PP63" => "p-grn",
        "PP85" => "p-ukip",
        "IND" => "p-ind",
        _ => "p-oth",
    };
}
