using System.Globalization;
using System.Text;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Blogs;

/// <summary>A post the results call for, as it should read now. Immutable.</summary>
/// <param name="PostId">Its deterministic id, e.g. <c>auto-council-westminster</c>, so that it is written once.</param>
/// <param name="Kind">Which automatic kind it is.</param>
/// <param name="Headline">Plain text.</param>
/// <param name="Markdown">The body, linking to the council's page.</param>
/// <param name="KeyEvent">True for control changing hands.</param>
public sealed record AutomaticPost(string PostId, AutomaticKind Kind, string Headline, string Markdown, bool KeyEvent);

/// <summary>
/// The posts the results write by themselves, in plain newsroom English: a council declares ("Conservatives hold
/// Westminster: Con 41, Lab 19"), control changes hands ("Labour gain Plymouth from the Conservatives"), the State of
/// parties every N councils, and notable wards (a gain, a tie decided by lot, a recount). A declared council's post quotes
/// its swing and turnout, and a change of control the swing the winner needed: figures that are settled once the post is
/// due (the council's own declared wards, and last time's results), so a declaration elsewhere never rewrites them. The
/// live projections are not quoted: they move with every declaration. Each has a deterministic id, so a writer
/// publishes a missing one and corrects one whose text the results have changed, and never writes one twice. A post
/// whose reason a correction has taken away (a gain that was not) reads as a correction rather than disappearing.
/// Pure and thread-safe.
/// </summary>
public static class AutomaticPosts
{
    // Named rather than left to the defaults: the swing needed must be judged on last time's results, or each
    // declaration would rewrite the post that quotes it.
    private static readonly AnalysisOptions Quoted = new() { Method = ShareMethod.TopVote, Basis = TargetBasis.PreviousContest };

    /// <summary>
    /// The automatic posts of the kinds <paramref name="blog"/> writes, as they should read at <paramref name="state"/>.
    /// With <paramref name="councils"/>, only posts about those councils (and the State of parties) are listed.
    /// </summary>
    public static IReadOnlyList<AutomaticPost> For(ElectionState state, BlogView blog, IReadOnlySet<string>? councils = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(blog);
        var settings = blog.Settings;
        var posts = new List<AutomaticPost>();
        var slugs = councils is null ? state.Councils.Keys.Order(StringComparer.Ordinal) : councils.Where(state.Councils.ContainsKey).Order(StringComparer.Ordinal);
        foreach (var slug in slugs)
        {
            var council = state.Councils[slug];
            if (settings.NotableWards)
            {
                foreach (var ballotId in council.BallotIds)
                {
                    if (Ward(state.Ballots[ballotId], council, blog) is { } ward)
                    {
                        posts.Add(ward);
                    }
                }
            }

            if (!council.Declared || !(settings.CouncilDeclared || settings.ControlChanged))
            {
                continue;
            }

            // Memoised per council view, so a pass over every council works out only those that changed.
            var analysis = CouncilAnalysis.Of(state, council, Quoted);
            if (settings.CouncilDeclared)
            {
                posts.Add(Declared(council, analysis));
            }

            if (settings.ControlChanged && Control(council, analysis, blog) is { } control)
            {
                posts.Add(control);
            }
        }

        if (settings.StateOfParties && StateOfParties(state.Scoreboard, blog, settings.StateOfPartiesEvery) is { } board)
        {
            posts.Add(board);
        }

        return posts;
    }

    /// <summary>The post id of a council's declaration post.</summary>
    public static string CouncilPostId(string councilSlug) => "auto-council-" + councilSlug;

    /// <summary>The post id of a council's change of control post.</summary>
    public static string ControlPostId(string councilSlug) => "auto-control-" + councilSlug;

    /// <summary>The post id of a notable ward's post.</summary>
    public static string WardPostId(string ballotId)
    {
        ArgumentNullException.ThrowIfNull(ballotId);
        return "auto-ward-" + Slug.Make(ballotId.Replace('.', '-'));
    }

    /// <summary>The post id of the State of parties after <paramref name="councils"/> councils.</summary>
    public static string StatePostId(int councils) => "auto-state-" + councils.ToString(CultureInfo.InvariantCulture);

    /// <summary>A short party name for a line of figures: "Con", "Lab", "LD", "Grn", "UKIP", "Ind", else the name.</summary>
    public static string ShortName(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.Id switch
        {
            "PP52" => "Con",
            "PP53" => "Lab",
            "PP90" => "LD",
            "PP63" => "Grn",
            "PP85" => "UKIP",
            "IND" => "Ind",
            _ => party.Name,
        };
    }

