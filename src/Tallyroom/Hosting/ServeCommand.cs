using System.CommandLine;

namespace Tallyroom.Hosting;

/// <summary><c>tallyroom serve [--db PATH] [--urls URL]</c>: the site and API over an event log.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5000.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var command = new Command("serve", "Serve the results site and API over the event log.") { db, urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = WebHost.Build([$"--{TallyroomOptions.Section}:Database={parse.GetValue(db)}", $"--urls={parse.GetValue(urls)}"]);
            await app.RunAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
