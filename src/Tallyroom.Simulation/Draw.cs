namespace Tallyroom.Simulation;

/// <summary>
/// Random draws for the simulation, from seeded <see cref="Random"/> instances (whose seeded sequence .NET keeps
/// stable for compatibility). The simulation does only +, −, ×, ÷, rounding and comparisons on doubles, which IEEE 754
/// specifies exactly, so normal draws are sums of uniforms rather than Box–Muller: <c>Math.Exp</c>, <c>Math.Log</c>
/// and the trigonometric functions may differ in the last bit between platforms, which could move a rounded vote
/// count and break "same seed, same events".
/// </summary>
internal static class Draw
{
    /// <summary>
    /// A seed for an independent stream, mixed from the election's seed and a stream number (SplitMix64), so that
    /// each council draws from its own stream: a change in one council's draws never shifts another's.
    /// </summary>
    public static int StreamSeed(int seed, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (uint)stream;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & int.MaxValue);
        }
    }

    public static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An approximately standard normal draw (Irwin–Hall: the sum of twelve uniforms, less six).</summary>
    public static double Normal(Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return sum - 6.0;
    }

    /// <summary>A multiplicative noise factor around 1 with the given spread, never below <paramref name="floor"/>.</summary>
    public static double Factor(Random random, double spread, double floor) => Math.Max(floor, 1.0 + (spread * Normal(random)));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index chosen with probability proportional to its weight.</summary>
    public static int Weighted(Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Shuffles in place (Fisher–Yates).</summary>
    public static void Shuffle<T>(Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
