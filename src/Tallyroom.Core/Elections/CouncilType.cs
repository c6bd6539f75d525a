namespace Tallyroom.Core.Elections;

/// <summary>The kind of local authority, as the first three characters of its ONS code tell.</summary>
public enum CouncilType
{
    /// <summary>Not known from the source.</summary>
    Unknown,

    /// <summary>London borough (E09).</summary>
    LondonBorough,

    /// <summary>Metropolitan borough (E08).</summary>
    MetropolitanBorough,

    /// <summary>Unitary authority (E06).</summary>
    Unitary,

    /// <summary>Shire district (E07).</summary>
    District,

    /// <summary>Shire county (E10).</summary>
    County,
}

/// <summary>Reads a <see cref="CouncilType"/> from an ONS GSS code.</summary>
public static class CouncilTypes
{
    /// <summary>The council type an ONS local-authority code stands for; <see cref="CouncilType.Unknown"/> otherwise.</summary>
    public static CouncilType FromGssCode(string? gssCode) => gssCode is { Length: >= 3 } code
        ? code[..3].ToUpperInvariant() switch
        {
            "E09" => CouncilType.LondonBorough,
            "E08" => CouncilType.MetropolitanBorough,
            "E06" => CouncilType.Unitary,
            "E07" => CouncilType.District,
            "E10" => CouncilType.County,
            _ => CouncilType.Unknown,
        }
        : CouncilType.Unknown;
}
