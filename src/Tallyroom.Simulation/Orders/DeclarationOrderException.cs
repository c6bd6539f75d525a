namespace Tallyroom.Simulation.Orders;

/// <summary>
/// A declaration order file was refused: it names a ballot the replay does not declare, names one twice, or names
/// none. Carries every problem found, each naming the file and line. Nothing was reordered.
/// </summary>
public sealed class DeclarationOrderException : Exception
{
    /// <summary>Creates the exception for the problems found in <paramref name="source"/>.</summary>
    public DeclarationOrderException(string source, IReadOnlyList<string> problems)
        : base(Describe(source, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DeclarationOrderException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DeclarationOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public DeclarationOrderException()
    {
        Problems = [];
    }

    /// <summary>Each problem, as <c>file:line: what is wrong</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string source, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);

        // A file of the wrong election would list every line; the first few say enough.
        const int Shown = 20;
        var more = problems.Count > Shown
            ? $"; and {(problems.Count - Shown).ToString(System.Globalization.CultureInfo.InvariantCulture)} more"
            : string.Empty;
        return $"The declaration order in {source} is refused: " + string.Join("; ", problems.Take(Shown)) + more;
    }
}
