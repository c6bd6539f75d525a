using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tallyroom.Core;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers;

/// <summary>What a pairing of two keys for one local party rests on, strongest first.</summary>
internal enum LocalPartyRule
{
    /// <summary>Both sides give the party the same name, as <see cref="Slug.ForMatching"/> has it.</summary>
    SameName,

    /// <summary>
    /// One side knows the party only by Andrew Teale's LEAP label, and the label abbreviates the other side's name
    /// (see <see cref="LocalPartyMatching.Abbreviates"/>).
    /// </summary>
    Abbreviation,

    /// <summary>
    /// After the other rules, one seat-holding local party is left on one side and one local party on the other; where
    /// wards are known, one local party left that stands now in a ward the first won then. Never two register ids: they
    /// are two registered parties, whereas this rule is for one party that a source knows only by a label or a name.
    /// </summary>
    OnlyOneOnEachSide,
}

/// <summary>One local party known by two keys: <paramref name="From"/> is counted as <paramref name="To"/>. Immutable.</summary>
/// <param name="From">The party as the source being read keys it (e.g. <c>label:ciip</c>).</param>
/// <param name="To">The same party as the election in the log keys it (e.g. <c>PP381</c>).</param>
/// <param name="Rule">The evidence.</param>
internal sealed record LocalPartyPairing(Party From, Party To, LocalPartyRule Rule)
{
    /// <summary>"CIIP (label:ciip) as Canvey Island Independent Party (PP381): the LEAP label abbreviates its name".</summary>
    public string Describe() => $"{From.Name} ({From.Id}) as {To.Name} ({To.Id}): {Why}";

    /// <summary>The evidence in words.</summary>
    public string Why => Rule switch
    {
        LocalPartyRule.SameName => "the same name",
        LocalPartyRule.Abbreviation => $"the LEAP label {From.Name} abbreviates its name",
        _ => "the one seat-holding local party left, and the one local party left standing now where it won then",
    };
}

/// <summary>What <see cref="LocalPartyMatching.Pair"/> found: the pairings, and the local parties it left alone. Immutable.</summary>
/// <param name="Pairings">The pairings, in the order the rules made them.</param>
/// <param name="UnpairedHoldingSeats">Seat-holding parties of the first side left unpaired, by id.</param>
/// <param name="UnpairedTo">Parties of the second side left unpaired, by id.</param>
internal sealed record LocalPartyMatch(ImmutableArray<LocalPartyPairing> Pairings, ImmutableArray<Party> UnpairedHoldingSeats, ImmutableArray<Party> UnpairedTo)
{
    /// <summary>No pairing, nothing left.</summary>
    public static LocalPartyMatch None { get; } = new([], [], []);

    /// <summary>The party <paramref name="party"/> counts as: its pairing's other key, else itself.</summary>
    public Party Map(Party party) => Pairings.FirstOrDefault(p => p.From.Id == party.Id)?.To ?? party;
}

/// <summary>
/// Pairs the two keys one local party (a residents' association, a local or minor party) gets in two sources: a
/// register id from Democracy Club or Open Council Data, a <c>label:&lt;code&gt;</c> from LEAP, a
/// <c>name:&lt;slug&gt;</c> from the GLA. The six parties every table names are never paired: they have one key
/// everywhere, and Independent is a group of contestants, not a party a local group could be. A pairing is made only
/// when the evidence singles out one party on each side; anything else is left as it is, for the caller to note.
/// Names are compared whole, within one council: several residents' groups share words with each other and with
/// national parties, so a shared word is never enough. Thread-safe.
/// </summary>
internal static class LocalPartyMatching
{
    // Small words a party's name can carry that no label abbreviates ("Old Swan Against the Cuts" is OSAC).
    private static readonly ImmutableHashSet<string> SmallWords = ImmutableHashSet.Create(StringComparer.Ordinal, "and", "of", "the", "for", "in", "on", "at", "a", "to");

