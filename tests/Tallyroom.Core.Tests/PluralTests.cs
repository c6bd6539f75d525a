namespace Tallyroom.Core.Tests;

public sealed class PluralTests
{
    [Fact]
    public void OneTakesTheSingular() => Assert.Equal("1 ward", Plural.Count(1, "ward", "wards"));

    [Theory]
    [InlineData(0, "0 wards")]
    [InlineData(2, "2 wards")]
    [InlineData(1234, "1234 wards")]
    public void EveryOtherCountTakesThePlural(int n, string expected) => Assert.Equal(expected, Plural.Count(n, "ward", "wards"));

    [Fact]
    public void AnIrregularPluralIsTheOneGiven() =>
        Assert.Equal(("1 local party", "3 local parties"), (Plural.Count(1, "local party", "local parties"), Plural.Count(3, "local party", "local parties")));

    [Fact]
    public void TheNounAloneAgreesWithTheCount() =>
        Assert.Equal(("is", "are", "are"), (Plural.Noun(1, "is", "are"), Plural.Noun(0, "is", "are"), Plural.Noun(2, "is", "are")));
}
