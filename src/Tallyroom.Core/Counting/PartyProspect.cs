using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>
/// Where a party stands in a council while the count runs (DOMAIN.md): with declared seats <c>D</c>, continuing
/// seats <c>C</c> and <c>R</c> seats undeclared, it has won control once <c>D + C ≥ M</c> and cannot win once
/// <c>D + C + R &lt; M</c>. Immutable.
/// </summary>
/// <param name="Party">The party.</param>
/// <param name="Seats">Its seats so far, <c>D + C</c>.</param>
/// <param name="SeatsNeeded">Seats it still needs for a majority, <c>max(0, M − D − C)</c>.</param>
/// <param name="WonControl">True once it holds at least <c>M</c>.</param>
/// <param name="CannotWin">True once even every undeclared seat would leave it short.</param>
public sealed record PartyProspect(Party Party, int Seats, int SeatsNeeded, bool WonControl, bool CannotWin);
