namespace Tallyroom.Core.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Edgeley & Cheadle Heath", "edgeley-cheadle-heath")]
    [InlineData("Kensington and Chelsea", "kensington-and-chelsea")]
    [InlineData("St. Neots  -- Eaton", "st-neots-eaton")]
    [InlineData("Bromley Common & Keston", "bromley-common-keston")]
    [InlineData("Saint-Étienne", "saint-etienne")]
    [InlineData("  Maida Vale ", "maida-vale")]
    [InlineData("O'Connell's Ward", "oconnells-ward")]
    [InlineData("Carterton\nNorth West", "carterton-north-west")]
    public void SlugsFoldAccentsDropPunctuationAndCollapseSeparators(string name, string slug) =>
        Assert.Equal(slug, Slug.Make(name));
}
