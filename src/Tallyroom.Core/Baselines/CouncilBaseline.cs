using System.Collections.Immutable;
using Tallyroom.Core.Counting;

namespace Tallyroom.Core.Baselines;

/// <summary>
/// A council on the eve of poll: its statutory size, its composition and who controlled it, and the seats not up
/// this year by party (the continuing seats, which still count for control). Immutable. A later baseline for the
/// same council replaces an earlier one.
/// </summary>
public sealed record CouncilBaseline
{
    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The statutory number of seats <c>T</c>.</summary>
    public required int StatutorySize { get; init; }

    /// <summary>
    /// The council's size on the eve of poll when a boundary review changed it at this election (Birmingham went
    /// from 120 seats to 101 in 2018); null when it is <see cref="StatutorySize"/>. Control before is judged on it.
    /// </summary>
    public int? EveOfPollSize { get; init; }

    /// <summary>Composition on the eve of poll, by party (vacancies are simply absent).</summary>
    public ImmutableArray<PartyCount> EveOfPoll { get; init; } = [];

    /// <summary>Who controlled the council on the eve of poll: a party, or null for no overall control.</summary>
    public Parties.Party? ControlBefore { get; init; }

    /// <summary>Seats not up at this election, by party. Empty for an all-out election.</summary>
    public ImmutableArray<PartyCount> Continuing { get; init; } = [];

    /// <summary>Where the figures come from and how they were reconciled, in a sentence or two.</summary>
    public required string Source { get; init; }
}
