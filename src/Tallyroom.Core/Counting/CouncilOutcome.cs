using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>How control changed, measured against control on the eve of poll.</summary>
public enum OutcomeKind
{
    /// <summary>The party in control keeps it.</summary>
    Hold,

    /// <summary>A party takes control, from another party or from no overall control.</summary>
    Gain,

    /// <summary>The party in control loses it and no party has a majority.</summary>
    LossToNoc,

    /// <summary>No overall control before and after.</summary>
    NocUnchanged,
}

/// <summary>A declared council's outcome. Immutable.</summary>
/// <param name="Kind">Hold, gain, loss to NOC, or NOC unchanged.</param>
/// <param name="Party">The party that holds, gains or loses control; null for NOC unchanged.</param>
/// <param name="From">Control on the eve of poll.</param>
public sealed record CouncilOutcome(OutcomeKind Kind, Party? Party, CouncilControl From)
{
    /// <summary>Compares control after the election with control before; both must be decided.</summary>
    public static CouncilOutcome Of(CouncilControl before, CouncilControl after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Kind == ControlKind.Undecided || after.Kind == ControlKind.Undecided)
        {
            throw new ArgumentException("An outcome needs control decided before and after.");
        }

        return (before.Party, after.Party) switch
        {
            (null, null) => new(OutcomeKind.NocUnchanged, null, before),
            ({ } was, null) => new(OutcomeKind.LossToNoc, was, before),
            (var was, { } now) when was == now => new(OutcomeKind.Hold, now, before),
            (_, { } now) => new(OutcomeKind.Gain, now, before),
        };
    }
}
