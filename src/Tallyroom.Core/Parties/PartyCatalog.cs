using System.Collections.Frozen;

namespace Tallyroom.Core.Parties;

/// <summary>
/// Resolves what a results source says about a candidate's party to the <see cref="Party"/> that seats are counted for.
/// Register ids win over names, because matching on names is wrong (several residents' groups have "Green" in their
/// name). Names are used only as exact, known aliases, for sources that leave the register id out. Thread-safe.
/// </summary>
public static class PartyCatalog
{
    /// <summary>The Conservative and Unionist Party (PP52).</summary>
    public static readonly Party Conservative = new("PP52", "Conservative");

    /// <summary>The Labour Party (PP53); joint Labour and Co-operative candidates count as Labour.</summary>
    public static readonly Party Labour = new("PP53", "Labour");

    /// <summary>The Liberal Democrats (PP90).</summary>
    public static readonly Party LiberalDemocrats = new("PP90", "Liberal Democrats");

    /// <summary>The Green Party of England and Wales (PP63).</summary>
    public static readonly Party Green = new("PP63", "Green");

    /// <summary>The UK Independence Party (PP85).</summary>
    public static readonly Party Ukip = new("PP85", "UKIP");

    /// <summary>Independent candidates: each is a contestant of their own, but seat totals group them.</summary>
    public static readonly Party Independent = new("IND", "Independent");

    private static readonly FrozenDictionary<string, Party> ByRegisterId = new Dictionary<string, Party>(StringComparer.OrdinalIgnoreCase)
    {
        ["PP52"] = Conservative,
        ["PP53"] = Labour,
        ["PP119"] = Labour, // Co-operative Party: stands jointly as "Labour and Co-operative"
        ["joint-party:53-119"] = Labour,
        ["PP90"] = LiberalDemocrats,
        ["PP63"] = Green,
        ["PP85"] = Ukip,
        ["ynmp-party:2"] = Independent,
        ["IND"] = Independent,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Party> ByExactName = new Dictionary<string, Party>(StringComparer.OrdinalIgnoreCase)
    {
        ["Conservative and Unionist Party"] = Conservative,
        ["Conservative Party"] = Conservative,
        ["Conservative"] = Conservative,
        ["Labour Party"] = Labour,
        ["Labour"] = Labour,
        ["Labour and Co-operative Party"] = Labour,
        ["Labour and Co-operative"] = Labour,
        ["Labour Co-operative"] = Labour,
        ["Liberal Democrats"] = LiberalDemocrats,
        ["Liberal Democrat"] = LiberalDemocrats,
        ["Green Party"] = Green,
        ["UK Independence Party (UKIP)"] = Ukip,
        ["UK Independence Party"] = Ukip,
        ["Independent"] = Independent,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The parties that every election's tables know by name.</summary>
    public static IReadOnlyList<Party> Canonical { get; } = [Conservative, Labour, LiberalDemocrats, Green, Ukip, Independent];

    /// <summary>
    /// Resolves a source's register id and party name. A known register id or alias maps to its canonical party; any
    /// other register id is kept with the source's name; with no id, an exact known name maps to its party, a blank
    /// name to <see cref="Independent"/>, and any other name to a party of its own keyed on the name.
    /// </summary>
    public static Party Resolve(string? registerId, string? name)
    {
        var id = registerId?.Trim();
        var label = name?.Trim();
        if (!string.IsNullOrEmpty(id))
        {
            if (ByRegisterId.TryGetValue(id, out var known))
            {
                return known;
            }

            return new Party(id.ToUpperInvariant(), string.IsNullOrEmpty(label) ? id : label);
        }

        if (string.IsNullOrEmpty(label))
        {
            return Independent;
        }

        return ByExactName.TryGetValue(label, out var named) ? named : new Party("name:" + Slug.Make(label), label);
    }

    /// <summary>Finds a canonical party by its id or its canonical name, as a user types it; null if none.</summary>
    public static Party? FindCanonical(string idOrName) =>
        Canonical.FirstOrDefault(p =>
            string.Equals(p.Id, idOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
