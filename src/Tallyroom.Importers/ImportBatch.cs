using Tallyroom.Core.Events;

namespace Tallyroom.Importers;

/// <summary>Where in a source file a fact came from: a file and a 1-based physical line.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">The physical line (1-based) the record starts on.</param>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// What an importer read: the events to append, in order, each with the line it came from, plus notes for the user
/// (rows skipped on purpose, discrepancies worth knowing). Nothing is written until the whole batch is accepted.
/// </summary>
public sealed class ImportBatch
{
    private readonly List<ElectionEvent> events = [];
    private readonly List<SourceLocation> sources = [];
    private readonly List<string> notes = [];

    /// <summary>The events, in order.</summary>
    public IReadOnlyList<ElectionEvent> Events => events;

    /// <summary>The source of each event (same index as <see cref="Events"/>).</summary>
    public IReadOnlyList<SourceLocation> Sources => sources;

    /// <summary>Notes for the user: what was skipped and why, discrepancies found.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Adds an event read at <paramref name="source"/>.</summary>
    public void Add(ElectionEvent e, SourceLocation source)
    {
        events.Add(e);
        sources.Add(source);
    }

    /// <summary>Adds a note for the user.</summary>
    public void Note(string note) => notes.Add(note);
}

/// <summary>How to import.</summary>
public sealed record ImportOptions
{
    /// <summary>Define the election (councils, ballots, candidates) without declaring results.</summary>
    public bool SetupOnly { get; init; }

    /// <summary>
    /// The polling day, for formats whose rows do not carry it (LEAP). When null, an importer takes it from a
    /// <c>yyyy-mm-dd</c> in the file name, and refuses the file if there is none.
    /// </summary>
    public DateOnly? PollingDay { get; init; }

    /// <summary>
    /// A Democracy Club <c>ballot_id,gss_code</c> file giving each ballot's ONS ward code, for formats that lack
    /// them; null for none.
    /// </summary>
    public string? WardCodesPath { get; init; }

    /// <summary>
    /// An ONS ward code-history file (<c>GEOGCD, GEOGNM, GEOGCD_P, GEOGNM_P, SI_TITLE, OPER_DATE</c>, e.g.
    /// <c>wards_2018_to_2014.csv</c>) telling which ward codes changed, and when, between a previous election and this
    /// one. The previous-results importers use it to mark redrawn wards not comparable and to follow renames; null
    /// for none, in which case wards are matched by code or name alone and a note says so.
    /// </summary>
    public string? WardCodeChangesPath { get; init; }

    /// <summary>The folder a manifest's relative paths start from; null for the manifest's own folder.</summary>
    public string? Root { get; init; }

    /// <summary>Told the number of records read so far, now and then, for a progress display.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>The input file is malformed; nothing was imported. The message starts with <c>file:line:</c>.</summary>
public sealed class MalformedInputException : Exception
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    public MalformedInputException(SourceLocation where, string reason)
        : base($"{where}: {reason}")
    {
        Where = where;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MalformedInputException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MalformedInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception without details.</summary>
    public MalformedInputException()
    {
        Reason = string.Empty;
    }

    /// <summary>The place in the file, when known.</summary>
    public SourceLocation? Where { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
