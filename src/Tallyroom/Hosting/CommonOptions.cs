using System.CommandLine;

namespace Tallyroom.Hosting;

/// <summary>Options several commands share, so each is spelt and documented once.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "tallyroom.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "The SQLite event log file.",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON (camelCase) instead of tables." };
}
