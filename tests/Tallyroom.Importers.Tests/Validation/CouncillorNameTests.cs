using Tallyroom.Importers.Validation;

namespace Tallyroom.Importers.Tests.Validation;

/// <summary>Names as Democracy Club, LEAP and Open Council Data write them, reduced so that one councillor is found in each.</summary>
public sealed class CouncillorNameTests
{
    [Theory]
    [InlineData("Johnson, Wayne", "wayne johnson")]
    [InlineData("Goodwin, Mrs Wendy", "wendy goodwin")]
    [InlineData("Cllr Dr. Simon Peaple", "simon peaple")]
    [InlineData("Sally Neville B.Sc", "sally neville")]
    [InlineData("John Fareham BA , MA", "john fareham")]
    [InlineData("Frank Prendergast, MBE", "frank prendergast")]
    [InlineData("Robert Christopher MOORBY", "robert christopher moorby")]
    [InlineData("Wilhelmina Mitchell-Murray", "wilhelmina mitchell murray")]
    [InlineData("Gerry O'Sullivan", "gerry osullivan")]
    public void ANameIsReducedToTheWordsThatIdentifyTheCouncillor(string written, string words) =>
        Assert.Equal(words, CouncillorName.Parse(written).ToString());

    [Theory]
    [InlineData("Anthony Harvey Finn", "Anthony Finn BSc FCA", false)]
    [InlineData("Chris Moorby", "Robert Christopher MOORBY", false)]
    [InlineData("Liz Smaje", "Elizabeth Smaje", false)]
    [InlineData("Bob Harper", "R. Harper", true)]
    [InlineData("Brian Albert Stead", "B. A. Stead", true)]
    [InlineData("Wilhelmina Calista Mitchell-Murray", "Wilhelmina Mitchell Murray", false)]
    [InlineData("Ansell", "Jane Ansell", false)]
    public void TheSameCouncillorWrittenTwoWaysAgrees(string one, string other, bool byInitialOnly) =>
        Assert.True(CouncillorName.Parse(one).Agrees(CouncillorName.Parse(other), byInitialOnly ? NameAgreement.Initial : NameAgreement.Forename));

    [Theory]
    [InlineData("Karen Patricia Wood", "Peter Wood")]
    [InlineData("Diana Elisabeth Holl-Allen", "Maggie Allen")]
    [InlineData("Sue Smith", "Christopher Smith")]
    public void TwoCouncillorsSharingOnlyASurnameDoNotAgree(string one, string other) =>
        Assert.False(CouncillorName.Parse(one).Agrees(CouncillorName.Parse(other), NameAgreement.Initial));

    [Fact]
    public void ASurnameOneLetterApartWithTheSameInitialIsAlike()
    {
        Assert.True(CouncillorName.Parse("Kevin Alan Proctor").AlikeButForOneLetter(CouncillorName.Parse("Kevin Procter")));
        Assert.True(CouncillorName.Parse("Gohar Almas").AlikeButForOneLetter(CouncillorName.Parse("Gohar Almass")));
        Assert.False(CouncillorName.Parse("Dickie Williamson").AlikeButForOneLetter(CouncillorName.Parse("Dickie Wilkinson")));
    }
}
