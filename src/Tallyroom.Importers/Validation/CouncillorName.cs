using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Tallyroom.Importers.Validation;

/// <summary>How closely two names must agree to be taken for one councillor, strictest first.</summary>
internal enum NameAgreement
{
    /// <summary>The same words in the same order.</summary>
    Exact,

    /// <summary>
    /// The same surname and the same forename, other names aside ("Anthony Harvey Finn" and "Anthony Finn BSc FCA"), a
    /// common short form standing for its full form ("Chris Moorby" and "Robert Christopher MOORBY").
    /// </summary>
    Forename,

    /// <summary>The same surname and forenames starting alike ("Dave Wood" and "David Leslie Wood", "B. A. Stead" and "Brian Stead").</summary>
    Initial,
}

/// <summary>
/// A councillor's name reduced to the words that identify them, so that the same person can be found in sources
/// that write names differently: Democracy Club gives every forename ("Wilhelmina Calista Mitchell-Murray"), Open
/// Council Data titles, honours and sometimes surname first ("Johnson, Wayne", "Cllr Dr. Simon Peaple", "Sally Neville
/// B.Sc"). Immutable.
/// </summary>
internal sealed record CouncillorName
{
    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "rev", "revd", "reverend", "lord", "lady", "prof", "professor", "baroness", "baron"],
        StringComparer.Ordinal);

    // Honours and degrees written after a name in Open Council Data's rosters, found by listing the trailing words of
    // every name in its 2017 and 2018 files. Only trailing words are dropped, and only these: a surname written in
    // capitals (MOORBY) is still a surname.
    private static readonly FrozenSet<string> PostNominals = FrozenSet.ToFrozenSet(
        [
            "mbe", "obe", "cbe", "bem", "kbe", "dbe", "cvo", "mvo", "jp", "dl", "qc", "kc", "td", "qpm", "qfsm", "qvrm", "mp", "mep", "cc", "cb",
            "ba", "ma", "bsc", "msc", "llb", "lld", "mba", "bed", "beng", "ceng", "ieng", "phd", "dphil", "pgce", "pgdip", "dms", "hons", "oxon", "cantab", "dipim", "duniv", "musm",
            "frsa", "fca", "fcca", "fcsi", "fcmi", "fciob", "fcoptom", "fice", "frcp", "frcpath", "frics", "friba", "frtpi", "frsc", "frags", "fbcs", "fgs", "frpsl", "fqi", "ficm",
            "miet", "mcmi", "mrtpi", "mciat", "minstmc", "minstlm", "mcipd", "mcih", "mcipr", "mics", "mbcs", "mrcgp", "citp", "rics", "ariba", "arags", "atii", "amirte", "amsoe",
            "phcm", "dphs", "bds", "lds", "rcs", "fpc", "bcav",
        ],
        StringComparer.Ordinal);

    // Common short forms of forenames, each with the forms it shortens, so that "Bob Harper" is found as "R. Harper"
    // and "Liz Smaje" as "Elizabeth Smaje". Only forenames are compared this way, and only with the surname agreeing.
    private static readonly FrozenDictionary<string, string[]> ShortForms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["bob"] = ["robert"], ["rob"] = ["robert"], ["robbie"] = ["robert"], ["bert"] = ["robert", "albert", "herbert"],
        ["bill"] = ["william"], ["will"] = ["william"], ["billy"] = ["william"], ["liam"] = ["william"],
        ["liz"] = ["elizabeth"], ["lizzie"] = ["elizabeth"], ["beth"] = ["elizabeth", "bethany"], ["betty"] = ["elizabeth"], ["elisabeth"] = ["elizabeth"],
        ["dave"] = ["david"], ["davy"] = ["david"], ["chris"] = ["christopher", "christine", "christina"], ["kit"] = ["christopher"],
        ["sue"] = ["susan", "suzanne", "susanne"], ["susie"] = ["susan"], ["mike"] = ["michael"], ["mick"] = ["michael"], ["mickey"] = ["michael"],
        ["tony"] = ["anthony", "antony"], ["jim"] = ["james"], ["jimmy"] = ["james"], ["jamie"] = ["james"], ["pete"] = ["peter"],
        ["steve"] = ["stephen", "steven"], ["andy"] = ["andrew"], ["nick"] = ["nicholas", "nicola"], ["tom"] = ["thomas"], ["tommy"] = ["thomas"],
        ["dan"] = ["daniel"], ["danny"] = ["daniel"], ["ben"] = ["benjamin"], ["sam"] = ["samuel", "samantha"], ["joe"] = ["joseph"],
        ["jo"] = ["joanne", "joanna", "josephine"], ["kate"] = ["katherine", "catherine", "kathryn"], ["katie"] = ["katherine", "catherine", "kathryn"],
        ["kath"] = ["kathleen", "katherine", "kathryn"], ["cathy"] = ["catherine"], ["kathy"] = ["kathleen", "katherine"], ["maggie"] = ["margaret"],
        ["meg"] = ["margaret"], ["pat"] = ["patricia", "patrick"], ["ray"] = ["raymond"], ["ron"] = ["ronald"], ["ken"] = ["kenneth"],
        ["alex"] = ["alexander", "alexandra"], ["matt"] = ["matthew"], ["phil"] = ["philip", "phillip"], ["rich"] = ["richard"], ["rick"] = ["richard"],
        ["dick"] = ["richard"], ["ted"] = ["edward"], ["ed"] = ["edward", "edmund"], ["eddie"] = ["edward"], ["fred"] = ["frederick"],
        ["geoff"] = ["geoffrey"], ["greg"] = ["gregory"], ["jack"] = ["john"], ["jon"] = ["jonathan"], ["les"] = ["leslie"], ["pam"] = ["pamela"],
        ["sandy"] = ["sandra", "alexander"], ["sandie"] = ["sandra"], ["tim"] = ["timothy"], ["val"] = ["valerie"], ["vic"] = ["victor", "victoria"],
        ["debbie"] = ["deborah", "debra"], ["jen"] = ["jennifer"], ["jenny"] = ["jennifer"], ["mandy"] = ["amanda"], ["terry"] = ["terence"],
        ["gerry"] = ["gerald", "gerard"], ["jeff"] = ["jeffrey", "jeffery"], ["nat"] = ["natalie", "nathan"], ["vicky"] = ["victoria"],
        ["di"] = ["diana", "diane"], ["reg"] = ["reginald"], ["len"] = ["leonard"], ["stan"] = ["stanley"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private CouncillorName(ImmutableArray<string> words) => Words = words;

    /// <summary>The identifying words, lower-case ASCII, forenames first, hyphenated names split into their parts.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>The first forename (the surname when the source gives only one word).</summary>
    public string Forename => Words.IsEmpty ? string.Empty : Words[0];

    /// <summary>The last word: the surname, or the last part of a hyphenated one.</summary>
    public string Surname => Words.IsEmpty ? string.Empty : Words[^1];

    /// <summary>Reads a name as a source writes it.</summary>
    public static CouncillorName Parse(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var parts = Fold(written).Split(',').Select(WordsOf).ToList();
        var first = parts[0];
        while (first.Count > 1 && PostNominals.Contains(first[^1]))
        {
            first.RemoveAt(first.Count - 1);
        }

        // "Johnson, Wayne" puts the surname first; "Frank Prendergast, MBE" and "John Fareham BA , MA" only add honours.
        var rest = parts.Skip(1).FirstOrDefault(p => p.Count > 0 && !p.All(PostNominals.Contains));
        var words = rest is null ? first : [.. rest, .. first];
        return new CouncillorName([.. words.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries))]);
    }

    /// <summary>True when the two names agree at least as closely as <paramref name="agreement"/> asks.</summary>
    public bool Agrees(CouncillorName other, NameAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Words.IsEmpty || other.Words.IsEmpty)
        {
            return false;
        }

        if (Words.SequenceEqual(other.Words))
        {
            return true;
        }

        if (agreement == NameAgreement.Exact || !SameSurname(other))
        {
            return false;
        }

        // A roster that gives surnames only (Basildon's) can say nothing about forenames.
        if (Words.Length == 1 || other.Words.Length == 1)
        {
            return true;
        }

        return agreement == NameAgreement.Forename
            ? Forms(Forename).Any(other.Words.Contains) || Forms(other.Forename).Any(Words.Contains)
            : Forms(Forename).Any(f => Forms(other.Forename).Any(g => f[0] == g[0]));
    }

    /// <summary>
    /// True when the two names differ only by a slip in the surname (one letter added, dropped or changed:
    /// Proctor and Procter, Almas and Almass) and their forenames start alike; for names in the same ward.
    /// </summary>
    public bool AlikeButForOneLetter(CouncillorName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !Words.IsEmpty && !other.Words.IsEmpty && Forename[0] == other.Forename[0] && Surname.Length > 3 && WithinOneEdit(Surname, other.Surname);
    }

    /// <summary>True when the forenames are the same, a common short form standing for its full form.</summary>
    public bool SameForename(CouncillorName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !Words.IsEmpty && !other.Words.IsEmpty && Forms(Forename).Intersect(Forms(other.Forename)).Any();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Words);

    private static IEnumerable<string> Forms(string forename) =>
        ShortForms.TryGetValue(forename, out var full) ? full.Prepend(forename) : [forename];

    private bool SameSurname(CouncillorName other) => other.Words.Contains(Surname) || Words.Contains(other.Surname);

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var (i, j, edits) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (i, j) = (i + 1, j + 1);
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            (i, j) = a.Length > b.Length ? (i + 1, j) : a.Length < b.Length ? (i, j + 1) : (i + 1, j + 1);
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAscii(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // The words of one comma-separated part: letters and hyphens kept, apostrophes and dots dropped (O'Neill is
    // oneill, B.Sc is bsc, "J.P." is jp), titles left out.
    private static List<string> WordsOf(string part) =>
        [.. part.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsAsciiLetter(c) || c == '-')]).Trim('-'))
            .Where(w => w.Length > 0 && !Titles.Contains(w))];
}
