using System.Globalization;
using Tallyroom.Core.Analysis;

namespace Tallyroom.Analysis;

/// <summary>Swing-needed figures as sentences that name their method and baseline, for the CLI and the documents.</summary>
internal static class AnalysisText
{
    public static string Sentence(string councilName, ControlTarget target)
    {
        var party = target.Party.Name;
        var from = target.From is { } opponent ? "from " + opponent.Name : "from each seat's holders";
        var sentence = target.Path switch
        {
            ControlPath.NeedsSwing => Invariant($"{party} needs a swing of {Points(target.SwingNeeded)} {from} for a majority ({target.Majority} of {target.TotalSeats}) in {councilName}: {target.GainsNeeded} gain(s), {Basis(target.Method, target.Basis)}."),
            ControlPath.HasMajority => Invariant($"{party} has the {target.Majority} seats a majority in {councilName} needs with no swing, {Basis(target.Method, target.Basis)}."),
            ControlPath.ImpossibleThisYear => Invariant($"{party} cannot win a majority in {councilName} this year: its {target.Continuing} continuing seat(s) and the {target.SeatsContested} seat(s) up where it stands are fewer than {target.Majority}."),
            _ => Invariant($"{party} could reach {target.Majority} seats in {councilName} only with seats in wards with no comparable result last time: no swing can be worked out."),
        };
        return target.BallotsNotComparable == 0
            ? sentence
            : sentence + Invariant($" {target.BallotsNotComparable} ward(s) ({target.SeatsNotComparable} seat(s)) with no comparable result are left out of the targets and assumed not won.");
    }

    public static string Sentence(string councilName, ControlDefence defence) => defence.Path switch
    {
        DefencePath.LosesAtSwing => Invariant($"{defence.Party.Name} loses its majority in {councilName} at a swing of {Points(defence.SwingToLose)} against it, {Basis(defence.Method, defence.Basis)}."),
        DefencePath.CannotLose => Invariant($"{defence.Party.Name} cannot lose control of {councilName} this year: the seats no swing can take keep its majority."),
        DefencePath.AlreadyShort => Invariant($"{defence.Party.Name} falls short of the {defence.Majority} seats a majority in {councilName} needs even with no swing, {Basis(defence.Method, defence.Basis)}."),
        _ => Invariant($"Whether {defence.Party.Name} keeps its majority in {councilName} depends on {defence.SeatsNotComparable} seat(s) with no comparable result last time."),
    };

    public static string Points(double? points) => points is { } p ? Invariant($"{p:0.00} points") : "no figure";

    private static string Basis(ShareMethod method, TargetBasis basis) => basis == TargetBasis.PreviousContest
        ? $"on {ShareMethods.Name(method)} shares from when the seats were last fought"
        : $"with declared seats as declared and the rest on {ShareMethods.Name(method)} shares from when they were last fought";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
