using System.Collections.Immutable;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Previous;

/// <summary>A candidate of a previous ward contest, checked. Immutable.</summary>
/// <param name="Line">The physical line of the candidate's row.</param>
/// <param name="Name">The name, as the other sources write names (forenames first).</param>
/// <param name="Party">The party seats are counted for.</param>
/// <param name="Votes">Votes; null when the ward was uncontested.</param>
/// <param name="Elected">Whether the candidate was elected.</param>
internal sealed record PreviousCandidateRow(int Line, string Name, Party Party, int? Votes, bool Elected);

/// <summary>One ward contest of the previous election, with its candidates in file order. Immutable.</summary>
/// <param name="Council">The council it belongs to.</param>
/// <param name="Name">The ward's name as the file gives it.</param>
/// <param name="GssCode">The ward's ONS code, when the file gives one.</param>
/// <param name="Line">The line of the ward's first row.</param>
/// <param name="Candidates">The candidates, in file order; at least one is elected.</param>
internal sealed record PreviousWard(PreviousCouncil Council, string Name, string? GssCode, int Line, ImmutableArray<PreviousCandidateRow> Candidates)
{
    /// <summary>The candidates elected: the ward's seats filled at that election.</summary>
    public int Winners => Candidates.Count(c => c.Elected);
}

/// <summary>A council of the previous election, with its ward contests in file order.</summary>
/// <param name="name">The council's name as the file gives it.</param>
/// <param name="gssCode">Its ONS code, when the file gives one.</param>
/// <param name="line">The line of its first row.</param>
internal sealed class PreviousCouncil(string name, string? gssCode, int line)
{
    public string Name => name;

    public string? GssCode => gssCode;

    public int Line => line;

    public List<PreviousWard> Wards { get; } = [];
}

/// <summary>A previous election's ward contests as a file gives them, ready to be matched to this election's ballots.</summary>
/// <param name="Path">The file, as the user named it.</param>
/// <param name="Label">The source in a few words for baselines' sources, e.g. "LEAP 2014_results.csv".</param>
/// <param name="PollingDay">The previous election's polling day.</param>
/// <param name="Councils">The councils, in file order (councils the file holds only by-elections for left out).</param>
internal sealed record PreviousContests(string Path, string Label, DateOnly PollingDay, IReadOnlyList<PreviousCouncil> Councils);
