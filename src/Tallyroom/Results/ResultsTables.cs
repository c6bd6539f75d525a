using System.Globalization;
using Spectre.Console;
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
        console.WriteLine(Invariant($"{council.TotalSeats} seats, majority {council.Majority}; {council.SeatsUp} up at this election."));
        console.WriteLine(Invariant($"Declared: {council.BallotsDeclared} of {council.BallotIds.Length} ballots ({council.SeatsDeclared} seats)") +
            (council.BallotsPostponed > 0 ? Invariant($"; {council.BallotsPostponed} poll(s) postponed ({council.SeatsPostponed} seats)") : string.Empty) + ".");

        var parties = new Table().AddColumns("Party", "Seats won", "Continuing", "Composition");
        foreach (var entry in council.Composition.Ranked())
        {
            parties.AddRow(Markup.Escape(entry.Party.Name), Number(council.SeatsWon.Get(entry.Party.Id)), Number(council.Continuing.Get(entry.Party.Id)), Number(entry.Seats));
        }

        console.Write(parties);
        var ballots = new Table().AddColumns("Ballot", "Seats", "Status", "Won by");
        foreach (var id in council.BallotIds)
        {
            var ballot = state.Ballots[id];
            ballots.AddRow(Markup.Escape(ballot.Definition.WardName), Number(ballot.Definition.SeatsUp), ballot.Status.ToString(),
                Markup.Escape(string.Join(", ", ballot.SeatsWon.Ranked().Select(e => e.Seats > 1 ? Invariant($"{e.Party.Name} {e.Seats}") : e.Party.Name))));
        }

        console.Write(ballots);
        console.WriteLine(Invariant($"(revision {state.Revision})"));
    }

    public static void WriteBallot(IAnsiConsole console, ElectionState state, BallotView ballot)
    {
        var document = ResultsDocuments.Ballot(state, ballot);
        console.MarkupLine(Invariant($"[bold]{Markup.Escape(document.WardName)}[/] ({Markup.Escape(document.Council)}) — {document.Status}, {document.SeatsUp} seat(s) up"));
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
            console.WriteLine(Invariant($"Corrected {document.Corrections} time(s); latest reason: {document.CorrectionReason}"));
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
