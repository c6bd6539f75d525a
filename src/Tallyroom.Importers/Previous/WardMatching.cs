using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Elections;

namespace Tallyroom.Importers.Previous;

/// <summary>How a ballot of this election relates to the previous file.</summary>
internal enum MatchKind
{
    /// <summary>The file does not cover the ballot's council: the ballot is left alone.</summary>
    NotCovered,

    /// <summary>The ballot's ward is a ward of the file.</summary>
    Matched,

    /// <summary>The file covers the council but has no comparable ward.</summary>
    NotComparable,
}

/// <summary>Why a ballot of a covered council has no comparable ward, for counting in notes.</summary>
internal enum NotComparableCause
{
    /// <summary>The ward-code changes give the ballot's code to a ward redrawn after the previous poll.</summary>
    RedrawnByOrder,

    /// <summary>The ballot's code was issued after the previous poll (above the newest code then in use).</summary>
    CodeIssuedSince,

    /// <summary>The file has no ward with the ballot's code.</summary>
    NoWardWithCode,

    /// <summary>The file has no ward of the ballot's name in its council.</summary>
    NoWardOfName,

    /// <summary>Two or more wards of the file fit.</summary>
    Ambiguous,

    /// <summary>More seats are up now than were filled then (a casual vacancy is filled too).</summary>
    MoreSeatsThanWinners,
}

/// <summary>The outcome of matching one ballot. Immutable.</summary>
internal sealed record WardMatch
{
    public required MatchKind Kind { get; init; }

    /// <summary>The file's council covering the ballot; null when not covered.</summary>
    public PreviousCouncil? Council { get; init; }

    /// <summary>The matched ward, when matched.</summary>
    public PreviousWard? Ward { get; init; }

    /// <summary>How it was matched, e.g. "matched by ward code E05000026".</summary>
    public string How { get; init; } = string.Empty;

    /// <summary>Why it is not comparable, as a clause for the baseline's source.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>Why it is not comparable, for counting; null when matched or not covered.</summary>
    public NotComparableCause? Cause { get; init; }

    /// <summary>The code change that redrew the ward, when that is the cause.</summary>
    public WardCodeChange? Redrawn { get; init; }
}

/// <summary>
/// Matches this election's ballots to the previous file's ward contests without guessing: by ONS ward code when both
/// sides have one, otherwise by council and ward name (<see cref="Slug.ForMatching"/>); the ward-code changes, when
/// given, mark redrawn wards and supply names from before a rename. Councils match by ONS code when both have one,
/// otherwise by name, compared without a leading "City of" (Democracy Club's <c>city-of-lincoln</c> is LEAP's
/// "Lincoln"). Immutable after construction; thread-safe.
/// </summary>
internal sealed class WardMatching
{
    private const string CityOf = "city-of-";
    private readonly PreviousContests file;
    private readonly WardCodeChanges? changes;
    private readonly ILookup<string, PreviousCouncil> councilsByCode;
    private readonly ILookup<string, PreviousCouncil> councilsByName;
    private readonly ILookup<string, PreviousCouncil> councilsByNameWithoutCityOf;
    private readonly ILookup<string, PreviousWard> wardsByCode;
    private readonly Dictionary<PreviousCouncil, ILookup<string, PreviousWard>> wardsByName = [];
    private readonly string? newestCodeThen;

    public WardMatching(PreviousContests file, WardCodeChanges? changes)
    {
        this.file = file;
        this.changes = changes;
        councilsByCode = file.Councils.Where(c => c.GssCode is not null).ToLookup(c => c.GssCode!, StringComparer.Ordinal);
        councilsByName = file.Councils.ToLookup(c => Slug.ForMatching(c.Name), StringComparer.Ordinal);
        councilsByNameWithoutCityOf = file.Councils.ToLookup(c => WithoutCityOf(Slug.ForMatching(c.Name)), StringComparer.Ordinal);
        wardsByCode = file.Councils.SelectMany(c => c.Wards).Where(w => w.GssCode is not null).ToLookup(w => w.GssCode!, StringComparer.Ordinal);
        foreach (var council in file.Councils)
        {
            wardsByName[council] = council.Wards.ToLookup(w => Slug.ForMatching(w.Name), StringComparer.Ordinal);
        }

        newestCodeThen = changes?.NewestCodeInUseOn(file.PollingDay);
    }

    /// <summary>True when the file gives ward codes, so that ballots with a code are matched by code only.</summary>
    public bool FileHasWardCodes => wardsByCode.Count > 0;

