namespace Tallyroom.Core.Elections;

/// <summary>A council taking part in the election. Immutable.</summary>
public sealed record CouncilDefinition
{
    /// <summary>The organisation slug of Democracy Club ids, e.g. <c>kensington-and-chelsea</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>The council's name, e.g. "Kensington and Chelsea".</summary>
    public required string Name { get; init; }

    /// <summary>ONS GSS code valid at the election date (E06/E07/E08/E09…), when known.</summary>
    public string? GssCode { get; init; }

    /// <summary>The kind of authority.</summary>
    public CouncilType Type { get; init; }

    /// <summary>
    /// The statutory number of seats <c>T</c>, when a source states it. Until then the council is counted as if all
    /// its seats were up (an all-out election): <c>T</c> is the seats up plus any continuing seats recorded.
    /// </summary>
    public int? StatutorySize { get; init; }

    /// <summary>
    /// The ONS region (English region, formerly Government Office Region) the council lies in, by its ONS name, e.g.
    /// "North West"; null when unknown. The projection falls back to it between the council and the nation.
    /// </summary>
    public string? Region { get; init; }
}
