using System.Collections.Frozen;
using Tallyroom.Core;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Leap;

/// <summary>
/// Andrew Teale's party short codes. LEAP has no Electoral Commission ids, only his codes, so the six that stand for a
/// register party everywhere map to it; every other code is a local label (a residents' association, a local party)
/// and counts as a party of its own, never as one of the six. Thread-safe.
/// </summary>
internal static class LeapParties
{
    // Case matters: Teale's codes are written one way throughout, and "LAB" or "c" would be someone else's label.
    private static readonly FrozenDictionary<string, Party> Known = new Dictionary<string, Party>(StringComparer.Ordinal)
    {
        ["C"] = PartyCatalog.Conservative,
        ["Lab"] = PartyCatalog.Labour, // LEAP already files Labour and Co-operative candidates under "Lab".
        ["LD"] = PartyCatalog.LiberalDemocrats,
        ["Grn"] = PartyCatalog.Green,
        ["UKIP"] = PartyCatalog.Ukip,
        ["Ind"] = PartyCatalog.Independent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The party a LEAP short code stands for; an unknown code is <c>label:&lt;slug&gt;</c>, named by the code.</summary>
    public static Party Resolve(string code) =>
        Known.TryGetValue(code, out var party) ? party : new Party("label:" + Slug.Make(code), code);
}
