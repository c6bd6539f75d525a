using System.Collections.Immutable;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;

namespace Tallyroom.Simulation;

/// <summary>
/// A simulated election as events: what is known before the polls close (<see cref="Setup"/>) and the night's
/// results (<see cref="Declarations"/>). Immutable and thread-safe. Note that record equality compares the
/// <see cref="ImmutableArray{T}"/> members by reference; compare the events themselves to compare two elections.
/// </summary>
public sealed record GeneratedElection
{
    /// <summary>The options it was generated from.</summary>
    public required GeneratorOptions Options { get; init; }

    /// <summary>The election defined by the first event of <see cref="Setup"/>.</summary>
    public required ElectionInfo Election { get; init; }

    /// <summary>
    /// Everything known at the close of nominations, council by council: the election, each council, its ballots with
    /// their candidates, its eve-of-poll baseline, each ballot's baseline, postponed polls, and the declarations of
    /// uncontested ballots (elected unopposed, so known before polling day).
    /// </summary>
    public required ImmutableArray<ElectionEvent> Setup { get; init; }

    /// <summary>
    /// The night's results: one first declaration per contested ballot whose poll was not postponed, in ballot order
    /// (councils, then wards, as in <see cref="Setup"/>). Replay them in a <see cref="Orders.DeclarationOrder"/>.
    /// </summary>
    public required ImmutableArray<DeclarationRecorded> Declarations { get; init; }

    /// <summary>A sentence naming what this is, e.g. "simulated election, seed 7: 40 councils, 903 ballots".</summary>
    public required string Description { get; init; }
}
