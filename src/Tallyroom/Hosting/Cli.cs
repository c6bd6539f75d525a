using System.CommandLine;
using Tallyroom.Import;
using Tallyroom.Results;

namespace Tallyroom.Hosting;

/// <summary>The <c>tallyroom</c> command line: each feature folder contributes its commands.</summary>
internal static class Cli
{
    public static RootCommand Build(TimeProvider clock) => new("Tallyroom: election-night results, from ward declarations to the national scoreboard.")
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
        Analysis.AnalysisCommands.Targets(),
        Analysis.BacktestCommand.Create(),
    };
}