    private static AutomaticPost Declared(CouncilView council, CouncilAnalysis analysis)
    {
        var name = council.Definition.Name;
        var figures = Figures(council.Composition);
        var headline = council.Outcome is { } outcome
            ? CouncilOutcomeText.Sentence(name, outcome)
            : council.Control.Party is { } winner ? $"{ScoreboardText.DisplayName(winner)} win {name}" : $"No overall control in {name}";
        var body = new StringBuilder();
        body.Append(Md(name)).Append(council.BallotsDeclared == 1 ? " has declared its one ward" : Invariant($" has declared all {council.BallotsDeclared} wards"));
        body.Append(council.BallotsPostponed > 0 ? Invariant($" ({Plural.Count(council.BallotsPostponed, "poll", "polls")} postponed). ") : ". ");
        body.Append(Invariant($"The council now stands at {figures}, with {council.Majority} of the {council.TotalSeats} seats needed for a majority."));
        var changes = council.SeatChanges.Where(c => c.Change != 0).OrderByDescending(c => c.Change).ThenBy(c => c.Party.Name, StringComparer.Ordinal).ToList();
        if (changes.Count > 0)
        {
            body.Append(" Seats changing hands tonight: ").Append(string.Join(", ", changes.Select(c => $"{Md(ShortName(c.Party))} {ScoreboardText.WithSign(c.Change)}"))).Append('.');
        }

        // The figure the council's page leads with: Butler swing from aggregate shares.
        if (analysis.Swing?.Figure(SwingMeasure.Butler, SwingAggregation.AggregateShares) is { Points: not null } swing)
        {
            body.Append(Invariant($" The swing since the seats were last fought was {AnalysisText.Size(swing)} {Md(AnalysisText.Direction(swing))} ({AnalysisText.Method(swing)})."));
        }

        if (analysis.Turnout is { Percent: { } turnout } figure)
        {
            body.Append(" Ballot-box turnout was ").Append(AnalysisText.Percent(turnout));
            body.Append(figure.Wards == council.BallotsDeclared ? "." : $" over the {Plural.Count(figure.Wards, "ward", "wards")} whose ballot papers and electorate are known.");
        }

        body.Append("\n\n").Append(CouncilLink(council));
        return new(CouncilPostId(council.Definition.Slug), AutomaticKind.CouncilDeclared, $"{headline}: {figures}", body.ToString(), false);
    }

    private static AutomaticPost? Control(CouncilView council, CouncilAnalysis analysis, BlogView blog)
    {
        var id = ControlPostId(council.Definition.Slug);
        var name = council.Definition.Name;
        if (council.Outcome is { Kind: OutcomeKind.Gain or OutcomeKind.LossToNoc } outcome)
        {
            var sentence = CouncilOutcomeText.Sentence(name, outcome);
            var seats = outcome.Kind == OutcomeKind.Gain
                ? Invariant($"{Md(ScoreboardText.DisplayName(outcome.Party!))} now have {council.Composition.Get(outcome.Party!.Id)} of the {council.TotalSeats} seats; {council.Majority} make a majority.")
                : Invariant($"No party has the {council.Majority} seats needed for a majority: {Figures(council.Composition)}.");
            return new(id, AutomaticKind.ControlChanged, sentence, $"{Md(sentence)}. {seats}{Needed(outcome, analysis)}\n\n{CouncilLink(council)}", true);
        }

        // Written before, but a correction took the change away: say so in the same post.
        if (blog.Posts.ContainsKey(id) && council.Outcome is { } corrected)
        {
            var sentence = CouncilOutcomeText.Sentence(name, corrected);
            return new(id, AutomaticKind.ControlChanged, "Correction: " + sentence,
                $"A corrected result means control of {Md(name)} did not change hands: {Md(sentence)}.\n\n{CouncilLink(council)}", true);
        }

        return null;
    }

    // The swing the winner needed, judged on last time's results alone: no declaration changes it.
    private static string Needed(CouncilOutcome outcome, CouncilAnalysis analysis)
    {
        if (outcome.Party is not { } winner || analysis.Control.FirstOrDefault(t => t.Party.Id == winner.Id) is not { } target)
        {
            return "";
        }

        var needed = target.Path switch
        {
            ControlPath.NeedsSwing => Md(AnalysisText.Needed(target)),
            ControlPath.HasMajority => "no swing",
            _ => null, // beyond the comparable wards: there is no figure to quote
        };
        if (needed is null)
        {
            return "";
        }

        var leftOut = target.BallotsNotComparable == 0 ? "" : $", leaving out {Plural.Count(target.BallotsNotComparable, "ward", "wards")} with no comparable result";
        return $" On Tallyroom's figures, {Md(ScoreboardText.DisplayName(winner))} needed {needed} for a majority, {AnalysisText.Basis(target.Method, target.Basis)}{leftOut}.";
    }

    private static AutomaticPost? StateOfParties(Scoreboard board, BlogView blog, int every)
    {
        var milestone = board.CouncilsDeclared / every * every;
        if (milestone < every || blog.Posts.ContainsKey(StatePostId(milestone)))
        {
            return null;
        }

        // The scoreboard as it stands when the milestone is written; a snapshot, so never corrected afterwards.
        var lines = ScoreboardText.Lines(board);
        var body = string.Join("\n", lines.Skip(1).Select(l => "- " + Md(l))) + "\n\n[The full scoreboard](/)";
        return new(StatePostId(milestone), AutomaticKind.StateOfParties, lines[0], body, false);
    }

