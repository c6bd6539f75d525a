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
    /// The printed lines, as newsrooms print them:
    /// <code>
    /// State of parties after 80 of 150 councils
    /// Conservatives: 24 councils; 530 seats (+31)
    /// Labour: 40 councils (-1); 862 seats (+15)
    /// No overall control: 13 councils (+1)
    /// </code>
    /// A council change is shown when it is not zero, a seat change always once any declared council has a baseline.
    /// One line per party that controls a council, or is one of the national parties; every other party's seats are
    /// summed on one line, since a printed board has no room for each residents' group. A last line says what the
    /// changes leave out, when they leave anything out.
    /// </summary>
    public static IReadOnlyList<string> Lines(Scoreboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var changes = board.HasChanges;
        var lines = new List<string> { Headline(board) };
        int otherSeats = 0, otherChange = 0, otherParties = 0;
        foreach (var line in board.Ranked())
        {
            if (line.Councils > 0 || line.CouncilsChange != 0 || PartyCatalog.Canonical.Contains(line.Party))
            {
                lines.Add($"{DisplayName(line.Party)}: {Councils(line.Councils, line.CouncilsChange, changes)}; {Seats(line.Seats, line.SeatsChange, changes)}");
            }
            else
            {
                otherSeats += line.Seats;
                otherChange += line.SeatsChange;
                otherParties++;
            }
        }

        if (otherParties > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Others ({otherParties} parties and groups): {Seats(otherSeats, otherChange, changes)}"));
        }

        lines.Add($"{CouncilControl.NoOverallControlLabel}: {Councils(board.NoOverallControl, board.NoOverallControlChange, changes)}");
        if (changes && (board.CouncilsWithoutBaseline > 0 || board.SeatsNotComparable > 0))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Changes leave out {Plural.Count(board.CouncilsWithoutBaseline, "council", "councils")} with no eve-of-poll baseline and {Plural.Count(board.SeatsNotComparable, "seat", "seats")} not comparable with last time."));
        }

        return lines;
    }

    /// <summary>The name as a scoreboard prints it: "Conservatives" for the Conservative party, else the party's name.</summary>
    public static string DisplayName(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party == PartyCatalog.Conservative ? "Conservatives" : party.Name;
    }

    /// <summary>A change as printed: "+31", "-1", "0".</summary>
    public static string WithSign(int change) => change.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Councils(int n, int change, bool changes)
    {
        var text = Plural.Count(n, "council", "councils");
        return changes && change != 0 ? $"{text} ({WithSign(change)})" : text;
    }

    private static string Seats(int n, int change, bool changes)
    {
        var text = Plural.Count(n, "seat", "seats");
        return changes ? $"{text} ({WithSign(change)})" : text;
    }
}
