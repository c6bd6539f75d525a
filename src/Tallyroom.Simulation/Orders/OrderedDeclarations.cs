using System.Collections.Immutable;
using Tallyroom.Core.Events;

namespace Tallyroom.Simulation.Orders;

/// <summary>
/// Declarations put in an order for a replay, with the sentence naming the order. No source records when ballots
/// were declared, so a replay must show <see cref="Description"/> wherever it shows the night. Immutable and
/// thread-safe.
/// </summary>
public sealed record OrderedDeclarations
{
    /// <summary>Names the order, e.g. "random order, seed 7".</summary>
    public required string Description { get; init; }

    /// <summary>The declarations in replay order. A ballot's corrections stay after its first declaration.</summary>
    public required ImmutableArray<DeclarationRecorded> Declarations { get; init; }

    /// <summary>Ballots an order file left out (replayed after the listed ones); empty for the other orders.</summary>
    public ImmutableArray<string> Unlisted { get; init; } = [];
}
