using System.CommandLine;
using Tallyroom.Hosting;

namespace Tallyroom.Tests;

/// <summary>Runs the real <c>tallyroom</c> command tree in-process, capturing what it prints.</summary>
internal static class CliRun
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs a command with <paramref name="input"/> as its standard input.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exit = await Cli.Build(new FixedClock(), reader).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A clock stopped at 22:00 BST on polling day, so recorded times are reproducible.</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2018, 5, 3, 21, 0, 0, TimeSpan.Zero);
    }
}

/// <summary>A temporary database file, deleted (with its WAL files) afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tallyroom-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        // The web host keeps the key ring that signs its cookies beside the log.
        if (Directory.Exists(Path + ".keys"))
        {
            Directory.Delete(Path + ".keys", recursive: true);
        }
    }
}
