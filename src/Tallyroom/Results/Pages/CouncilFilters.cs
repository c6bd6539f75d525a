namespace Tallyroom.Results.Pages;

/// <summary>The councils list's filters (the API's <c>status</c> values) and orders, as readers see them.</summary>
internal static class CouncilFilters
{
    public const string Name = "name";
    public const string Recent = "recent";

    /// <summary>Each filter: its <c>status</c> value (null for all) and its label.</summary>
    public static IReadOnlyList<(string? Status, string Label)> All { get; } =
        [(null, "All"), ("declared", "Declared"), ("awaiting", "Awaiting results"), ("changed", "Changed hands")];

    /// <summary>The filter named, or null (all) for none or an unknown one.</summary>
    public static string? Find(string? status) => status is not null && All.Any(f => f.Status == status) ? status : null;
}