    /// <summary>The newest ward code in use at the previous poll, per the ward-code changes; null without them.</summary>
    public string? NewestCodeThen => newestCodeThen;

    /// <summary>The file's council for one of this election's councils, and whether only the "City of" rule matched it.</summary>
    public (PreviousCouncil? Council, bool WithoutCityOf) FindCouncil(CouncilDefinition council)
    {
        if (council.GssCode is { } code && councilsByCode[code].ToList() is [var coded])
        {
            return (coded, false);
        }

        foreach (var name in new[] { council.Name, council.Slug })
        {
            if (councilsByName[Slug.ForMatching(name)].ToList() is [var named])
            {
                return (named, false);
            }
        }

        foreach (var name in new[] { council.Name, council.Slug })
        {
            if (councilsByNameWithoutCityOf[WithoutCityOf(Slug.ForMatching(name))].ToList() is [var named])
            {
                return (named, true);
            }
        }

        return (null, false);
    }

    /// <summary>Matches a ballot of <paramref name="council"/> (the file's council for it, or null) to a previous ward.</summary>
    public WardMatch Match(BallotDefinition ballot, PreviousCouncil? council)
    {
        var code = ballot.WardGssCode;
        var byCode = code is not null && FileHasWardCodes;
        var codeWards = byCode ? wardsByCode[code!].ToList() : [];
        var covering = council ?? (codeWards is [var only] ? only.Council : null);
        if (covering is null)
        {
            return new WardMatch { Kind = MatchKind.NotCovered };
        }

        var day = Iso(file.PollingDay);
        if (code is not null && changes?.NewCodeAfter(code, file.PollingDay) is [var change, ..] redrawn)
        {
            var replaced = string.Join(", ", redrawn.Select(c => c.PreviousCode).Distinct(StringComparer.Ordinal));
            return NotComparable(covering, NotComparableCause.RedrawnByOrder,
                $"ward redrawn since {day}: its ONS code {code} replaced {replaced} under {change.Order}, in force {Iso(change.InForce)}") with { Redrawn = change };
        }

        if (byCode)
        {
            return codeWards switch
            {
                [] => NotComparable(covering, NotComparableCause.NoWardWithCode, $"no ward with code {code} in {file.Label}: a new ward since {day}"),
                [var ward] => new WardMatch { Kind = MatchKind.Matched, Council = ward.Council, Ward = ward, How = $"matched by ward code {code}" },
                _ => NotComparable(covering, NotComparableCause.Ambiguous,
                    $"{file.Label} gives code {code} to {codeWards.Count.ToString(CultureInfo.InvariantCulture)} wards ({string.Join(", ", codeWards.Select(w => $"{w.Name}, line {w.Line.ToString(CultureInfo.InvariantCulture)}"))}), so which is this ward cannot be told"),
            };
        }

        if (code is not null && newestCodeThen is { } newest && code.Length == newest.Length && code[..3] == newest[..3] && string.CompareOrdinal(code, newest) > 0)
        {
            return NotComparable(covering, NotComparableCause.CodeIssuedSince,
                $"ward redrawn since {day}: its ONS code {code} was issued after that poll (codes are issued in sequence, and the newest in use then was {newest}; the ward-code changes file does not list this one)");
        }

        var names = new List<string> { ballot.WardName };
        if (code is not null && changes is not null)
        {
            names.AddRange(changes.NamesBefore(code, file.PollingDay));
        }

        foreach (var name in names)
        {
            var found = wardsByName[covering][Slug.ForMatching(name)].ToList();
            if (found is [var ward])
            {
                var how = name == ballot.WardName
                    ? "matched by council and ward name"
                    : $"matched by the ward's name before it was renamed, '{name}' (same ONS code {code})";
                return new WardMatch { Kind = MatchKind.Matched, Council = covering, Ward = ward, How = how };
            }

            if (found.Count > 1)
            {
                return NotComparable(covering, NotComparableCause.Ambiguous,
                    $"{file.Label} has {found.Count.ToString(CultureInfo.InvariantCulture)} wards of {covering.Name} named like '{name}', so which is this ward cannot be told");
            }
        }

        return NotComparable(covering, NotComparableCause.NoWardOfName, $"no ward of that name in {file.Label} ({covering.Name}): a new ward since {day}");
    }

    private static WardMatch NotComparable(PreviousCouncil council, NotComparableCause cause, string reason) =>
        new() { Kind = MatchKind.NotComparable, Council = council, Cause = cause, Reason = reason };

    private static string WithoutCityOf(string key) => key.StartsWith(CityOf, StringComparison.Ordinal) ? key[CityOf.Length..] : key;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
