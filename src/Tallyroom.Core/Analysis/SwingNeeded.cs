using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// The swing a party needs for control of a council, its target list, and the swing at which the controlling party
/// loses control (see <see cref="ControlTarget"/> and <see cref="ControlDefence"/>). Pure. Thread-safe.
/// </summary>
public static class SwingNeeded
{
    /// <summary>The swing <paramref name="party"/> needs for control of <paramref name="council"/>, and its target list.</summary>
    public static ControlTarget ForControl(ElectionState state, CouncilView council, Party party, TargetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(party);
        options ??= TargetOptions.Default;
        return SeatModel.Build(state, council, options.Method).Gain(party, options.From, options.Basis);
    }

    /// <summary>
    /// The swing against the party that controlled <paramref name="council"/> on the eve of poll at which it loses its
    /// majority; null when nobody did (no overall control, or no eve-of-poll baseline).
    /// </summary>
    public static ControlDefence? ToLoseControl(ElectionState state, CouncilView council, TargetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        options ??= TargetOptions.Default;
        return council.ControlBefore?.Party is { } holder
            ? SeatModel.Build(state, council, options.Method).Defend(holder, options.From, options.Basis)
            : null;
    }
}
