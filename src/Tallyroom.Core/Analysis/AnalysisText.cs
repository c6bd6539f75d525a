using System.Globalization;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// Analysis figures in words that name their method and baseline, as the pages, the CLI, the documents and the live
/// blog's automatic posts print them; one place, so that a figure reads the same wherever it is quoted. Always the
/// invariant culture. Thread-safe.
/// </summary>
public static class AnalysisText
{
    /// <summary>
    /// What <paramref name="target"/> says about its party's path to a majority, e.g. "Labour needs a swing of 4.50
    /// points from each seat's holders for a majority (31 of 60) in Plymouth: 5 gains, on top vote shares from when
    /// the seats were last fought."
    /// </summary>
    public static string Sentence(string councilName, ControlTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var party = target.Party.Name;
        var sentence = target.Path switch
        {
            ControlPath.NeedsSwing => Invariant($"{party} needs {Needed(target)} for a majority ({target.Majority} of {target.TotalSeats}) in {councilName}: {Plural.Count(target.GainsNeeded, "gain", "gains")}, {Basis(target.Method, target.Basis)}."),
            ControlPath.HasMajority => Invariant($"{party} has the {target.Majority} seats a majority in {councilName} needs with no swing, {Basis(target.Method, target.Basis)}."),
            ControlPath.ImpossibleThisYear => Invariant($"{party} cannot win a majority in {councilName} this year: its {Plural.Count(target.Continuing, "continuing seat", "continuing seats")} and the {Plural.Count(target.SeatsContested, "seat", "seats")} up where it stands are fewer than {target.Majority}."),
            _ => Invariant($"{party} could reach {target.Majority} seats in {councilName} only with seats in wards with no comparable result last time: no swing can be worked out."),
        };
        return target.BallotsNotComparable == 0
            ? sentence
            : sentence + Invariant($" {Plural.Count(target.BallotsNotComparable, "ward", "wards")} ({Plural.Count(target.SeatsNotComparable, "seat", "seats")}) with no comparable result {Plural.Noun(target.BallotsNotComparable, "is", "are")} left out of the targets and assumed not won.");
    }

    /// <summary>What <paramref name="defence"/> says about the controlling party's majority, with its method and baseline.</summary>
    public static string Sentence(string councilName, ControlDefence defence)
    {
        ArgumentNullException.ThrowIfNull(defence);
        return defence.Path switch
        {
            DefencePath.LosesAtSwing => Invariant($"{defence.Party.Name} loses its majority in {councilName} at a swing of {Points(defence.SwingToLose)} against it, {Basis(defence.Method, defence.Basis)}."),
            DefencePath.CannotLose => Invariant($"{defence.Party.Name} cannot lose control of {councilName} this year: the seats no swing can take keep its majority."),
            DefencePath.AlreadyShort => Invariant($"{defence.Party.Name} falls short of the {defence.Majority} seats a majority in {councilName} needs even with no swing, {Basis(defence.Method, defence.Basis)}."),
            _ => Invariant($"Whether {defence.Party.Name} keeps its majority in {councilName} depends on {Plural.Count(defence.SeatsNotComparable, "seat", "seats")} with no comparable result last time."),
        };
    }

    /// <summary>The swing a target needs and where it comes from, e.g. "a swing of 4.50 points from each seat's holders".</summary>
    public static string Needed(ControlTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var from = target.From is { } opponent ? "from " + opponent.Name : "from each seat's holders";
        return $"a swing of {Points(target.SwingNeeded)} {from}";
    }

    /// <summary>A swing needed or to lose, e.g. "4.50 points"; "no figure" for none.</summary>
    public static string Points(double? points) => points is { } p ? Invariant($"{p:0.00} points") : "no figure";

    /// <summary>
    /// Which result a target's seats are judged on, e.g. "on top vote shares from when the seats were last fought".
    /// </summary>
    public static string Basis(ShareMethod method, TargetBasis basis) => basis == TargetBasis.PreviousContest
        ? $"on {ShareMethods.Name(method)} shares from when the seats were last fought"
        : $"with declared seats as declared and the rest on {ShareMethods.Name(method)} shares from when they were last fought";

    /// <summary>The size of a council's swing, whichever way it went, e.g. "13.9 points"; see <see cref="Direction"/>.</summary>
    public static string Size(SwingFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Invariant($"{Math.Abs(figure.Points ?? 0):0.0} points");
    }

    /// <summary>Which way a swing went, e.g. "from Labour to Conservative": a negative swing is to the party it is measured from.</summary>
    public static string Direction(SwingFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Points >= 0 ? $"from {figure.From.Name} to {figure.To.Name}" : $"from {figure.To.Name} to {figure.From.Name}";
    }

    /// <summary>
    /// How a swing figure was measured, for a reader, e.g. "Butler swing, from aggregate top vote shares over the 18
    /// wards both parties contested both times".
    /// </summary>
    public static string Method(SwingFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var wards = "the " + Plural.Count(figure.Wards, "ward", "wards");
        var method = ShareMethods.Name(figure.Method);
        return figure.Aggregation switch
        {
            SwingAggregation.Ward => $"{figure.Measure} swing, from {method} shares in one ward",
            SwingAggregation.AggregateShares => $"{figure.Measure} swing, from aggregate {method} shares over {wards} both parties contested both times",
            SwingAggregation.MeanOfWards => $"{figure.Measure} swing, the mean of the ward swings in {wards} both parties contested both times, on {method} shares",
            _ => $"{figure.Measure} swing, the median of the ward swings in {wards} both parties contested both times, on {method} shares",
        };
    }

    /// <summary>A share or turnout in percent, to one decimal place, e.g. "34.3%".</summary>
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
