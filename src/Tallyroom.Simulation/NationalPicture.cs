using Tallyroom.Core.Parties;

namespace Tallyroom.Simulation;

/// <summary>The English regions the vote model distinguishes; each has its own party strengths.</summary>
internal enum Region
{
    London,
    North,
    Midlands,
    East,
    South,
}

/// <summary>
/// The national side of the vote model: each region's party strengths when the seats were last fought, and the
/// national swing since, which one seed draws once for the whole election (the governing party falls, the insurgents
/// rise). Strengths are relative weights, not shares: a ward's shares are its weights over their sum. Immutable.
/// </summary>
internal sealed class NationalPicture
{
    /// <summary>The parties the model knows by slot: Conservative, Labour, Liberal Democrats, Green, UKIP.</summary>
    public static readonly Party[] Parties =
    [
        PartyCatalog.Conservative, PartyCatalog.Labour, PartyCatalog.LiberalDemocrats, PartyCatalog.Green, PartyCatalog.Ukip,
    ];

    public const int Con = 0;
    public const int Lab = 1;
    public const int LiberalDemocrat = 2;
    public const int Green = 3;
    public const int Ukip = 4;

    /// <summary>How many years before polling day the seats up now were last fought.</summary>
    public const int TermYears = 4;

    // Strengths four years ago, roughly as English local elections look: Labour's cities, Conservative shires, Liberal
    // Democrat pockets in the south, smaller Green and UKIP votes everywhere.
    private static readonly double[][] RegionStrengths =
    [
        [32, 42, 16, 11, 4], // London
        [30, 44, 15, 8, 9], // North
        [40, 34, 14, 9, 9], // Midlands
        [44, 26, 16, 10, 8], // East
        [42, 20, 27, 11, 4], // South
    ];

    private readonly double[] swing;

    private NationalPicture(int governing, double[] swing)
    {
        Governing = governing;
        this.swing = swing;
    }

    /// <summary>The slot of the party in national government, which the swing runs against.</summary>
    public int Governing { get; }

    /// <summary>Draws the swing since the seats were last fought: a multiplier on each party's strength.</summary>
    public static NationalPicture Draw(Random random)
    {
        var governing = random.Next(2) == 0 ? Con : Lab;
        var swing = new double[Parties.Length];
        swing[governing] = Simulation.Draw.Uniform(random, 0.70, 0.88);
        swing[governing == Con ? Lab : Con] = Simulation.Draw.Uniform(random, 0.92, 1.12);
        swing[LiberalDemocrat] = Simulation.Draw.Uniform(random, 1.0, 1.25);
        swing[Green] = Simulation.Draw.Uniform(random, 1.1, 1.6);
        swing[Ukip] = Simulation.Draw.Uniform(random, 1.4, 2.6);
        return new NationalPicture(governing, swing);
    }

    /// <summary>
    /// A party's strength in a region <paramref name="yearsAgo"/> years before polling day (0 = now). The swing is
    /// spread evenly over the term, so the seats fought two years ago sit halfway between then and now.
    /// </summary>
    public double Strength(Region region, int party, int yearsAgo)
    {
        var progress = (double)(TermYears - yearsAgo) / TermYears;
        return RegionStrengths[(int)region][party] * (1.0 + ((swing[party] - 1.0) * progress));
    }

    /// <summary>Whether the party tends to stand more candidates now than four years ago (the insurgents do).</summary>
    public bool IsRising(int party) => swing[party] > 1.3;
}
