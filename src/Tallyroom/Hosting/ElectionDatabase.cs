using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Hosting;

/// <summary>Opens the event log a command names with <c>--db</c>, and the engine folded from it.</summary>
internal static class ElectionDatabase
{
    /// <summary>Opens (creating if need be) the log and catches an engine up with it.</summary>
    public static async Task<(SqliteEventLog Log, ResultsEngine Engine)> OpenForWritingAsync(string path, TimeProvider clock, CancellationToken cancellationToken)
    {
        var log = await SqliteEventLog.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        var engine = new ResultsEngine(log, clock);
        await engine.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return (log, engine);
    }

    /// <summary>
    /// Folds an existing log up to <paramref name="revision"/> (its head when null). Refuses, rather than creating an
    /// empty file, when there is no log at <paramref name="path"/>.
    /// </summary>
    public static async Task<ElectionState> ReadStateAsync(string path, long? revision, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"--db: there is no event log at '{path}'. Import an election first (tallyroom import …).");
        }

        await using var log = await SqliteEventLog.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        if (revision is { } at)
        {
            var head = await log.GetHeadAsync(cancellationToken).ConfigureAwait(false);
            if (at < 0 || at > head)
            {
                throw new CommandException($"--at: revision {at} is outside the log, which runs from 0 to {head}.");
            }
        }

        return await ResultsEngine.StateAtAsync(log, revision, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A command cannot do what was asked; the message names the option or argument and the reason.</summary>
internal sealed class CommandException(string message) : Exception(message);
