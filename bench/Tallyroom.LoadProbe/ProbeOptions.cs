using System.Globalization;

namespace Tallyroom.LoadProbe;

/// <summary>The probe's command line: <c>--name value</c> pairs, each with a default except the key file.</summary>
internal sealed record ProbeOptions
{
    public const string Usage = """
        Usage: Tallyroom.LoadProbe --key-file PATH [--url http://127.0.0.1:5080] [--subscribers 1000] [--declarations 100]
                                   [--warmup 5] [--interval 0] [--timeout 10] [--server-pid PID] [--settle 5] [--hold 0]
          --key-file      a file whose last line is a desk API key (the output of `tallyroom keys create --role desk`)
          --subscribers   SSE connections to /api/stream held open during the run
          --declarations  declarations measured, posted one at a time (after --warmup unmeasured ones)
          --interval      milliseconds from one declaration's POST to the next (0: the next as soon as every subscriber
                          has the last); a declaration whose events take longer is followed at once
          --timeout       seconds to wait for every subscriber to receive one declaration's event
          --server-pid    the server's process id, to read its VmRSS from /proc before and after connecting
          --settle        seconds to let the server settle before each VmRSS reading
          --hold          seconds to keep the connections open, idle, once all are connected (for outside tools)
        """;

    public required Uri Url { get; init; }

    public required string Key { get; init; }

    public int Subscribers { get; init; } = 1000;

    public int Declarations { get; init; } = 100;

    public int Warmup { get; init; } = 5;

    public TimeSpan Interval { get; init; } = TimeSpan.Zero;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int? ServerPid { get; init; }

    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Hold { get; init; } = TimeSpan.Zero;

    /// <summary>Reads the options, or returns null with the reason when they are not usable.</summary>
    public static ProbeOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"expected '--name value' pairs, got '{args[i]}'";
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (!values.TryGetValue("key-file", out var keyFile))
        {
            error = "--key-file is required";
            return null;
        }

        var key = File.ReadAllLines(keyFile).LastOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (key is null)
        {
            error = $"{keyFile} holds no key";
            return null;
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

        error = null;
        return new ProbeOptions
        {
            Url = new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5080")),
            Key = key,
            Subscribers = Int("subscribers", 1000),
            Declarations = Int("declarations", 100),
            Warmup = Int("warmup", 5),
            Interval = TimeSpan.FromMilliseconds(Int("interval", 0)),
            Timeout = TimeSpan.FromSeconds(Int("timeout", 10)),
            ServerPid = values.ContainsKey("server-pid") ? Int("server-pid", 0) : null,
            Settle = TimeSpan.FromSeconds(Int("settle", 5)),
            Hold = TimeSpan.FromSeconds(Int("hold", 0)),
        };
    }
}
