using System.Collections.Frozen;

namespace Tallyroom.Importers.Leap;

/// <summary>
/// The two things a LEAP file cannot tell by itself: which councils only had same-day by-elections, and which polls
/// were countermanded. The defaults fit Teale's 2014, 2016 and 2018 files. Immutable and thread-safe.
/// </summary>
public sealed record LeapOptions
{
    /// <summary>
    /// The polls of 3 May 2018 countermanded after a candidate died (SOURCES.md), by ballot id. LEAP lists each
    /// with the result of the poll held later in its place, exactly like a ward declared on the day, so nothing
    /// in the file marks them.
    /// </summary>
    public static IReadOnlySet<string> KnownCountermandedPolls { get; } = FrozenSet.ToFrozenSet(
        [
            "local.brent.willesden-green.2018-05-03",
            "local.southwark.london-bridge-and-west-bermondsey.2018-05-03",
            "local.stockport.edgeley-and-cheadle-heath.2018-05-03",
            "local.cherwell.bicester-west.2018-05-03",
            "local.tamworth.glascote.2018-05-03",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// A council with at most this many contests in the file is taken to have held only same-day by-elections, not
    /// an ordinary election, and its contests are left out with a note. LEAP lists such by-elections like any
    /// ward; in Teale's files they come one or two to a council, while the smallest ordinary election has 8
    /// contests. Defaults to 2; 0 imports every council.
    /// </summary>
    public int ByElectionOnlyMaxContests { get; init; } = 2;

    /// <summary>
    /// The ballots whose poll was countermanded: defined (so their seats stay in the council) and postponed, never
    /// declared. Defaults to <see cref="KnownCountermandedPolls"/>; ids of other polling days are ignored.
    /// </summary>
    public IReadOnlySet<string> PostponedBallotIds { get; init; } = KnownCountermandedPolls;
}
