namespace Tallyroom.Core.Elections;

/// <summary>One polling day across many bodies, e.g. <c>local.2018-05-03</c>. Immutable.</summary>
public sealed record ElectionInfo
{
    /// <summary>Democracy Club election id, e.g. <c>local.2018-05-03</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A human name, e.g. "Local elections, 3 May 2018".</summary>
    public required string Name { get; init; }

    /// <summary>The polling day.</summary>
    public required DateOnly PollingDay { get; init; }
}
