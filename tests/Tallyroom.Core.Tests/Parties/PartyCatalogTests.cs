using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Tests.Parties;

public sealed class PartyCatalogTests
{
    [Theory]
    [InlineData("PP52", "Conservative and Unionist Party", "PP52", "Conservative")]
    [InlineData("", "Labour and Co-operative Party", "PP53", "Labour")]
    [InlineData("PP119", "Co-operative Party", "PP53", "Labour")]
    [InlineData("ynmp-party:2", "Independent", "IND", "Independent")]
    [InlineData("", "", "IND", "Independent")]
    [InlineData("PP63", "Green Party", "PP63", "Green")]
    [InlineData("PP207", "Hornchurch Residents Association", "PP207", "Hornchurch Residents Association")]
    public void ASourcePartyResolvesToThePartySeatsAreCountedFor(string registerId, string name, string expectedId, string expectedName)
    {
        var party = PartyCatalog.Resolve(registerId, name);

        Assert.Equal((expectedId, expectedName), (party.Id, party.Name));
    }

    [Fact]
    public void AResidentsGroupWithGreenInItsNameIsNotTheGreenParty()
    {
        var party = PartyCatalog.Resolve(null, "Green Lane Residents Group");

        Assert.NotEqual(PartyCatalog.Green, party);
        Assert.Equal("name:green-lane-residents-group", party.Id);
    }

    [Fact]
    public void TheRegisterIdWinsOverTheName() =>
        Assert.Equal("PP6302", PartyCatalog.Resolve("PP6302", "Labour").Id);
}
