namespace Tallyroom.Core.Analysis;

/// <summary>The standard normal distribution, which .NET does not provide. Thread-safe (stateless).</summary>
internal static class StandardNormal
{
    // Abramowitz & Stegun, Handbook of Mathematical Functions (1964), 7.1.26: erf(x) = 1 − (a₁t + … + a₅t⁵)·e^(−x²),
    // t = 1/(1 + px), x ≥ 0, with |error| ≤ 1.5e-7; Φ(z) = ½(1 + erf(z/√2)) halves that to 7.5e-8. A projection's
    // ranges need no more, and one exponential per call keeps the per-ward loop cheap.
    private const double P = 0.3275911;
    private const double A1 = 0.254829592;
    private const double A2 = -0.284496736;
    private const double A3 = 1.421413741;
    private const double A4 = -1.453152027;
    private const double A5 = 1.061405429;

    /// <summary>
    /// Past this |z| the tail is below 5.8e-8, inside the error allowed: 0 or 1 without the exponential, which most
    /// calls from a projection (seats far from changing hands) then skip.
    /// </summary>
    private const double Saturated = 5.3;

    private const double InverseSqrt2 = 0.7071067811865476;

    /// <summary>Φ(z), the probability that a standard normal variable is at most <paramref name="z"/>; within 1e-7.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (Math.Abs(z) >= Saturated)
        {
            return z > 0 ? 1 : 0;
        }

        var x = Math.Abs(z) * InverseSqrt2;
        var t = 1 / (1 + (P * x));
        var tail = 0.5 * t * (A1 + (t * (A2 + (t * (A3 + (t * (A4 + (t * A5)))))))) * Math.Exp(-x * x);
        return z >= 0 ? 1 - tail : tail;
    }
}
