using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Importers.Manifest;

/// <summary>
/// Format <c>manifest</c>: a JSON list of sources (format and path, relative to a root folder) imported in order as
/// one batch, each importer seeing the state the sources before it leave. The command appends the whole batch in one
/// transaction, so a night is set up from all its files or not at all. Documented in docs/IMPORTING.md. Thread-safe.
/// </summary>
public static class ImportManifest
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "manifest";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads every source of the manifest at <paramref name="path"/> into one batch. Relative paths are taken from
    /// <see cref="ImportOptions.Root"/>, else from the manifest's own folder.
    /// </summary>
    /// <exception cref="MalformedInputException">The manifest or one of its sources is malformed.</exception>
    /// <exception cref="RuleViolationException">An event breaks a rule; <see cref="RuleViolationException.EventIndex"/> indexes the returned batch's events.</exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var text = File.ReadAllText(path);
        ManifestDocument document;
        try
        {
            document = JsonSerializer.Deserialize<ManifestDocument>(text, JsonOptions)
                ?? throw new MalformedInputException(new SourceLocation(path, 1), "the manifest is empty (null).");
        }
        catch (JsonException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)(e.LineNumber ?? 0) + 1)), "the manifest is not valid: " + e.Message);
        }

        var lines = SourceLines(text);
        var root = options.Root ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        var batch = new ImportBatch();
        var state = current;
        for (var i = 0; i < document.Sources.Count; i++)
        {
            var source = document.Sources[i];
            var where = new SourceLocation(path, i < lines.Count ? lines[i] : 1);
            var field = string.Create(CultureInfo.InvariantCulture, $"sources[{i}]");
            var reader = source.Format == FormatName ? null : ImportFormats.Find(source.Format)
                ?? throw new MalformedInputException(where, $"{field}.format: '{source.Format}' is not one of {string.Join(", ", ImportFormats.Names.Where(n => n != FormatName))}.");
            if (reader is null)
            {
                throw new MalformedInputException(where, $"{field}.format: a manifest cannot include another manifest.");
            }

            var sourceOptions = new ImportOptions
            {
                SetupOnly = source.SetupOnly || options.SetupOnly,
                PollingDay = source.PollingDay,
                WardCodesPath = Resolve(root, source.WardCodes, where, field + ".wardCodes"),
                WardCodeChangesPath = Resolve(root, source.WardCodeChanges, where, field + ".wardCodeChanges"),
                Progress = options.Progress,
            };
            var part = reader(Resolve(root, source.Path, where, field + ".path")!, state, sourceOptions);
            if (source.Only is { } only)
            {
                part = only == "postponed-polls"
                    ? KeepPostponedPolls(part)
                    : throw new MalformedInputException(where, $"{field}.only: '{only}' is not known; the one filter is postponed-polls.");
            }

            try
            {
                state = ResultsEngine.Fold(state, part.Events);
            }
            catch (RuleViolationException refusal) when (refusal.EventIndex is { } index)
            {
                throw new RuleViolationException(refusal.Violations) { EventIndex = batch.Events.Count + index, SourceDescription = part.Sources[index].ToString() };
            }

            for (var e = 0; e < part.Events.Count; e++)
            {
                batch.Add(part.Events[e], part.Sources[e]);
            }

            foreach (var note in part.Notes)
            {
                batch.Note($"[{source.Format} {source.Path}] {note}");
            }
        }

        return batch;
    }

    /// <summary>Keeps only the polls a source postpones (their ballot definitions and postponements).</summary>
    private static ImportBatch KeepPostponedPolls(ImportBatch part)
    {
        var postponed = part.Events.OfType<BallotPostponed>().Select(p => p.BallotId).ToHashSet(StringComparer.Ordinal);
        var kept = new ImportBatch();
        for (var i = 0; i < part.Events.Count; i++)
        {
            if (part.Events[i] is BallotPostponed || (part.Events[i] is BallotDefined b && postponed.Contains(b.Ballot.Id)))
            {
                kept.Add(part.Events[i], part.Sources[i]);
            }
        }

        kept.Note(string.Create(CultureInfo.InvariantCulture, $"Kept only the {Plural.Count(postponed.Count, "postponed poll", "postponed polls")}: {string.Join(", ", postponed.Order(StringComparer.Ordinal))}."));
        return kept;
    }

    private static string? Resolve(string root, string? relative, SourceLocation where, string field)
    {
        if (relative is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        return File.Exists(full) ? full : throw new MalformedInputException(where, $"{field}: there is no file '{relative}' under '{root}'.");
    }

    /// <summary>The 1-based line on which each element of the top-level <c>sources</c> array starts.</summary>
    private static List<int> SourceLines(string text)
    {
        var lines = new List<int>();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var inSources = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inSources = reader.ValueTextEquals("sources"u8);
            }
            else if (inSources && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                lines.Add(1 + bytes.AsSpan(0, checked((int)reader.TokenStartIndex)).Count((byte)'\n'));
            }
        }

        return lines;
    }

    private sealed record ManifestDocument
    {
        public string? Election { get; init; }

        public string? Description { get; init; }

        public required IReadOnlyList<ManifestSource> Sources { get; init; }
    }

    private sealed record ManifestSource
    {
        public required string Format { get; init; }

        public required string Path { get; init; }

        public string? Note { get; init; }

        public bool SetupOnly { get; init; }

        public DateOnly? PollingDay { get; init; }

        public string? WardCodes { get; init; }

        public string? WardCodeChanges { get; init; }

        public string? Only { get; init; }
    }
}
