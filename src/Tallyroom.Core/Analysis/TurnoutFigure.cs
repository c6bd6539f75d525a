using System.Globalization;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;

namespace Tallyroom.Core.Analysis;

/// <summary>The Electoral Commission's turnout measures. Each counts ballot papers, never votes.</summary>
public enum TurnoutMeasure
{
    /// <summary>Ballot-box turnout: (valid papers + papers rejected at the count) / electorate.</summary>
    BallotBox,
}

/// <summary>
/// Turnout over one ward or many, by a named measure: papers summed over electorates summed, over the wards declared
/// after a poll whose papers and electorate are both known. Immutable.
/// </summary>
public sealed record TurnoutFigure
{
    private static readonly ConditionalWeakTable<CouncilView, Memo> Memos = [];

    /// <summary>The measure.</summary>
    public required TurnoutMeasure Measure { get; init; }

    /// <summary>Ballot papers counted: valid plus rejected at the count.</summary>
    public required long BallotPapers { get; init; }

    /// <summary>The electorate of the same wards.</summary>
    public required long Electorate { get; init; }

    /// <summary>The wards counted.</summary>
    public required int Wards { get; init; }

    /// <summary>The turnout in percent (unrounded); null when no ward counts.</summary>
    public double? Percent => Electorate > 0 ? 100.0 * BallotPapers / Electorate : null;

    /// <summary>The measure in words, for publishing beside the figure.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"Ballot-box turnout: (valid + rejected ballot papers) / electorate, over {Plural.Count(Wards, "ward", "wards")} with both known");

    /// <summary>
    /// One ward's ballot-box turnout, from its declaration or else its merged statistics; no ward counts until it is
    /// declared after a poll (an uncontested ward has no turnout, not zero).
    /// </summary>
    public static TurnoutFigure Ward(BallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var tally = new Tally();
        tally.Add(ballot);
        return tally.ToFigure();
    }

    /// <summary>A council's ballot-box turnout over its declared wards.</summary>
    public static TurnoutFigure Council(ElectionState state, CouncilView council)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        return Council(council, state.BallotsOf(council));
    }

    /// <summary>A council's figure, memoised on its view while its ballot views are the same objects.</summary>
    internal static TurnoutFigure Council(CouncilView council, BallotView[] ballots)
    {
        if (Memos.TryGetValue(council, out var memo) && SwingSample.Same(memo.Ballots, ballots))
        {
            return memo.Figure;
        }

        var figure = Over(ballots);
        Memos.AddOrUpdate(council, new Memo(ballots, figure));
        return figure;
    }

    /// <summary>The nation's ballot-box turnout over every declared ward.</summary>
    public static TurnoutFigure National(ElectionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        long papers = 0, electorate = 0;
        var wards = 0;
        foreach (var council in state.Councils.Values)
        {
            // Every ballot belongs to one council; the councils' figures are memoised, so this sums 150, not every ward.
            var figure = Council(state, council);
            papers += figure.BallotPapers;
            electorate += figure.Electorate;
            wards += figure.Wards;
        }

        return new TurnoutFigure { Measure = TurnoutMeasure.BallotBox, BallotPapers = papers, Electorate = electorate, Wards = wards };
    }

    internal static TurnoutFigure Over(IEnumerable<BallotView> ballots)
    {
        var tally = new Tally();
        foreach (var ballot in ballots)
        {
            tally.Add(ballot);
        }

        return tally.ToFigure();
    }

    private sealed class Tally
    {
        private long papers;
        private long electorate;
        private int wards;

        public void Add(BallotView ballot)
        {
            // Statistics may be merged before the count; they are counted only once the ward has declared.
            if (ballot.Status != BallotStatus.Declared)
            {
                return;
            }

            var declaration = ballot.Declaration;
            var statistics = ballot.Statistics;
            if ((declaration?.BallotPapers ?? statistics?.ValidBallotPapers) is { } valid
                && (declaration?.Electorate ?? statistics?.Electorate) is { } voters and > 0)
            {
                papers += valid + (declaration?.Rejected ?? statistics?.RejectedBallotPapers ?? 0);
                electorate += voters;
                wards++;
            }
        }

        public TurnoutFigure ToFigure() => new() { Measure = TurnoutMeasure.BallotBox, BallotPapers = papers, Electorate = electorate, Wards = wards };
    }

    private sealed record Memo(BallotView[] Ballots, TurnoutFigure Figure);
}
