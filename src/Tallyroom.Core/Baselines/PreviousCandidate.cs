using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Baselines;

/// <summary>A candidate's result the last time a ward's seats were fought. Immutable.</summary>
/// <param name="Name">The name as the source gives it.</param>
/// <param name="Party">The party seats are counted for.</param>
/// <param name="Votes">Votes; null when the ward was uncontested then.</param>
/// <param name="Elected">Whether the candidate was elected then.</param>
public sealed record PreviousCandidate(string Name, Party Party, int? Votes, bool Elected);
