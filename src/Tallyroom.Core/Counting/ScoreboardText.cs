using System.Globalization;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>The scoreboard in newsroom English ("State of parties after 80 of 150 councils"). Pure; thread-safe.</summary>
public static class ScoreboardText
{
    /// <summary>"State of parties after N of M councils".</summary>
    public static string Headline(Scoreboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return string.Create(CultureInfo.InvariantCulture, $"State of parties after {board.CouncilsDeclared} of {board.CouncilsTotal} councils");
    }

    /// <summary>
    /// The printed lines: the headline; one line per party that controls a council or is one of the national parties
    /// ("Conservatives: 24 councils; 530 seats"); the seats of every other party summed on one line, since the
    /// printed board has no room for each residents' group; and "No overall control: N councils".
    /// </summary>
    public static IReadOnlyList<string> Lines(Scoreboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var lines = new List<string> { Headline(board) };
        var others = 0;
        var otherParties = 0;
        foreach (var line in board.Ranked())
        {
            if (line.Councils > 0 || PartyCatalog.Canonical.Contains(line.Party))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{DisplayName(line.Party)}: {Councils(line.Councils)}; {Seats(line.Seats)}"));
            }
            else
            {
                others += line.Seats;
                otherParties++;
            }
        }

        if (otherParties > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Others ({otherParties} parties and groups): {Seats(others)}"));
        }

        lines.Add($"{CouncilControl.NoOverallControlLabel}: {Councils(board.NoOverallControl)}");
        return lines;
    }

    /// <summary>The name as a scoreboard prints it: "Conservatives" for the Conservative party, else the party's name.</summary>
    public static string DisplayName(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party == PartyCatalog.Conservative ? "Conservatives" : party.Name;
    }

    private static string Councils(int n) => n == 1 ? "1 council" : string.Create(CultureInfo.InvariantCulture, $"{n} councils");

    private static string Seats(int n) => n == 1 ? "1 seat" : string.Create(CultureInfo.InvariantCulture, $"{n} seats");
}
