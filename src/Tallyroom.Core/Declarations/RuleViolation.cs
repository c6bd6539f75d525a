namespace Tallyroom.Core.Declarations;

/// <summary>
/// Why a write was refused: the rule broken, the field it concerns and a sentence for a human. Immutable.
/// </summary>
/// <param name="Rule">A stable rule name, e.g. <c>winners-count</c>; clients may branch on it.</param>
/// <param name="Field">The field at fault, as a JSON path into the write, e.g. <c>results[2].votes</c>.</param>
/// <param name="Message">What is wrong, naming the rule in plain words.</param>
public sealed record RuleViolation(string Rule, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message} [{Rule}]";
}

/// <summary>Thrown when a write breaks a rule; nothing has been written. Carries every violation found.</summary>
public sealed class RuleViolationException : Exception
{
    /// <summary>Creates the exception for the given violations.</summary>
    public RuleViolationException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join("; ", violations))
    {
        Violations = violations;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public RuleViolationException(string message)
        : base(message)
    {
        Violations = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public RuleViolationException()
    {
        Violations = [];
    }

    /// <summary>The rules broken, in the order found.</summary>
    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>When the write was a batch of events, the index of the event that broke the rules.</summary>
    public int? EventIndex { get; init; }

    /// <summary>Where the offending event came from (e.g. <c>file:line</c>), when the writer knows.</summary>
    public string? SourceDescription { get; init; }
}
