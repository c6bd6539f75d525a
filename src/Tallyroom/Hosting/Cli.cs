using System.CommandLine;
using Tallyroom.Import;
using Tallyroom.Results;

namespace Tallyroom.Hosting;

/// <summary>The <c>tallyroom</c> command line: each feature folder contributes its commands.</summary>
internal static class Cli
{
    /// <param name="clock">The time commands record.</param>
    /// <param name="input">Standard input, for commands that read a secret from it; the console's when null.</param>
    public static RootCommand Build(TimeProvider clock, TextReader? input = null) => new("Tallyroom: election-night results, from ward declarations to the national scoreboard.")
    {
        ImportCommand.Create(clock),
        ResultsCommands.Scoreboard(),
        ResultsCommands.Council(),
        ResultsCommands.Ballot(),
        Validation.ValidateCommand.Create(),
        ServeCommand.Create(),
        Replay.ReplayCommands.Demo(clock),
        Replay.ReplayCommands.Replay(clock),
        Accounts.KeysCommand.Create(clock),
        Accounts.UsersCommand.Create(clock, input ?? Console.In),
        Analysis.AnalysisCommands.Targets(),
        Analysis.BacktestCommand.Create(),
    };
}
