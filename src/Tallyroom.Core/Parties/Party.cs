namespace Tallyroom.Core.Parties;

/// <summary>
/// A party as seats are counted: keyed on the Electoral Commission register id (for example <c>PP52</c>), or on a
/// stable synthetic id for contestants the register does not cover (independents, parties known only by a local label).
/// Immutable and thread-safe.
/// </summary>
/// <param name="Id">The register id, <c>IND</c> for independents, or a synthetic id such as <c>label:hora</c>.</param>
/// <param name="Name">The canonical name published with results.</param>
public sealed record Party(string Id, string Name);
