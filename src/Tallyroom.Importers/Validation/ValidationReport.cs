using System.Collections.Immutable;
using Tallyroom.Core;
using Tallyroom.Core.Counting;

namespace Tallyroom.Importers.Validation;

/// <summary>What accounts for part of the difference between our composition and the snapshot's.</summary>
public enum ExplanationKind
{
    /// <summary>Democracy Club and LEAP 2018 elect different candidates in a ballot, and the snapshot has LEAP's winner.</summary>
    DataErrorInDemocracyClub,

    /// <summary>A postponed poll: its seats are undeclared in ours, filled in the snapshot by the later poll's winners.</summary>
    PostponedPoll,

    /// <summary>A councillor whose seat was not up sits for another party in the snapshot after than in the one before.</summary>
    Defection,

    /// <summary>A councillor elected on the night sits for another party in the snapshot.</summary>
    ChangedPartyAfterTheElection,

    /// <summary>The same councillor and group under different keys: a register id in one source, "Independent / Other" or another id in the other.</summary>
    PartyIdentity,

    /// <summary>A seat changed hands between the two snapshots without an ordinary election: a by-election, a vacancy, or a councillor's change of name.</summary>
    ByElectionOrVacancy,

    /// <summary>Our continuing seats are eve of poll minus defended seats; the rosters show who actually continued.</summary>
    ContinuingSeatsReconciliation,

    /// <summary>A curated explanation, read from the explanations file, for what the data cannot show by itself.</summary>
    ExplainedByHand,
}

/// <summary>How a council's composition after the election compares with the snapshot.</summary>
public enum CouncilResult
{
    /// <summary>Seat for seat, party for party, the same.</summary>
    Equal,

    /// <summary>Different, and the explanations account for every seat of the difference.</summary>
    Explained,

    /// <summary>Different, with seats the explanations do not account for.</summary>
    Unexplained,
}

/// <summary>One explanation of part of a council's difference. Immutable.</summary>
/// <param name="Kind">What kind of cause.</param>
/// <param name="Difference">The seats it accounts for, as ours minus the snapshot's, by party (empty when it moves no seat between parties).</param>
/// <param name="Text">The facts, naming the councillors, ballots and files.</param>
public sealed record Explanation(ExplanationKind Kind, SeatDifference Difference, string Text);

/// <summary>One council compared. Immutable.</summary>
public sealed record CouncilValidation
{
    /// <summary>The council's slug.</summary>
    public required string Slug { get; init; }

    /// <summary>The council's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its size after the election.</summary>
    public required int TotalSeats { get; init; }

    /// <summary>Our composition after the election: continuing seats plus seats won, from the log.</summary>
    public required PartySeats Ours { get; init; }

    /// <summary>The snapshot's: the roster's councillors counted by party.</summary>
    public required PartySeats Snapshot { get; init; }

    /// <summary>Control after the election by our composition: a party's short label or "NOC".</summary>
    public required string OurControl { get; init; }

    /// <summary>Control by the roster's composition, judged the same way.</summary>
    public required string SnapshotControl { get; init; }

    /// <summary>The history file's <c>majority</c> label for the year, e.g. "Lab" or "Con plurality".</summary>
    public required string HistoryMajority { get; init; }

    /// <summary>True when our control agrees with the history file's label (a plurality counts as no overall control).</summary>
    public required bool ControlAgreesWithHistory { get; init; }

    /// <summary>Where the roster and the history file disagree about this council; empty when they agree.</summary>
    public required string HistoryCrossCheck { get; init; }

    /// <summary>Equal, explained or unexplained.</summary>
    public required CouncilResult Result { get; init; }

    /// <summary>Ours minus the snapshot's, by party (negative counts where the snapshot has more).</summary>
    public required SeatDifference Difference { get; init; }

    /// <summary>What accounts for the difference, in the order found.</summary>
    public required ImmutableArray<Explanation> Explanations { get; init; }

    /// <summary>The part of the difference no explanation accounts for.</summary>
    public required SeatDifference Unexplained { get; init; }

    /// <summary>What the data could not settle: councillors not found, and the like.</summary>
    public required ImmutableArray<string> Loose { get; init; }
}

/// <summary>The comparison of every council with the snapshot. Immutable.</summary>
public sealed record ValidationReport
{
    /// <summary>The election compared.</summary>
    public required string ElectionId { get; init; }

    /// <summary>The log's revision the figures are taken at.</summary>
    public required long Revision { get; init; }

    /// <summary>The files read, as paths relative to the raw data folder, each with what it is used for.</summary>
    public required ImmutableArray<(string File, string Use)> Sources { get; init; }

    /// <summary>The year of the snapshot after the election (its polling day's year).</summary>
    public required int SnapshotYear { get; init; }

    /// <summary>Every council, in slug order.</summary>
    public required ImmutableArray<CouncilValidation> Councils { get; init; }

    /// <summary>Councils whose composition equals the snapshot.</summary>
    public int Equal => Councils.Count(c => c.Result == CouncilResult.Equal);

    /// <summary>Councils that differ with every difference explained.</summary>
    public int Explained => Councils.Count(c => c.Result == CouncilResult.Explained);

    /// <summary>Councils with an unexplained difference.</summary>
    public int Unexplained => Councils.Count(c => c.Result == CouncilResult.Unexplained);

    /// <summary>Councils explained only with the help of a curated explanation.</summary>
    public int ExplainedByHand => Councils.Count(c => c.Explanations.Any(e => e.Kind == ExplanationKind.ExplainedByHand));

    /// <summary>Seats as the report writes them: "Con 34, Lab 25, Ind 1", the six parties by their short labels.</summary>
    public static string Describe(PartySeats seats) => EveOfPoll.SeatLists.Of(seats);

    /// <summary>The summary in one sentence, e.g. "Of 150 councils, 70 equal the snapshot, …".</summary>
    public string Summary =>
        $"Of {Councils.Length} councils, {Equal} equal the snapshot, {Explained} differ with every difference explained{(ExplainedByHand > 0 ? $" ({ExplainedByHand} of them by hand)" : string.Empty)} and {Unexplained} {Plural.Noun(Unexplained, "has", "have")} an unexplained difference: {Equal + Explained} equal or explained.";
}
