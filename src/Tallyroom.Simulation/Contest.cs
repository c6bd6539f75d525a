using Tallyroom.Core;
using Tallyroom.Core.Parties;

namespace Tallyroom.Simulation;

/// <summary>A person on a simulated ballot paper, with the result once the contest is run.</summary>
internal sealed class Runner
{
    public required string First { get; init; }

    public required string Last { get; init; }

    /// <summary>The candidate id: the slug of the name, unique within the contest (names are drawn until it is).</summary>
    public required string Id { get; init; }

    public required Party Party { get; init; }

    /// <summary>The contender's strength in the vote model; an independent carries theirs to the next contest.</summary>
    public required double Strength { get; init; }

    public int? Votes { get; set; }

    public bool Elected { get; set; }

    public bool DecidedByLot { get; set; }

    public string Name => First + " " + Last;
}

/// <summary>
/// One party's slate in a contest, or one independent (each independent is a contender of their own).
/// <paramref name="Incumbents"/> are people standing again, named before the rest of the slate is drawn.
/// </summary>
internal sealed record Slate(Party Party, double Strength, int Size, IReadOnlyList<(string First, string Last)> Incumbents);

/// <summary>
/// One simulated contest: who stood, their votes, who was elected, the ballot papers. Votes come from the slates'
/// strengths: each contender's share of the papers is its strength over the total (the "top vote"), running mates
/// poll a little less than the lead, and in a multi-member ward voters whose party stood fewer candidates than seats
/// spend some of their spare votes on other parties' candidates, so that a three-seat ward's votes come to about 2.8
/// times its papers.
/// </summary>
internal sealed class Contest
{
    private const double SpareVotesUsed = 0.8;

    private Contest(int seats, List<Runner> runners, int electorate)
    {
        Seats = seats;
        Runners = runners;
        Electorate = electorate;
    }

    public int Seats { get; }

    /// <summary>The candidates in ballot-paper order: by surname, then forename.</summary>
    public IReadOnlyList<Runner> Runners { get; }

    public int Electorate { get; }

    /// <summary>Valid ballot papers; null when uncontested (no poll).</summary>
    public int? Papers { get; private set; }

    /// <summary>Papers rejected at the count; null when uncontested.</summary>
    public int? Rejected { get; private set; }

    public bool Uncontested => Runners.Count <= Seats;

    public IEnumerable<Runner> Winners => Runners.Where(r => r.Elected);

    /// <summary>Votes of the last candidate elected over the first one not: how close the last seat was.</summary>
    public int Margin => Uncontested
        ? int.MaxValue
        : Runners.Where(r => r.Elected).Min(r => r.Votes!.Value) - Runners.Where(r => !r.Elected).Max(r => r.Votes!.Value);

    public static Contest Run(Random random, int seats, int electorate, double turnout, IReadOnlyList<Slate> slates)
    {
        var runners = new List<Runner>();
        var slateOf = new List<int>();
        var lead = new List<double>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < slates.Count; s++)
        {
            var slate = slates[s];
            for (var k = 0; k < slate.Size; k++)
            {
                var (first, last, id) = k < slate.Incumbents.Count && IdOf(slate.Incumbents[k]) is var again && taken.Add(again)
                    ? (slate.Incumbents[k].First, slate.Incumbents[k].Last, again)
                    : NewPerson(random, taken);
                runners.Add(new Runner { First = first, Last = last, Id = id, Party = slate.Party, Strength = slate.Strength });
                slateOf.Add(s);

                // The slate's lead polls its party's full vote; running mates a little less. Incumbents, named
                // first, lead their slates.
                lead.Add(k == 0 ? 1.0 : 1.0 - Draw.Uniform(random, 0.02, 0.10));
            }
        }

        var contest = new Contest(seats, runners, electorate);
        if (!contest.Uncontested)
        {
            contest.Poll(random, turnout, slates, slateOf, lead);
            contest.Elect(random);
        }
        else
        {
            foreach (var runner in runners)
            {
                runner.Elected = true;
            }
        }

