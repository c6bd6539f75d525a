using System.Text.Json;
using Tallyroom.Core.Events;

namespace Tallyroom.Storage.Tests;

/// <summary>The storage format itself: what is written is part of every log file, so it is pinned here.</summary>
public sealed class EventJsonTests
{
    [Fact]
    public void EveryEventOfTheNightRoundTripsExactly()
    {
        foreach (var e in ElectionNight.All)
        {
            EventAssert.Equal(e, EventJson.Deserialize(EventJson.Serialize(e)));
        }
    }

    [Fact]
    public void BaselineEventsRoundTripExactly()
    {
        foreach (var e in ElectionNight.Baselines)
        {
            EventAssert.Equal(e, EventJson.Deserialize(EventJson.Serialize(e)));
        }

        Assert.Equal(["ballot-baseline-recorded", "ballot-baseline-recorded", "council-baseline-recorded"], ElectionNight.Baselines.Select(EventJson.TypeName));
    }

    [Fact]
    public void BlogEventsRoundTripExactly()
    {
        foreach (var e in ElectionNight.Blog)
        {
            EventAssert.Equal(e, EventJson.Deserialize(EventJson.Serialize(e)));
        }
    }

    [Fact]
    public void APostIsWrittenWithItsMarkdownAndItsSanitisedHtml()
    {
        Assert.Equal(
            """{"type":"post-published","post":{"postId":"auto-council-stockport","headline":"No overall control in Stockport","markdown":"NOC.","html":"\u003Cp\u003ENOC.\u003C/p\u003E","keyEvent":true,"quote":null,"automatic":"councilDeclared"},"at":"2018-05-04T03:45:12.345678+01:00","blogId":"night"}""",
            EventJson.Serialize(ElectionNight.Blog[2]));
    }

    [Fact]
    public void ADeclarationIsWrittenAsCamelCaseJsonWithItsTypeFirst()
    {
        Assert.Equal(
            """{"type":"declaration-recorded","declaration":{"ballotId":"local.stockport.bramhall-north.2018-05-03","results":[{"candidateId":"40301","votes":null,"elected":true,"decidedByLot":false},{"candidateId":"40302","votes":null,"elected":true,"decidedByLot":false}],"ballotPapers":null,"rejected":null,"electorate":8790,"recounts":null,"reason":null},"idempotencyKey":null}""",
            EventJson.Serialize(ElectionNight.BramhallNorthDeclaredUnopposed));
    }

    [Fact]
    public void ACouncilIsWrittenWithItsTypeAsACamelCaseString()
    {
        Assert.Equal(
            """{"type":"council-defined","council":{"slug":"stockport","name":"Stockport","gssCode":"E08000007","type":"metropolitanBorough","statutorySize":63,"region":"North West"}}""",
            EventJson.Serialize(ElectionNight.Stockport));
    }

    [Fact]
    public void ACouncilWrittenBeforeCouncilsHadARegionIsReadWithNone()
    {
        var e = EventJson.Deserialize("""{"type":"council-defined","council":{"slug":"stockport","name":"Stockport","gssCode":"E08000007","type":"metropolitanBorough","statutorySize":63}}""");

        Assert.Equal(ElectionNight.Stockport with { Council = ElectionNight.Stockport.Council with { Region = null } }, e);
    }

    [Fact]
    public void ABallotIsWrittenWithEachCandidatesParty()
    {
        Assert.Equal(
            """{"type":"ballot-defined","ballot":{"id":"local.stockport.heald-green.2018-05-03","councilSlug":"stockport","wardName":"Heald Green","wardGssCode":"E05000791","seatsUp":1,"candidates":[{"id":"40401","name":"Quentin Quinn","party":{"id":"name:heald-green-ratepayers","name":"Heald Green Ratepayers"}},{"id":"40402","name":"Rosa Reid","party":{"id":"PP52","name":"Conservative"}},{"id":"40403","name":"Sam Slater","party":{"id":"PP53","name":"Labour"}}]}}""",
            EventJson.Serialize(ElectionNight.HealdGreenBallot));
    }

    [Fact]
    public void TheTypeNameIsTheDiscriminatorWrittenInThePayload()
    {
        Assert.Equal(
            ["election-defined", "council-defined", "council-defined", "ballot-defined", "ballot-defined", "ballot-defined", "ballot-defined", "ballot-defined", "ballot-postponed", "declaration-recorded", "declaration-recorded", "declaration-recorded", "declaration-recorded", "ballot-statistics-recorded", "declaration-recorded"],
            ElectionNight.All.Select(EventJson.TypeName));
    }

    [Fact]
    public void APayloadWhoseTypeIsNotFirstIsStillRead()
    {
        // PostgreSQL's jsonb stores keys in its own order.
        var e = EventJson.Deserialize("""{"reason":"Death of a candidate","ballotId":"local.stockport.heald-green.2018-05-03","type":"ballot-postponed"}""");

        Assert.Equal(ElectionNight.HealdGreenPostponed, e);
    }

    [Theory]
    [InlineData("""{"type":"ballot-countermanded","ballotId":"x"}""")]
    [InlineData("""{"ballotId":"x","reason":"y"}""")]
    [InlineData("""{"type":"ballot-postponed","ballotId":"x"}""")]
    [InlineData("""{"type":"ballot-postponed","ballotId":null,"reason":"y"}""")]
    [InlineData("""{"type":"council-defined","council":{"slug":"stockport","name":"Stockport","type":2}}""")]
    [InlineData("""{"type":"council-defined","council":{"slug":"stockport","type":"metropolitanBorough"}}""")]
    [InlineData("null")]
    [InlineData("{")]
    public void APayloadThatIsNotAWellFormedEventIsRefused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(json));
    }

    [Fact]
    public void AnEventTypeNotDeclaredOnTheBaseHasNoTypeName()
    {
        var e = Assert.Throws<ArgumentException>(() => EventJson.TypeName(new UndeclaredEvent()));

        Assert.Equal("UndeclaredEvent is not an event type declared on ElectionEvent. (Parameter 'electionEvent')", e.Message);
    }

    private sealed record UndeclaredEvent : ElectionEvent;
}
