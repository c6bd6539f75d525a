using System.Globalization;
using Tallyroom.Core.Elections;

namespace Tallyroom.Results.Pages;

/// <summary>
/// Links between pages. A page shown "as at" a revision links to the other pages as at the same revision, so a reader
/// looking at 4am can move around the night as it stood at 4am.
/// </summary>
internal static class PageLinks
{
    public static string To(string path, long? at) => at is null
        ? path
        : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "at=" + at.Value.ToString(CultureInfo.InvariantCulture);

    public static string Council(string slug, long? at) => To("/councils/" + Uri.EscapeDataString(slug), at);

    public static string Ballot(string ballotId, long? at) => To("/ballots/" + Uri.EscapeDataString(ballotId), at);

    public static string Party(string partyId, long? at) => To("/parties/" + Uri.EscapeDataString(partyId), at);

    /// <summary>The councils list with a filter and an order; the defaults (all, by name) are left out of the link.</summary>
    public static string Councils(string? status, string sort, long? at)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        if (sort != CouncilFilters.Name)
        {
            query.Add("sort=" + Uri.EscapeDataString(sort));
        }

        return To(query.Count == 0 ? "/councils" : "/councils?" + string.Join('&', query), at);
    }

    public static string TypeName(CouncilType type) => type switch
    {
        CouncilType.LondonBorough => "London borough",
        CouncilType.MetropolitanBorough => "Metropolitan borough",
        CouncilType.Unitary => "Unitary authority",
        CouncilType.District => "District council",
        CouncilType.County => "County council",
        _ => "Council",
    };
}