    // Words that end local parties' names without telling them apart, which a label may leave out ("Lib" for The
    // Liberal Party, "Werr'ton" for Werrington First). Any other word left out means the label may stand for another
    // party: LEAP's "Comm" could be the Communist Party of Britain as well as the Communist League.
    private static readonly ImmutableHashSet<string> GenericWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "party", "residents", "resident", "association", "independents", "independent", "group", "first", "society", "uk", "alliance");

    /// <summary>True for a party outside the six every table names.</summary>
    public static bool IsLocal(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return PartyCatalog.Canonical.All(c => c.Id != party.Id);
    }

    /// <summary>
    /// Pairs the local parties of <paramref name="from"/> (the source being read) with those of <paramref name="to"/>
    /// (the election in the log), applying <paramref name="rules"/> in order; each rule pairs only what it singles
    /// out both ways (one candidate for a party, and that candidate claimed by no other). Parties with the same id on
    /// both sides need no pairing and are left out of both sides first.
    /// </summary>
    /// <param name="from">The first side's parties; duplicates and the six canonical parties are ignored.</param>
    /// <param name="to">The second side's parties; duplicates and the six canonical parties are ignored.</param>
    /// <param name="holdsSeats">Which first-side parties hold (or defend) seats: only they can be paired by <see cref="LocalPartyRule.OnlyOneOnEachSide"/>, and only they are reported unpaired.</param>
    /// <param name="rules">The rules to apply, in order.</param>
    /// <param name="together">
    /// For <see cref="LocalPartyRule.OnlyOneOnEachSide"/>: whether the second party stands now in a ward the first won
    /// then; the rule then needs one such party left rather than one left in all. Null when the caller has no wards.
    /// </param>
    public static LocalPartyMatch Pair(IEnumerable<Party> from, IEnumerable<Party> to, Func<Party, bool> holdsSeats, IReadOnlyList<LocalPartyRule> rules, Func<Party, Party, bool>? together = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(holdsSeats);
        ArgumentNullException.ThrowIfNull(rules);
        var first = from.Where(IsLocal).DistinctBy(p => p.Id).ToList();
        var second = to.Where(IsLocal).DistinctBy(p => p.Id).ToList();
        var left = first.Where(f => second.All(t => t.Id != f.Id)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var right = second.Where(t => first.All(f => f.Id != t.Id)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var pairings = new List<LocalPartyPairing>();
        foreach (var rule in rules)
        {
            var found = rule == LocalPartyRule.OnlyOneOnEachSide ? OnlyOne(left, right, holdsSeats, together) : Mutual(left, right, rule);
            foreach (var pairing in found)
            {
                pairings.Add(pairing);
                left.Remove(pairing.From);
                right.Remove(pairing.To);
            }
        }

        return new LocalPartyMatch([.. pairings], [.. left.Where(holdsSeats)], [.. right]);
    }

    /// <summary>
    /// True when a LEAP label abbreviates a party's name the way Teale writes labels: the label splits into segments,
    /// a new one at each capital letter ("NorkRA" is Nork, R, A; "TUSC" is T, U, S, C; "Werr'ton" is one), and each
    /// segment, in order, stands for the next significant word of the name, starting with the first: it begins with
    /// the word's first letter and its letters occur in the word in order ("Tatts" for Tattenhams). Words after the
    /// last segment may go unabbreviated only when they are generic (Party, Residents, Association, Independents,
    /// Group, First, Society, UK, Alliance), or when the label is the name's first word in full, as place-name labels
    /// are ("Esher" for Esher Residents Association, "Hersham" for Hersham Village Society). Small words (and, of,
    /// the, …) are skipped, and a name registered as "X - Y" is tried whole and as each part.
    /// </summary>
    internal static bool Abbreviates(string label, string name)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(name);
        var segments = Segments(label);
        if (segments.Count == 0)
        {
            return false;
        }

        return name.Split(" - ", StringSplitOptions.RemoveEmptyEntries).Prepend(name).Distinct(StringComparer.Ordinal)
            .Select(Words)
            .Any(words => words.Count >= segments.Count
                && segments.Select((s, i) => Stands(s, words[i])).All(b => b)
                && (words.Skip(segments.Count).All(GenericWords.Contains) || (segments.Count == 1 && segments[0] == words[0])));
    }

    private static List<LocalPartyPairing> Mutual(List<Party> left, List<Party> right, LocalPartyRule rule)
    {
        Func<Party, Party, bool> fits = rule == LocalPartyRule.SameName
            ? (f, t) => Slug.ForMatching(f.Name) == Slug.ForMatching(t.Name)
            : (f, t) => f.Id.StartsWith("label:", StringComparison.Ordinal) && Abbreviates(f.Name, t.Name);
        var found = new List<LocalPartyPairing>();
        foreach (var f in left)
        {
            var candidates = right.Where(t => fits(f, t)).ToList();
            if (candidates.Count == 1 && left.Count(other => fits(other, candidates[0])) == 1)
            {
                found.Add(new LocalPartyPairing(f, candidates[0], rule));
            }
        }

        return found;
    }

    private static List<LocalPartyPairing> OnlyOne(List<Party> left, List<Party> right, Func<Party, bool> holdsSeats, Func<Party, Party, bool>? together)
    {
        var holding = left.Where(holdsSeats).ToList();
        if (holding.Count != 1)
        {
            return [];
        }

        // Two register ids are two registered parties: only a label or a name can be another source's key for one.
        var meeting = right.Where(t => !(Registered(holding[0]) && Registered(t)) && (together?.Invoke(holding[0], t) ?? true)).ToList();
        return meeting.Count == 1 ? [new LocalPartyPairing(holding[0], meeting[0], LocalPartyRule.OnlyOneOnEachSide)] : [];
    }

    private static bool Registered(Party party) =>
        !party.Id.StartsWith("label:", StringComparison.Ordinal) && !party.Id.StartsWith("name:", StringComparison.Ordinal);

    private static bool Stands(string segment, string word)
    {
        if (segment[0] != word[0])
        {
            return false;
        }

        var at = 0;
        foreach (var c in segment)
        {
            at = word.IndexOf(c, at);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static List<string> Segments(string label)
    {
        var segments = new List<StringBuilder>();
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            if (!char.IsAscii(c) || !char.IsLetterOrDigit(c))
            {
                continue;
            }

            if (char.IsUpper(c) || segments.Count == 0)
            {
                segments.Add(new StringBuilder());
            }

            segments[^1].Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return [.. segments.Select(s => s.ToString())];
    }

    private static List<string> Words(string name) =>
        [.. Slug.Make(name.Replace("&", " and ", StringComparison.Ordinal).Replace('/', ' ')).Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w))];
}