        runners.Sort(static (a, b) =>
        {
            var bySurname = string.CompareOrdinal(a.Last, b.Last);
            return bySurname != 0 ? bySurname : string.CompareOrdinal(a.First, b.First);
        });
        return contest;
    }

    /// <summary>
    /// Makes the last seat a tie: the best-placed loser gets as many votes as the last winner, and lots are drawn.
    /// In a single-member ward each paper carries one vote, so the papers grow with the votes.
    /// </summary>
    public void ForceTie(Random random)
    {
        var lastIn = Runners.Where(r => r.Elected).MinBy(r => r.Votes!.Value)!;
        var firstOut = Runners.Where(r => !r.Elected).MaxBy(r => r.Votes!.Value)!;
        var gap = lastIn.Votes!.Value - firstOut.Votes!.Value;
        firstOut.Votes = lastIn.Votes;
        if (Seats == 1)
        {
            Papers = checked(Papers!.Value + gap);
        }

        Elect(random);
    }

    private static (string First, string Last, string Id) NewPerson(Random random, HashSet<string> taken)
    {
        while (true)
        {
            var person = Names.Person(random);
            var id = IdOf(person);
            if (taken.Add(id))
            {
                return (person.First, person.Last, id);
            }
        }
    }

    private static string IdOf((string First, string Last) person) => Slug.Make(person.First + " " + person.Last);

    private void Poll(Random random, double turnout, IReadOnlyList<Slate> slates, List<int> slateOf, List<double> lead)
    {
        var total = slates.Sum(s => s.Strength);
        var share = slates.Select(s => s.Strength / total).ToArray();
        var size = slates.Select(s => s.Size).ToArray();
        var drawn = (int)Math.Round(Electorate * turnout);
        var fraction = new double[Runners.Count];
        for (var r = 0; r < Runners.Count; r++)
        {
            fraction[r] = share[slateOf[r]] * lead[r];
        }

        for (var p = 0; p < slates.Count && Seats > 1; p++)
        {
            var spare = Seats - size[p];
            if (spare <= 0 || share[p] >= 1.0)
            {
                continue;
            }

            for (var r = 0; r < Runners.Count; r++)
            {
                var q = slateOf[r];
                if (q != p)
                {
                    // A voter gives one candidate at most one vote, hence the cap.
                    fraction[r] += share[p] * Math.Min(1.0, spare * SpareVotesUsed * share[q] / (1.0 - share[p]) / size[q]);
                }
            }
        }

        var papers = Seats == 1 ? 0 : drawn;
        for (var r = 0; r < Runners.Count; r++)
        {
            var votes = Math.Min(drawn, (int)Math.Round(drawn * fraction[r]));
            Runners[r].Votes = votes;
            if (Seats == 1)
            {
                // One vote per paper: the valid papers are the votes cast.
                papers = checked(papers + votes);
            }
        }

        Papers = papers;
        Rejected = (int)Math.Round(papers * Draw.Uniform(random, 0.002, 0.012));
    }

    /// <summary>Elects the top candidates; a tie across the line for the last seat is decided by lot.</summary>
    private void Elect(Random random)
    {
        var ranked = Runners.OrderByDescending(r => r.Votes).ToList();
        var line = ranked[Seats - 1].Votes;
        var above = ranked.Count(r => r.Votes > line);
        var tied = ranked.Where(r => r.Votes == line).ToList();
        foreach (var runner in Runners)
        {
            runner.Elected = runner.Votes > line;
            runner.DecidedByLot = false;
        }

        var seatsLeft = Seats - above;
        if (tied.Count > seatsLeft)
        {
            Draw.Shuffle(random, tied);
            foreach (var runner in tied)
            {
                runner.DecidedByLot = true;
            }
        }

        foreach (var runner in tied.Take(seatsLeft))
        {
            runner.Elected = true;
        }
    }
}
