using System.Globalization;
using Spectre.Console;
using Tallyroom.Core;
using Tallyroom.Core.Counting;

namespace Tallyroom.Results;

/// <summary>Results as tables for people at a terminal.</summary>
internal static class ResultsTables
{
    public static void WriteCouncil(IAnsiConsole console, ElectionState state, CouncilView council)
    {
        var d = council.Definition;
        var control = council.Control.Label ?? "Not yet decided";
        console.MarkupLine(Invariant($"[bold]{Markup.Escape(d.Name)}[/] ({d.Type}) — {Markup.Escape(control)}"));
        if (council.Outcome is { } outcome)
        {
            console.WriteLine(CouncilOutcomeText.Sentence(d.Name, outcome));
        }
        else if (council.ControlBefore is { } before)
        {
            console.WriteLine("Control on the eve of poll: " + before.Label + (council.ControlCannotChange ? " (the seats not up settle control: it cannot change this year)." : "."));
        }

        console.WriteLine(Invariant($"{council.TotalSeats} seats, majority {council.Majority}; {council.SeatsUp} up at this election, {council.Continuing.Total} continuing."));
        console.WriteLine(Invariant($"Declared: {council.BallotsDeclared} of {council.BallotIds.Length} ballots ({council.SeatsDeclared} seats)") +
            (council.BallotsPostponed > 0 ? Invariant($"; {Plural.Count(council.BallotsPostponed, "poll", "polls")} postponed ({Plural.Count(council.SeatsPostponed, "seat", "seats")})") : string.Empty) + ".");

        var changes = council.SeatChanges.ToDictionary(c => c.Party.Id, c => c.Change);
        var parties = new Table().AddColumns("Party", "Seats won", "Change", "Continuing", "Composition", "Still needs");
        foreach (var prospect in council.Prospects)
        {
            var id = prospect.Party.Id;
            var needs = prospect.WonControl ? "majority" : prospect.CannotWin ? "cannot win" : Number(prospect.SeatsNeeded);
            parties.AddRow(Markup.Escape(prospect.Party.Name), Number(council.SeatsWon.Get(id)), changes.TryGetValue(id, out var change) ? ScoreboardText.WithSign(change) : "—",
                Number(council.Continuing.Get(id)), Number(prospect.Seats), needs);
        }

        console.Write(parties);
        if (council.SeatsNotComparable > 0)
        {
            console.WriteLine(Invariant($"{Plural.Count(council.SeatsNotComparable, "declared seat", "declared seats")} {Plural.Noun(council.SeatsNotComparable, "is", "are")} not comparable with last time (new boundaries, no notional result): left out of the changes."));
        }

        var ballots = new Table().AddColumns("Ballot", "Seats", "Status", "Won by", "Defended");
        foreach (var id in council.BallotIds)
        {
            var ballot = state.Ballots[id];
            ballots.AddRow(Markup.Escape(ballot.Definition.WardName), Number(ballot.Definition.SeatsUp), ballot.Status.ToString(),
                Markup.Escape(Seats(ballot.SeatsWon.Entries)), Markup.Escape(ballot.Baseline switch
                {
                    null => "no baseline",
                    { Kind: Core.Baselines.BaselineKind.NotComparable } => "not comparable",
                    var b => Seats(b.Defended),
                }));
        }

        console.Write(ballots);
        if (council.Baseline is { } baseline)
        {
            console.WriteLine("Baseline: " + baseline.Source);
        }

        console.WriteLine(Invariant($"(revision {state.Revision})"));
    }

    private static string Seats(IEnumerable<PartyCount> seats) =>
        string.Join(", ", seats.OrderByDescending(e => e.Seats).Select(e => e.Seats > 1 ? Invariant($"{e.Party.Name} {e.Seats}") : e.Party.Name));

    public static void WriteBallot(IAnsiConsole console, ElectionState state, BallotView ballot)
    {
        var document = ResultsDocuments.Ballot(state, ballot);
        console.MarkupLine(Invariant($"[bold]{Markup.Escape(document.WardName)}[/] ({Markup.Escape(document.Council)}) — {document.Status}, {Plural.Count(document.SeatsUp, "seat", "seats")} up"));
        var table = new Table().AddColumns("Candidate", "Party", "Votes", "Elected");
        foreach (var candidate in document.Candidates.OrderByDescending(c => c.Votes ?? -1))
        {
            var elected = candidate.Elected switch
            {
                true => candidate.DecidedByLot ? "elected (decided by lot)" : "elected",
                false => candidate.DecidedByLot ? "lost on lot" : string.Empty,
                null => string.Empty,
            };
            table.AddRow(Markup.Escape(candidate.Name), Markup.Escape(candidate.Party), candidate.Votes is { } v ? Number(v) : "—", elected);
        }

        console.Write(table);
        if (document.BallotBoxTurnout is { } turnout)
        {
            console.WriteLine(Invariant($"Ballot-box turnout {turnout:0.0}% ({document.BallotPapers:N0} valid and {document.Rejected ?? 0:N0} rejected papers, electorate {document.Electorate:N0})."));
        }

        if (document.Corrections > 0)
        {
            console.WriteLine(Invariant($"Corrected {Plural.Count(document.Corrections, "time", "times")}; latest reason: {document.CorrectionReason}"));
        }

        if (document.PostponedReason is { } reason)
        {
            console.WriteLine("Postponed: " + reason);
        }

        console.WriteLine(Invariant($"(revision {state.Revision})"));
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
