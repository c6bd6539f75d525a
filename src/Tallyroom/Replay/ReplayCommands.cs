using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Hosting;
using Tallyroom.Simulation;
using Tallyroom.Simulation.Orders;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Replay;

/// <summary>
/// <c>tallyroom demo</c> (a generated election, nothing to install) and <c>tallyroom replay &lt;db&gt;</c> (any imported
/// election): set the night up in a fresh log, serve the site, and play the declarations in a named order, since no
/// source has the real declaration times.
/// </summary>
internal static class ReplayCommands
{
    private const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The blog <c>tallyroom demo</c> opens.</summary>
    public const string DemoBlogId = "local-elections-as-it-happened";

    public static Command Demo(TimeProvider clock)
    {
        var seed = new Option<int>("--seed") { Description = "The generated election's seed; the same seed gives the same night.", DefaultValueFactory = _ => 2018 };
        var councils = new Option<int>("--councils") { Description = "How many councils to generate.", DefaultValueFactory = _ => 40 };
        var wards = new Option<int?>("--wards") { Description = "Generate at least this many wards (e.g. 10000 for load tests)." };
        var (speed, order, urls, exit) = ReplayOptions();
        var db = new Option<string?>("--db") { Description = "Where to keep the demo's event log (default: a fresh file in the temporary folder)." };
        var command = new Command("demo", "Generate a realistic election and replay its night while serving the site.") { seed, councils, wards, speed, order, urls, db, exit };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var election = ElectionGenerator.Generate(new GeneratorOptions { Seed = parse.GetValue(seed), Councils = parse.GetValue(councils), TargetWards = parse.GetValue(wards) });
            var path = parse.GetValue(db) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"tallyroom-demo-{parse.GetValue(seed)}.db"));
            var arranged = Arrange(parse.GetValue(order)!, parse.GetValue(seed), election.Setup, election.Declarations);
            await output.Output.WriteLineAsync(election.Description + ".").ConfigureAwait(false);
            // The demo's live blog fills up by itself as the councils declare.
            ElectionEvent[] setup = [.. election.Setup, new BlogOpened(DemoBlogId, "Local elections — as it happened", Core.Blogs.BlogSettings.AllOn, clock.GetUtcNow())];
            return await RunAsync(output, clock, path, fresh: parse.GetValue(db) is null, setup, arranged, parse.GetValue(speed), parse.GetValue(urls)!, parse.GetValue(exit), ct).ConfigureAwait(false);
        }));
        return command;
    }

    public static Command Replay(TimeProvider clock)
    {
        var source = new Argument<string>("db") { Description = "An event log holding an imported election, e.g. the 2018 night." };
        var seed = new Option<int>("--seed") { Description = "The seed for a random or realistic order.", DefaultValueFactory = _ => 1 };
        var into = new Option<string?>("--into") { Description = "The new event log the replay writes (default: a fresh file in the temporary folder). It must not exist." };
        var (speed, order, urls, exit) = ReplayOptions();
        var command = new Command("replay", "Replay an imported election's night in a chosen order while serving the site.") { source, seed, into, speed, order, urls, exit };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var from = parse.GetValue(source)!;
            if (!File.Exists(from))
            {
                throw new CommandException($"db: there is no event log at '{from}'.");
            }

            var target = parse.GetValue(into);
            if (target is not null && File.Exists(target))
            {
                throw new CommandException($"--into: '{target}' already exists; a replay writes a new log.");
            }

            var events = new List<ElectionEvent>();
            await using (var log = await SqliteEventLog.OpenAsync(from, ct).ConfigureAwait(false))
            {
                await foreach (var stored in log.ReadAsync(0, null, ct).ConfigureAwait(false))
                {
                    events.Add(stored.Event);
                }
            }

            var (setup, night) = NightSplit.Of(events);
            if (night.Count == 0)
            {
                throw new CommandException($"db: '{from}' has no declarations to replay.");
            }

            var arranged = Arrange(parse.GetValue(order)!, parse.GetValue(seed), setup, night);
            var path = target ?? Path.Combine(Path.GetTempPath(), $"tallyroom-replay-{Path.GetFileNameWithoutExtension(from)}.db");
            return await RunAsync(output, clock, path, fresh: target is null, setup, arranged, parse.GetValue(speed), parse.GetValue(urls)!, parse.GetValue(exit), ct).ConfigureAwait(false);
        }));
        return command;
    }

    private static (Option<double> Speed, Option<string> Order, Option<string> Urls, Option<bool> Exit) ReplayOptions() =>
    (
        new Option<double>("--speed") { Description = "Declarations a second (0: as fast as possible).", DefaultValueFactory = _ => 2 },
        new Option<string>("--order") { Description = "realistic, by-council, random, or a file of ballot ids (one a line) giving the order.", DefaultValueFactory = _ => "realistic" },
        new Option<string>("--urls") { Description = "Where to serve the site.", DefaultValueFactory = _ => DefaultUrls },
        new Option<bool>("--exit-when-done") { Description = "Stop serving once the last declaration is in (for scripts)." }
    );

    private static OrderedDeclarations Arrange(string order, int seed, IReadOnlyList<ElectionEvent> setup, IReadOnlyList<DeclarationRecorded> night)
    {
        var chosen = order switch
        {
            "realistic" => DeclarationOrder.Realistic(seed),
            "by-council" => DeclarationOrder.ByCouncil,
            "random" => DeclarationOrder.Random(seed),
            _ when File.Exists(order) => DeclarationOrder.FromFile(File.ReadAllLines(order), order),
            _ => throw new CommandException($"--order: '{order}' is not realistic, by-council, random or an existing file of ballot ids."),
        };
        try
        {
            return chosen.Arrange(setup, night);
        }
        catch (DeclarationOrderException e)
        {
            throw new CommandException("--order: " + string.Join("; ", e.Problems));
        }
    }

    private static async Task<int> RunAsync(CliOutput output, TimeProvider clock, string path, bool fresh, IReadOnlyList<ElectionEvent> setup, OrderedDeclarations order, double speed, string urls, bool exitWhenDone, CancellationToken ct)
    {
        if (speed < 0)
        {
            throw new CommandException("--speed: declarations a second must be 0 (as fast as possible) or more.");
        }

        if (fresh)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
        else if (File.Exists(path))
        {
            throw new CommandException($"--db: '{path}' already exists; the night is set up in a new log.");
        }

        await using (var log = await SqliteEventLog.OpenAsync(path, ct).ConfigureAwait(false))
        {
            using var engine = new ResultsEngine(log, clock);
            await engine.WriteAsync(setup, cancellationToken: ct).ConfigureAwait(false);
        }

        var plan = new ReplayPlan { Order = order, DeclarationsPerSecond = speed, Output = output.Output, ExitWhenDone = exitWhenDone };
        var app = WebHost.Build(
            [$"--{TallyroomOptions.Section}:Database={path}", $"--urls={urls}", "--Logging:LogLevel:Default=Warning"],
            builder =>
            {
                builder.Services.AddSingleton(plan);
                builder.Services.AddHostedService<NightReplay>();
            });
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? urls;
        await output.Output.WriteLineAsync($"Open {address}/ to watch the night; the API is at {address}/api/docs.").ConfigureAwait(false);
        foreach (var blog in setup.OfType<BlogOpened>())
        {
            await output.Output.WriteLineAsync($"The live blog \"{blog.Title}\" writes itself at {address}/blogs/{blog.BlogId}.").ConfigureAwait(false);
        }

        await output.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Replaying {order.Declarations.Length} declarations in {order.Description}, {(speed > 0 ? $"{speed} a second" : "as fast as possible")}. The event log is {path}. Press Ctrl+C to stop.")).ConfigureAwait(false);
        await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }
}
