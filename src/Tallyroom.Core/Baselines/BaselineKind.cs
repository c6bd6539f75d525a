namespace Tallyroom.Core.Baselines;

/// <summary>What a ballot's seat changes are measured against.</summary>
public enum BaselineKind
{
    /// <summary>The result when these seats were last fought, on the same boundaries.</summary>
    Actual,

    /// <summary>A notional result: the old votes redistributed to new boundaries, supplied by the user.</summary>
    Notional,

    /// <summary>No comparable result (redrawn ward, no notional supplied): changes are "not comparable", never zero.</summary>
    NotComparable,
}
