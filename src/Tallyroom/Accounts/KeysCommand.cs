using System.CommandLine;
using Tallyroom.Hosting;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary><c>tallyroom keys create --role desk</c>: makes an API key for a machine; its last line is the key alone.</summary>
internal static class KeysCommand
{
    public static Command Create(TimeProvider clock)
    {
        var role = new Option<string>("--role") { Description = "The key's role: " + string.Join(", ", Roles.All) + ".", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var db = CommonOptions.Database();
        var create = new Command("create", "Create an API key. It is shown once; only its hash is stored.") { role, db };
        create.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var path = parse.GetValue(db)!;

            // Opening the log first checks the file is a Tallyroom log (or makes a new one).
            await (await SqliteEventLog.OpenAsync(path, ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            var key = await new SqliteApiKeys(path).CreateAsync(parse.GetValue(role)!, clock.GetUtcNow(), ct).ConfigureAwait(false);
            await output.Output.WriteLineAsync($"Created a {parse.GetValue(role)} key for {path}. It is shown only now; keep it secret:").ConfigureAwait(false);
            await output.Output.WriteLineAsync(key).ConfigureAwait(false);
            return 0;
        }));
        return new Command("keys", "Manage API keys for machines.") { create };
    }
}
