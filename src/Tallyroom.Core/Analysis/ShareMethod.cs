namespace Tallyroom.Core.Analysis;

/// <summary>
/// How a multi-member ward's votes become a party's share. The three differ a lot (a one-candidate party can be 9% by
/// total vote and 21% by top vote in the same ward), so every share carries its method and only like is compared
/// with like. In a single-member ward they agree.
/// </summary>
public enum ShareMethod
{
    /// <summary>
    /// Each contestant's best candidate, over the sum of every contestant's best: the convention for ward comparisons,
    /// and the default everywhere.
    /// </summary>
    TopVote,

    /// <summary>Each contestant's votes divided by its number of candidates, over the sum of those averages.</summary>
    AverageVote,

    /// <summary>Each contestant's votes summed, over all votes cast (which can be ~2.8× the ballot papers).</summary>
    TotalVote,
}

/// <summary>Words for a <see cref="ShareMethod"/>, as published beside every figure. Thread-safe.</summary>
public static class ShareMethods
{
    /// <summary>A short name for the method: "top vote", "average vote" or "total vote".</summary>
    public static string Name(ShareMethod method) => method switch
    {
        ShareMethod.TopVote => "top vote",
        ShareMethod.AverageVote => "average vote",
        ShareMethod.TotalVote => "total vote",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown share method."),
    };
}
