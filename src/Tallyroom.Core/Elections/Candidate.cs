using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Elections;

/// <summary>A candidate standing in one ballot. Immutable.</summary>
/// <param name="Id">Unique within the ballot (Democracy Club person id where the source has one).</param>
/// <param name="Name">The name as on the ballot paper.</param>
/// <param name="Party">The party seats are counted for.</param>
public sealed record Candidate(string Id, string Name, Party Party);
