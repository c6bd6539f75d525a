using System.CommandLine;
using System.Globalization;
using System.Text;
using Tallyroom.Core;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Events;
using Tallyroom.Hosting;
using Tallyroom.Replay;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Analysis;

/// <summary>
/// <c>tallyroom backtest</c>: replays an imported night in many random declaration orders and reports how close the
/// live projection came to each council's final composition, against a naive baseline (docs/PROJECTION-2018.md for the
/// 2018 night).
/// </summary>
internal static class BacktestCommand
{
    private static readonly int[] Stages = [25, 50, 75];

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var orders = new Option<int>("--orders") { Description = "How many random declaration orders to replay.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "The first order's seed; order k uses seed + k.", DefaultValueFactory = _ => 1 };
        var minimum = new Option<int>("--minimum-wards") { Description = "The fewest declared wards a party must have contested both times in a council for the council's own change to be used (else the nation's).", DefaultValueFactory = _ => ProjectionOptions.Default.MinimumWards };
        var output = new Option<string?>("--out") { Description = "Write the Markdown report to this file; without it the report goes to standard output." };
        var command = new Command("backtest", "Replay a night in random orders and measure the live projection against each council's final composition and a naive baseline.") { db, orders, seed, minimum, output };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var console = CliOutput.For(parse);
            var (dbPath, count, first, outPath) = (parse.GetValue(db)!, parse.GetValue(orders), parse.GetValue(seed), parse.GetValue(output));
            if (count < 1)
            {
                throw new CommandException("--orders: replay at least 1 order.");
            }

            var wards = parse.GetValue(minimum);
            if (wards < 1)
            {
                throw new CommandException($"--minimum-wards: {wards.ToString(CultureInfo.InvariantCulture)} is below 1; a council's own change needs at least one ward.");
            }

            if (!File.Exists(dbPath))
            {
                throw new CommandException($"--db: there is no event log at '{dbPath}'. Import an election first (tallyroom import …).");
            }

            var events = new List<ElectionEvent>();
            await using (var log = await SqliteEventLog.OpenAsync(dbPath, ct).ConfigureAwait(false))
            {
                await foreach (var stored in log.ReadAsync(0, null, ct).ConfigureAwait(false))
                {
                    events.Add(stored.Event);
                }
            }

            var (setup, night) = NightSplit.Of(events);
            if (night.Count == 0)
            {
                throw new CommandException($"--db: '{dbPath}' has no declarations to replay.");
            }

            var timer = System.Diagnostics.Stopwatch.StartNew();
            var options = ProjectionOptions.Default with { MinimumWards = wards };
            var result = ProjectionBacktest.Run(setup, night, count, first, Stages, options);

            // What the regional step adds: the same orders replayed with every council's region removed.
            var withoutRegions = setup.OfType<CouncilDefined>().Any(c => c.Council.Region is not null)
                ? ProjectionBacktest.Run(WithoutRegions(setup), night, count, first, Stages, options)
                : null;
            var markdown = Markdown(result, withoutRegions, Invocation(dbPath, count, first, wards, outPath), timer.Elapsed);
            if (outPath is null)
            {
                await console.Output.WriteAsync(markdown).ConfigureAwait(false);
                return 0;
            }

            await File.WriteAllTextAsync(outPath, markdown, ct).ConfigureAwait(false);
            await console.Output.WriteLineAsync(Invariant($"Wrote {outPath}: {result.Orders} orders of {result.Declarations} declarations in {timer.Elapsed.TotalSeconds:0} s.")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    internal static IReadOnlyList<ElectionEvent> WithoutRegions(IReadOnlyList<ElectionEvent> setup) =>
        [.. setup.Select(e => e is CouncilDefined { Council.Region: not null } c ? new CouncilDefined(c.Council with { Region = null }) : e)];

    internal static string Markdown(BacktestResult result, BacktestResult? withoutRegions, string invocation, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# Backtest of the live projection: {result.Election}");
        Line($"");
        Line($"No source records when each ward declared, so this replays the night's {result.Declarations:N0} contested declarations in {result.Orders} random orders (seeds {result.Seed} to {result.Seed + result.Orders - 1}) and, for each of the {result.Councils} councils, takes the projection of its final composition at the moment 25%, 50% and 75% of its seats (postponed polls' apart) have declared. It is compared with the composition the council finally had on the night.");
        Line($"");
        Line($"Made with, on a log the night was imported into (`tallyroom import manifest <manifest> --root <raw data folder> --db <db>`; for 2018, manifests/local-2018-05-03.json):");
        Line($"");
        Line($"```sh");
        Line($"{invocation}");
        Line($"```");
        Line($"");
        Line($"({elapsed.TotalSeconds:0} s on the machine that made it.)");
        Line($"");
        Line($"## Method");
        Line($"");
        Line($"- **The projection** (Tallyroom's model) adds each party's mean change in top-vote share, over the council's declared wards with a comparable result last time that it contested both times, to its share last time in every ward still to declare, candidate by candidate, and gives each ward's seats to its leading candidates. A party that contested fewer than {result.MinimumWards} such wards in the council takes its region's change instead if it contested at least {result.MinimumWards} of the region's declared wards, else the nation's (a council with no region goes straight to the nation). Redrawn wards take the council's shares last time; wards uncontested last time keep their defended seats. Control follows from the projected seats, unless the count has already decided it.");
        Line($"- **The naive baseline**: every seat still to declare goes to whoever held it (its defended seat); a seat with no comparable defender goes to the council's largest party on the eve of poll. Control follows from those seats, unless the count has already decided it.");
        Line($"- **Seat error**: the sum over parties of |projected − actual| seats in a council, averaged over councils and orders. Independents count as one party, as in seat totals.");
        Line($"- **Control right**: the projected control (a party, or no overall control) is the council's final control. \"Open\" counts only projections made while the certainty rules had not yet decided control, where the model has something to do.");
        Line($"- **Range covers**: the share of party lines whose final seats fell within the projection's range (the 10th to the 90th percentile of each party's seats when its change in each ward still to come varies about its measured change by the spread seen, plus the uncertainty of that mean).");
        Line($"- **Own council's swing**: projections in which every party's change came from the council's own wards rather than the region's or the nation's.");
        Line($"");
        Line($"## Results");
        Line($"");
        Line($"| Seats declared | Projections | Control still open | Own council's swing | Seat error, model | Seat error, naive | Control right, model | Control right, naive | Right while open, model | Right while open, naive | Range covers |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in result.Stages)
        {
            Line($"| {s.Percent}% | {s.Projections:N0} | {Share(s.Open, s.Projections)} | {Share(s.OwnSwing, s.Projections)} | {s.ModelSeatError:0.00} | {s.NaiveSeatError:0.00} | {Percent(s.ModelControlRight)} | {Percent(s.NaiveControlRight)} | {Percent(s.ModelControlRightOpen)} | {Percent(s.NaiveControlRightOpen)} | {Percent(s.RangeCoverage)} |");
        }

        Line($"");
        foreach (var s in result.Stages)
        {
            var better = s.NaiveSeatError > 0 ? 100 * (s.NaiveSeatError - s.ModelSeatError) / s.NaiveSeatError : 0;
            Line($"- With {s.Percent}% of a council's seats in, the model's projection was {s.ModelSeatError:0.00} seats from the final composition on average, the naive baseline's {s.NaiveSeatError:0.00} ({(better >= 0 ? $"{better:0}% closer" : $"{-better:0}% further")}); it called control right {Percent(s.ModelControlRight)} of the time against {Percent(s.NaiveControlRight)}.");
        }

        Line($"");
        if (result.Stages.Sum(s => s.Complete) is > 0 and var complete)
        {
            Line($"{complete:N0} {Plural.Noun(complete, "projection was", "projections were")} taken when the declaration that reached the stage also completed the council; {Plural.Noun(complete, "it is", "they are")} exact and counted as such.");
            Line($"");
        }

        if (withoutRegions is not null)
        {
            Line($"## The regional step");
            Line($"");
            Line($"{result.Regions} of the {result.Councils} councils have a region. The same {result.Orders} orders replayed with every council's region removed, so that a party with too few of a council's wards goes straight to the nation's change, give the \"without\" figures: the projection as it was before councils had regions. The difference is what the regional step does.");
            Line($"");
            Line($"| Seats declared | Region's swing used | Seat error, with regions | Seat error, without | Control right, with regions | Control right, without | Right while open, with regions | Right while open, without | Range covers, with regions | Range covers, without |");
            Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (s, w) in result.Stages.Zip(withoutRegions.Stages))
            {
                Line($"| {s.Percent}% | {Share(s.RegionSwing, s.Projections)} | {s.ModelSeatError:0.00} | {w.ModelSeatError:0.00} | {Percent(s.ModelControlRight)} | {Percent(w.ModelControlRight)} | {Percent(s.ModelControlRightOpen)} | {Percent(w.ModelControlRightOpen)} | {Percent(s.RangeCoverage)} | {Percent(w.RangeCoverage)} |");
            }

            Line($"");
            foreach (var (s, w) in result.Stages.Zip(withoutRegions.Stages))
            {
                Line($"- At {s.Percent}%, some party's change came from the region in {Share(s.RegionSwing, s.Projections)} of projections; the seat error was {s.ModelSeatError:0.00} with regions against {w.ModelSeatError:0.00} without ({Signed(s.ModelSeatError - w.ModelSeatError)} seats), and control was called right {Percent(s.ModelControlRight)} of the time against {Percent(w.ModelControlRight)}.");
            }

            Line($"");
        }

        Line($"Projections are Tallyroom's own model, not results; on the site and in the API they are labelled as such, with their basis and range.");
        return md.ToString();
    }

    private static string Signed(double value) => (value > 0 ? "+" : value < 0 ? "−" : "±") + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Share(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Percent(double ratio) => (100 * ratio).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Invocation(string db, int orders, int seed, int minimumWards, string? output)
    {
        static string Shown(string path) => Path.IsPathRooted(path) ? Path.GetFileName(path) : path.Replace('\\', '/');
        return Invariant($"tallyroom backtest --db {Shown(db)} --orders {orders} --seed {seed}")
            + (minimumWards == ProjectionOptions.Default.MinimumWards ? string.Empty : Invariant($" --minimum-wards {minimumWards}"))
            + (output is null ? string.Empty : " --out " + Shown(output));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
