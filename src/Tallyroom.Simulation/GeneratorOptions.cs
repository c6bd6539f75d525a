using System.Globalization;

namespace Tallyroom.Simulation;

/// <summary>
/// What to generate: the seed, the size and the polling day. Immutable and thread-safe. The same options always give
/// exactly the same events.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The most councils one election may have; beyond it the made-up names would start to repeat.</summary>
    public const int MaxCouncils = 5_000;

    /// <summary>The largest <see cref="TargetWards"/> accepted (about 4,500 councils).</summary>
    public const int MaxTargetWards = 100_000;

    /// <summary>The seed of every random choice. Required, so that whoever shows the election can name it.</summary>
    public required int Seed { get; init; }

    /// <summary>How many councils take part (40 by default, about the size of a real May election); at least 1.</summary>
    public int Councils { get; init; } = 40;

    /// <summary>
    /// For load tests: when set, councils are added beyond <see cref="Councils"/> until the election has at least this
    /// many ballots (wards). Councils keep realistic sizes; the election grows by having more of them.
    /// </summary>
    public int? TargetWards { get; init; }

    /// <summary>The polling day (7 May 2026 by default); the election id is <c>local.&lt;yyyy-MM-dd&gt;</c>.</summary>
    public DateOnly PollingDay { get; init; } = new(2026, 5, 7);

    /// <summary>The Democracy Club election id, <c>local.&lt;polling day&gt;</c>.</summary>
    public string ElectionId => "local." + PollingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    internal void Validate()
    {
        if (Councils is < 1 or > MaxCouncils)
        {
            throw new ArgumentOutOfRangeException(nameof(Councils), Councils, $"Councils must be from 1 to {MaxCouncils.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (TargetWards is < 1 or > MaxTargetWards)
        {
            throw new ArgumentOutOfRangeException(nameof(TargetWards), TargetWards, $"TargetWards must be from 1 to {MaxTargetWards.ToString(CultureInfo.InvariantCulture)} when set.");
        }

        if (PollingDay.Year is < 1900 or > 9000)
        {
            // The seats' past elections are dated four years back, and a postponed poll's new date weeks ahead.
            throw new ArgumentOutOfRangeException(nameof(PollingDay), PollingDay, "The polling day must be in a year from 1900 to 9000.");
        }
    }
}
