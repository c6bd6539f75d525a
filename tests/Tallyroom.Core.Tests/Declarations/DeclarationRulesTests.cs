using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Declarations;

public sealed class DeclarationRulesTests
{
    private static readonly BallotDefinition ThreeSeats = Define("westminster", "maida-vale", 3, Con, Con, Con, Lab, Lab, Lab, LD);
    private static readonly BallotDefinition OneSeat = Define("sutton", "nonsuch", 1, Con, Lab, LD);

    private static IReadOnlyList<RuleViolation> Check(BallotDefinition ballot, Declaration declaration, bool alreadyDeclared = false) =>
        DeclarationRules.Check(ballot, declaration, alreadyDeclared);

    private static (string Rule, string Field) Only(IReadOnlyList<RuleViolation> problems)
    {
        var problem = Assert.Single(problems);
        return (problem.Rule, problem.Field);
    }

    [Fact]
    public void AMultiMemberDeclarationElectingTheTopThreeIsAccepted()
    {
        var declaration = ByVotes(ThreeSeats, 1500, 1450, 1400, 1300, 1200, 1100, 300);

        Assert.Empty(Check(ThreeSeats, declaration));
    }

    [Fact]
    public void ElectingTooManyCandidatesIsRefusedNamingTheWinnersRule()
    {
        var declaration = new Declaration { BallotId = OneSeat.Id, Results = Lines((500, true), (400, true), (100, false)) };

        var problem = Assert.Single(Check(OneSeat, declaration));

        Assert.Equal("winners-count", problem.Rule);
        Assert.Equal("results", problem.Field);
        Assert.Equal("Ballot local.sutton.nonsuch.2018-05-03 has 1 seat up and 3 candidates, so exactly 1 must be elected; the declaration elects 2.", problem.Message);
    }

    [Fact]
    public void ElectingTooFewCandidatesIsRefused()
    {
        var declaration = new Declaration { BallotId = ThreeSeats.Id, Results = Lines((900, true), (800, true), (700, false), (600, false), (500, false), (400, false), (300, false)) };

        var problems = Check(ThreeSeats, declaration);

        Assert.Contains(problems, p => p.Rule == "winners-count");
    }

    [Fact]
    public void AWinnerWithFewerVotesThanALoserIsRefused()
    {
        var declaration = new Declaration { BallotId = OneSeat.Id, Results = Lines((400, true), (500, false), (100, false)) };

        var problem = Assert.Single(Check(OneSeat, declaration));

        Assert.Equal("winners-outpoll", problem.Rule);
        Assert.Equal("results[0].elected", problem.Field);
    }

    [Fact]
    public void ATieForTheLastSeatIsRefusedUnlessDecidedByLot()
    {
        var tied = new Declaration { BallotId = OneSeat.Id, Results = Lines((500, true), (500, false), (100, false)) };
        var byLot = tied with
        {
            Results = [tied.Results[0] with { DecidedByLot = true }, tied.Results[1] with { DecidedByLot = true }, tied.Results[2]],
        };

        Assert.Equal("winners-outpoll", Assert.Single(Check(OneSeat, tied)).Rule);
        Assert.Empty(Check(OneSeat, byLot));
    }

    [Fact]
    public void DecidedByLotWithoutATieIsRefused()
    {
        var declaration = new Declaration
        {
            BallotId = OneSeat.Id,
            Results = [new() { CandidateId = "c1", Votes = 600, Elected = true, DecidedByLot = true }, new() { CandidateId = "c2", Votes = 500 }, new() { CandidateId = "c3", Votes = 100 }],
        };

        var problem = Assert.Single(Check(OneSeat, declaration));

        Assert.Equal("lot-needs-tie", problem.Rule);
        Assert.Equal("results[0].decidedByLot", problem.Field);
    }

    [Fact]
    public void NegativeVotesAreRefusedNamingTheCandidateLine()
    {
        var declaration = new Declaration { BallotId = OneSeat.Id, Results = Lines((500, true), (-4, false), (100, false)) };

        Assert.Equal(("votes-non-negative", "results[1].votes"), Only(Check(OneSeat, declaration)));
    }

