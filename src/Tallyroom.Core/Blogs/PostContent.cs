namespace Tallyroom.Core.Blogs;

/// <summary>
/// One version of a post as an editor (or the automatic writer) made it. The Markdown is kept as written and the HTML
/// as rendered and sanitised when it was written, so readers are served exactly what was checked. Immutable.
/// </summary>
public sealed record PostContent
{
    /// <summary>The post's id within its blog, e.g. <c>auto-council-westminster</c>; part of its permalink.</summary>
    public required string PostId { get; init; }

    /// <summary>An optional headline, plain text.</summary>
    public string? Headline { get; init; }

    /// <summary>The body as the editor wrote it, in Markdown.</summary>
    public required string Markdown { get; init; }

    /// <summary>The body rendered from <see cref="Markdown"/> and sanitised (no scripts, no inline styles).</summary>
    public required string Html { get; init; }

    /// <summary>True when the post is one of the night's key events.</summary>
    public bool KeyEvent { get; init; }

    /// <summary>A quote from the count, with who said it; plain text.</summary>
    public PostQuote? Quote { get; init; }

    /// <summary>The kind of automatic post this version is; null when an editor wrote it.</summary>
    public AutomaticKind? Automatic { get; init; }
}

/// <summary>A quote with its attribution, both plain text. Immutable.</summary>
/// <param name="Text">What was said.</param>
/// <param name="Attribution">Who said it, e.g. "Jo Oak, Conservative leader".</param>
public sealed record PostQuote(string Text, string Attribution);

/// <summary>The kinds of post the results write by themselves.</summary>
public enum AutomaticKind
{
    /// <summary>A council finished declaring: "Conservatives hold Westminster: Con 41, Lab 19".</summary>
    CouncilDeclared,

    /// <summary>Control of a council changed hands: "Labour gain Plymouth from the Conservatives".</summary>
    ControlChanged,

    /// <summary>The national scoreboard, every N declared councils.</summary>
    StateOfParties,

    /// <summary>A notable ward: a seat gained, or a tie decided by lot.</summary>
    NotableWard,
}

/// <summary>Which automatic posts a blog writes. Immutable; a new blog has every kind switched on.</summary>
public sealed record BlogSettings
{
    /// <summary>Every kind on, State of parties every 10 councils.</summary>
    public static BlogSettings AllOn { get; } = new();

    /// <summary>Post when a council finishes declaring.</summary>
    public bool CouncilDeclared { get; init; } = true;

    /// <summary>Post when control of a council changes hands.</summary>
    public bool ControlChanged { get; init; } = true;

    /// <summary>Post the State of parties every <see cref="StateOfPartiesEvery"/> declared councils.</summary>
    public bool StateOfParties { get; init; } = true;

    /// <summary>Post notable wards: gains and ties decided by lot.</summary>
    public bool NotableWards { get; init; } = true;

    /// <summary>How many declared councils between State of parties posts; at least 1.</summary>
    public int StateOfPartiesEvery { get; init; } = 10;

    /// <summary>True when the blog writes posts of this kind.</summary>
    public bool Writes(AutomaticKind kind) => kind switch
    {
        AutomaticKind.CouncilDeclared => CouncilDeclared,
        AutomaticKind.ControlChanged => ControlChanged,
        AutomaticKind.StateOfParties => StateOfParties,
        _ => NotableWards,
    };
}
