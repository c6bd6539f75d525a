using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Validation;
using static Tallyroom.Importers.Tests.Validation.SmallNight;

namespace Tallyroom.Importers.Tests.Validation;

/// <summary>Each kind of explanation, on one small council written for it: the snapshot differs in one way only.</summary>
public sealed class ExplanationKindsTests : IDisposable
{
    private static readonly Party Hornchurch = new("PP207", "Hornchurch Residents Association");
    private readonly SmallNight night = new() { Size = 2 };

    [Fact]
    public void ACouncilWhoseRosterListsEveryoneOursHasUnderTheirPartiesIsEqual()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Cllr Ann Able MBE", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        Assert.Equal(CouncilResult.Equal, council.Result);
        Assert.Empty(council.Explanations);
        Assert.Equal(("Con", "Con"), (council.OurControl, council.SnapshotControl));
    }

    [Fact]
    public void AWinnerWhomLeapAndTheRosterDoNotHaveIsADataErrorInTheDemocracyClubFile()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Leap("Altrincham", new Standing("Ann Able", Con, 800, false), new Standing("Bob Baker", Lab, 900, true))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Bob Baker", "Labour Party", "PP53"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        var error = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.DataErrorInDemocracyClub, "Con +1, Lab −1"), (council.Result, error.Kind, error.Difference.ToString()));
        Assert.Equal(
            "local.trafford.altrincham.2018-05-03: Democracy Club elects Ann Able (Con), LEAP leap-2018-05-03.csv elects Bob Baker (Lab), and the 2018 roster lists Bob Baker (opencouncildata_councillors_2018.csv:2); the two files give the same figures, 900 and 800, to the two candidates the other way round: a data error in the Democracy Club file.",
            error.Text);
    }

    [Fact]
    public void APostponedPollsSeatsAreFilledInTheSnapshotByTheLaterPollsWinners()
    {
        night.Postponed("Altrincham", new Standing("Eve Ely", Lab, 700, true), new Standing("Fay Fox", Con, 600, false))
            .Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Gus Gray", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Eve Ely", "Labour Party", "PP53"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        var postponed = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.PostponedPoll, "Lab −1"), (council.Result, postponed.Kind, postponed.Difference.ToString()));
        Assert.Equal(
            "local.trafford.altrincham.2018-05-03: poll postponed, its 1 seat undeclared in ours; LEAP leap-2018-05-03.csv lists the later poll's winners, whom the 2018 roster has: Eve Ely (Lab, opencouncildata_councillors_2018.csv:2).",
            postponed.Text);
    }

    [Fact]
    public void ACouncillorWhoseSeatWasNotUpAndWhosePartyChangedBetweenTheRostersDefected()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Ann Able", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Independent / Other", string.Empty));

        var council = Compare();

        var defection = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.Defection, "Con +1, Ind −1"), (council.Result, defection.Kind, defection.Difference.ToString()));
        Assert.Equal(
            "Cy Cole (Bowdon), whose seat was not up, is listed for Con in the 2017 roster (opencouncildata_councillors_2017.csv:3) and for 'Independent / Other' in the 2018 roster (opencouncildata_councillors_2018.csv:3): a defection (ours counts continuing seats from the roster before).",
            defection.Text);
    }

    [Fact]
    public void AWinnerListedUnderAnotherPartyChangedPartyAfterTheElection()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Lab, 900, true), new Standing("Bob Baker", Con, 800, false))
            .Defended("Altrincham", Lab, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Labour Party", "PP53"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Ann Able", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        var changed = Assert.Single(council.Explanations);
        Assert.Equal((ExplanationKind.ChangedPartyAfterTheElection, "Lab +1, Con −1"), (changed.Kind, changed.Difference.ToString()));
        Assert.Equal(("NOC", "Con"), (council.OurControl, council.SnapshotControl));
    }

    [Fact]
    public void ALocalGroupsWinnerFiledAsIndependentOrOtherIsTheSameGroupKeyedDifferently()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Hornchurch, 900, true), new Standing("Bob Baker", Con, 800, false))
            .Defended("Altrincham", Hornchurch, "Ann Able").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Ann Able", "Hornchurch Residents Association", "PP207"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Altrincham", "Ann Able", "Independent / Other", string.Empty), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        var identity = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.PartyIdentity, "Hornchurch Residents Association +1, Ind −1"), (council.Result, identity.Kind, identity.Difference.ToString()));
        Assert.EndsWith("the same councillor and group, keyed differently by the two sources.", identity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewcomerWhereACouncillorLeftWithoutStandingAgainWasElectedAtABYElection()
    {
        night.Size = 3;
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1), (Lab, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Ian Ives", "Labour Party", "PP53"))
            .After(new Listed("Altrincham", "Ann Able", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Hal Hill", "Labour Party", "PP53"), new Listed("Bowdon", "Ian Ives", "Labour Party", "PP53"));

        var council = Compare();

        var byElection = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.ByElectionOrVacancy, "Con +1, Lab −1"), (council.Result, byElection.Kind, byElection.Difference.ToString()));
        Assert.Equal(
            "Cy Cole (Con, Bowdon) is in the 2017 roster (opencouncildata_councillors_2017.csv:3) but not the 2018 one, and did not stand in 2018; Hal Hill (Lab), in neither the 2017 roster nor our winners, holds a seat of the ward in the 2018 roster (opencouncildata_councillors_2018.csv:3) (the one councillor of the ward who left without standing again): a by-election between the snapshots.",
            byElection.Text);
    }

    [Fact]
    public void AWinnerMissingFromARosterShortOfTheCouncilsSizeLeftTheSeatVacant()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));

        var council = Compare();

        var vacancy = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.ByElectionOrVacancy, "Con +1"), (council.Result, vacancy.Kind, vacancy.Difference.ToString()));
        Assert.Equal("Ann Able (Con, Altrincham) is not in the 2018 roster, which lists 1 councillors for 2 seats: the seat was vacant when the snapshot was taken.", vacancy.Text);
    }

    [Fact]
    public void ASeatUpThatChangedHandsSinceItWasLastFoughtStaysInOurContinuingSeatsUnderItsHoldersParty()
    {
        // Pam Page won Altrincham for Labour in 2014 and sat as a Conservative on the eve of poll: eve of poll (Con 3,
        // Lab 1) minus defended (Lab 1, Con 1) leaves Con 2 continuing, where Rob Rae (Con) and Sid Sim (Lab) continued.
        night.Size = 4;
        night.Ballot("Altrincham", new Standing("Xan Xu", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Ballot("Bowdon", new Standing("Yas Yu", Con, 900, true), new Standing("Cat Cole", Lab, 800, false))
            .Defended("Altrincham", Lab, "Pam Page").Defended("Bowdon", Con, "Quin Quay").Continuing(Seats((Con, 2)))
            .Before(
                new Listed("Altrincham", "Pam Page", "Conservative and Unionist", "PP52"),
                new Listed("Bowdon", "Quin Quay", "Conservative and Unionist", "PP52"),
                new Listed("Hale", "Rob Rae", "Conservative and Unionist", "PP52"),
                new Listed("Hale", "Sid Sim", "Labour Party", "PP53"))
            .After(
                new Listed("Altrincham", "Xan Xu", "Conservative and Unionist", "PP52"),
                new Listed("Bowdon", "Yas Yu", "Conservative and Unionist", "PP52"),
                new Listed("Hale", "Rob Rae", "Conservative and Unionist", "PP52"),
                new Listed("Hale", "Sid Sim", "Labour Party", "PP53"));

        var council = Compare();

        var continuing = Assert.Single(council.Explanations);
        Assert.Equal((CouncilResult.Explained, ExplanationKind.ContinuingSeatsReconciliation, "Con +1, Lab −1"), (council.Result, continuing.Kind, continuing.Difference.ToString()));
        Assert.Contains("The 2 seats up were held on the eve of poll by Con 2, but defended, as won when last fought, by Con 1, Lab 1: where the two differ (a seat that changed hands between its last contest and the eve of poll", continuing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ADifferenceTheDataCannotPlaceIsUnexplainedUnlessTheExplanationsFileExplainsIt()
    {
        night.Ballot("Altrincham", new Standing("Ann Able", Con, 900, true), new Standing("Bob Baker", Lab, 800, false))
            .Defended("Altrincham", Con, "Dee Dale").Continuing(Seats((Con, 1)))
            .Before(new Listed("Altrincham", "Dee Dale", "Conservative and Unionist", "PP52"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"))
            .After(new Listed("Bowdon", "Zed Zane", "Labour Party", "PP53"), new Listed("Bowdon", "Cy Cole", "Conservative and Unionist", "PP52"));
        var state = night.Build();
        var explanations = Path.Combine(night.Root, "explanations.csv");
        File.WriteAllText(explanations, "council,explanation\ntrafford,\"A test's fact, checked in its files\"\n");

        var alone = CompositionValidation.Run(state, night.Root).Councils.Single();
        var byHand = CompositionValidation.Run(state, night.Root, explanations).Councils.Single();

        Assert.Equal((CouncilResult.Unexplained, "Con +1, Lab −1"), (alone.Result, alone.Unexplained.ToString()));
        Assert.Contains("Ann Able (Con), elected in Altrincham (local.trafford.altrincham.2018-05-03), is not found in the 2018 roster.", alone.Loose);
        Assert.Equal(CouncilResult.Explained, byHand.Result);
        Assert.Equal((ExplanationKind.ExplainedByHand, "Con +1, Lab −1", "A test's fact, checked in its files (explanations.csv:2)"), (byHand.Explanations[^1].Kind, byHand.Explanations[^1].Difference.ToString(), byHand.Explanations[^1].Text));
    }

    public void Dispose() => night.Dispose();

    private CouncilValidation Compare() => CompositionValidation.Run(night.Build(), night.Root).Councils.Single();
}
