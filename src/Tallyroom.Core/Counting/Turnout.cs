namespace Tallyroom.Core.Counting;

/// <summary>Turnout, counted in ballot papers, never votes (a 3-seat ward's votes can be ~2.8× its papers).</summary>
public static class Turnout
{
    /// <summary>
    /// Ballot-box turnout: (valid papers + papers rejected at the count) / electorate, as a percentage rounded to one
    /// decimal place; null when the papers or the electorate are unknown (or the ballot had no poll).
    /// </summary>
    public static double? BallotBox(int? validPapers, int? rejected, int? electorate) =>
        validPapers is { } papers && electorate is > 0
            ? Math.Round(100.0 * (papers + (rejected ?? 0)) / electorate.Value, 1, MidpointRounding.AwayFromZero)
            : null;
}