    [Fact]
    public void AnUnknownCandidateIsRefusedAndTheMissingOneNamed()
    {
        var declaration = new Declaration
        {
            BallotId = OneSeat.Id,
            Results = [new() { CandidateId = "c1", Votes = 500, Elected = true }, new() { CandidateId = "c2", Votes = 400 }, new() { CandidateId = "someone-else", Votes = 100 }],
        };

        var problems = Check(OneSeat, declaration);

        Assert.Equal(["candidate-known", "every-candidate"], problems.Select(p => p.Rule));
        Assert.Equal("results[2].candidateId", problems[0].Field);
        Assert.Contains("'c3'", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACandidateListedTwiceIsRefused()
    {
        var declaration = new Declaration
        {
            BallotId = OneSeat.Id,
            Results = [new() { CandidateId = "c1", Votes = 500, Elected = true }, new() { CandidateId = "c2", Votes = 400 }, new() { CandidateId = "c2", Votes = 100 }, new() { CandidateId = "c3", Votes = 50 }],
        };

        Assert.Equal("candidate-once", Assert.Single(Check(OneSeat, declaration)).Rule);
    }

    [Fact]
    public void AContestedBallotNeedsEveryCandidatesVotes()
    {
        var declaration = new Declaration { BallotId = OneSeat.Id, Results = Lines((500, true), (null, false), (100, false)) };

        Assert.Equal(("votes-required", "results[1].votes"), Only(Check(OneSeat, declaration)));
    }

    [Fact]
    public void AnUncontestedBallotElectsItsCandidatesWithoutVotes()
    {
        var unopposed = Define("epping-forest", "moreton-and-fyfield", 2, Con, Con);
        var declaration = new Declaration { BallotId = unopposed.Id, Results = Lines((null, true), (null, true)) };

        Assert.Empty(Check(unopposed, declaration));
    }

    [Fact]
    public void AnUncontestedBallotWithVotesOrPapersIsRefused()
    {
        var unopposed = Define("epping-forest", "moreton-and-fyfield", 1, Con);
        var declaration = new Declaration { BallotId = unopposed.Id, Results = Lines((0, true)), BallotPapers = 10 };

        Assert.Equal(["uncontested-no-votes", "uncontested-no-turnout"], Check(unopposed, declaration).Select(p => p.Rule));
    }

    [Fact]
    public void FewerCandidatesThanSeatsElectsThemAll()
    {
        var shortOfCandidates = Define("rural", "hamlet", 3, Con, LD);
        var allElected = new Declaration { BallotId = shortOfCandidates.Id, Results = Lines((null, true), (null, true)) };
        var oneElected = new Declaration { BallotId = shortOfCandidates.Id, Results = Lines((null, true), (null, false)) };

        Assert.Empty(Check(shortOfCandidates, allElected));
        Assert.Equal("winners-count", Assert.Single(Check(shortOfCandidates, oneElected)).Rule);
    }

    [Fact]
    public void ACorrectionWithoutAReasonIsRefused()
    {
        var declaration = ByVotes(OneSeat, 500, 400, 100);

        var problem = Assert.Single(Check(OneSeat, declaration, alreadyDeclared: true));

        Assert.Equal(("correction-reason", "reason"), (problem.Rule, problem.Field));
        Assert.Empty(Check(OneSeat, declaration with { Reason = "Transposed figures for Labour and the Liberal Democrats" }, alreadyDeclared: true));
    }

    [Fact]
    public void VotesAboveTheBallotPapersCountedAreRefused()
    {
        var declaration = ByVotes(OneSeat, 500, 400, 100) with { BallotPapers = 450 };

        Assert.Equal(("votes-within-papers", "results[0].votes"), Only(Check(OneSeat, declaration)));
    }

    [Fact]
    public void PapersAboveTheElectorateAreRefused()
    {
        var declaration = ByVotes(OneSeat, 500, 400, 100) with { BallotPapers = 1000, Rejected = 5, Electorate = 1004 };

        Assert.Equal("papers-within-electorate", Assert.Single(Check(OneSeat, declaration)).Rule);
    }

    [Fact]
    public void NegativeRejectedPapersAreRefused()
    {
        var declaration = ByVotes(OneSeat, 500, 400, 100) with { Rejected = -1 };

        Assert.Equal(("count-non-negative", "rejected"), Only(Check(OneSeat, declaration)));
    }

    [Fact]
    public void ANegativeNumberOfRecountsIsRefused()
    {
        var declaration = ByVotes(OneSeat, 500, 400, 100) with { Recounts = -1 };

        Assert.Equal(("count-non-negative", "recounts"), Only(Check(OneSeat, declaration)));
    }
}