    private static AutomaticPost? Ward(BallotView ballot, CouncilView council, BlogView blog)
    {
        if (!ballot.HasResult)
        {
            return null;
        }

        var id = WardPostId(ballot.Definition.Id);
        var place = $"{ballot.Definition.WardName} in {council.Definition.Name}";
        var lot = Lot(ballot);
        var recount = Recount(ballot);
        var gain = Gain(ballot, place);
        var links = $"[The ward's result](/ballots/{ballot.Definition.Id}) · {CouncilLink(council)}";
        var details = string.Concat(lot is null ? "" : " " + lot, recount is null ? "" : " " + recount);
        if (gain is not null)
        {
            return new(id, AutomaticKind.NotableWard, gain, $"{Md(gain)}.{details}\n\n{links}", false);
        }

        if (lot is not null)
        {
            return new(id, AutomaticKind.NotableWard, $"{place}: a tie decided by lot", $"{details.TrimStart()}\n\n{links}", false);
        }

        if (recount is not null)
        {
            // No gain: with a comparable result last time every seat was held; without one, say who won.
            var holders = ballot.SeatsWon.Ranked().Select(e => ScoreboardText.DisplayName(e.Party)).ToList();
            var comparable = ballot.Baseline is { Kind: not BaselineKind.NotComparable };
            var now = (holders.Count, comparable) switch
            {
                (1, true) => $"{holders[0]} hold {place}",
                (_, true) => $"No change in {place}",
                (1, false) => $"{holders[0]} win {place}",
                _ => $"{place} declared",
            };
            return new(id, AutomaticKind.NotableWard, $"{now} after {Plural.Count(ballot.Declaration!.Recounts!.Value, "recount", "recounts")}", $"{Md(now)}. {recount}\n\n{links}", false);
        }

        if (blog.Posts.ContainsKey(id))
        {
            var holders = ballot.SeatsWon.Ranked().Select(e => ScoreboardText.DisplayName(e.Party)).ToList();
            var now = holders.Count == 1 ? $"{holders[0]} hold {place}" : $"No change in {place}";
            return new(id, AutomaticKind.NotableWard, "Correction: " + now, $"A corrected result means no seat changed hands: {Md(now)}.\n\n{links}", false);
        }

        return null;
    }

    private static string? Gain(BallotView ballot, string place)
    {
        if (ballot.Baseline is not { Kind: not BaselineKind.NotComparable } baseline)
        {
            return null;
        }

        var changes = SeatChange.Between(ballot.SeatsWon, PartySeats.Of(baseline.Defended)).Where(c => c.Change != 0).ToList();
        var gainers = changes.Where(c => c.Change > 0).ToList();
        var losers = changes.Where(c => c.Change < 0).ToList();
        if (gainers.Count == 0)
        {
            return null;
        }

        if (gainers.Count == 1 && losers.Count == 1)
        {
            var who = ScoreboardText.DisplayName(gainers[0].Party);
            var from = CouncilOutcomeText.The(losers[0].Party);
            return ballot.Definition.SeatsUp == 1
                ? $"{who} gain {place} from {from}"
                : Invariant($"{who} gain {Plural.Count(gainers[0].Change, "seat", "seats")} in {place} from {from}");
        }

        return $"Seats change hands in {place}: " + string.Join(", ", changes.OrderByDescending(c => c.Change).ThenBy(c => c.Party.Name, StringComparer.Ordinal)
            .Select(c => $"{ShortName(c.Party)} {ScoreboardText.WithSign(c.Change)}"));
    }

    private static string? Recount(BallotView ballot) =>
        ballot.Declaration?.Recounts is > 0 and var n
            ? Invariant($"The result was declared after {Plural.Count(n, "recount", "recounts")}.")
            : null;

    private static string? Lot(BallotView ballot)
    {
        var results = ballot.Declaration?.Results ?? [];
        var drawn = results.Where(r => r.DecidedByLot).ToList();
        if (drawn.Count == 0)
        {
            return null;
        }

        var definition = ballot.Definition;
        string Name(Declarations.CandidateResult r) => definition.FindCandidate(r.CandidateId) is { } c ? $"{Md(c.Name)} ({Md(c.Party.Name)})" : r.CandidateId;
        var tied = drawn.Concat(results.Where(r => !r.DecidedByLot && drawn.Any(d => d.Votes == r.Votes && d.Elected != r.Elected))).DistinctBy(r => r.CandidateId).ToList();
        var winners = tied.Where(r => r.Elected).Select(Name).ToList();
        var votes = drawn[0].Votes ?? 0;
        return Invariant($"{string.Join(" and ", tied.Select(Name))} tied on {Plural.Count(votes, "vote", "votes")}; the seat went to {string.Join(" and ", winners)} by lot.");
    }

    private static string Figures(PartySeats composition) =>
        string.Join(", ", composition.Ranked().Select(e => Invariant($"{ShortName(e.Party)} {e.Seats}")));

    private static string CouncilLink(CouncilView council) =>
        $"[{Md(council.Definition.Name)}: the full result](/councils/{council.Definition.Slug})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Names come from the data; a '*' or '[' in one must not turn into emphasis or a link.
    private static string Md(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#' or '!' or '|' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
