using Microsoft.VisualBasic.FileIO;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Manifest;
using Tallyroom.Importers.Tests.Leap;
using Tallyroom.Importers.Validation;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.Validation;

/// <summary>The real night, imported by its manifest, compared with Open Council Data's 2018 snapshot once for the class.</summary>
public sealed class ValidatedNight
{
    public ValidatedNight()
    {
        var manifest = Path.Combine(RawData.RepositoryRoot, "manifests", "local-2018-05-03.json");
        var batch = ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions { Root = RawData.Path() });
        State = ResultsEngine.Fold(ElectionState.Empty, batch.Events);
        Report = CompositionValidation.Run(State, RawData.Path());
    }

    public ElectionState State { get; }

    public ValidationReport Report { get; }

    public CouncilValidation Council(string slug) => Report.Councils.Single(c => c.Slug == slug);
}

public sealed class RealNightValidationTests(ValidatedNight night) : IClassFixture<ValidatedNight>
{
    // The three ballots where Democracy Club puts the same vote figures against different candidates than LEAP does,
    // LEAP's winner being the one Open Council Data's roster lists (SOURCES.md, DemocracyClubAndLeapTests).
    private static readonly string[] VoteSwaps =
    [
        "local.broxbourne.waltham-cross.2018-05-03",
        "local.north-tyneside.preston.2018-05-03",
        "local.wokingham.hillside.2018-05-03",
    ];

    [Fact]
    public void EveryCouncilEqualsTheSnapshotOrHasItsDifferenceExplained()
    {
        var report = night.Report;

        Assert.Equal(150, report.Councils.Length);
        Assert.True(report.Equal + report.Explained >= 140);
        Assert.Equal((70, 80, 0, 0), (report.Equal, report.Explained, report.Unexplained, report.ExplainedByHand));
        Assert.Equal("Of 150 councils, 70 equal the snapshot, 80 differ with every difference explained and 0 have an unexplained difference: 150 equal or explained.", report.Summary);
        Assert.All(report.Councils.Where(c => c.Result == CouncilResult.Explained), c => Assert.Equal(c.Difference, c.Explanations.Aggregate(SeatDifference.Empty, (sum, e) => sum.Plus(e.Difference))));
    }

    [Fact]
    public void TheThreeVoteSwapsInTheDemocracyClubFileAreFoundAsDataErrors()
    {
        var errors = night.Report.Councils.SelectMany(c => c.Explanations).Where(e => e.Kind == ExplanationKind.DataErrorInDemocracyClub).ToList();

        Assert.Equal(VoteSwaps, errors.Select(e => e.Text.Split(':')[0]).Order(StringComparer.Ordinal));
        foreach (var ballot in VoteSwaps)
        {
            // Ours minus the snapshot's: Democracy Club's winner's party gains a seat, LEAP's loses one.
            var dcWinner = DemocracyClubCounts.OrdinaryLocalRows.Single(r => r.BallotId == ballot && r.Winner);
            var ward = ballot.Split('.')[2];
            var leapWinner = LeapSource.Leap2018.Single(r => Core.Slug.Make(r.Ward) == ward && Core.Slug.Make(r.Council) == ballot.Split('.')[1] && r.IsElected);
            var error = errors.Single(e => e.Text.StartsWith(ballot, StringComparison.Ordinal));
            Assert.Equal(2, error.Difference.Entries.Length);
            Assert.Equal(1, error.Difference.Entries.Single(e => e.Party.Id == Register(dcWinner.PartyId)).Seats);
            Assert.Equal(-1, error.Difference.Entries.Single(e => e.Party.Id == Register(leapWinner.Party)).Seats);
            Assert.Contains($"LEAP leap-2018-05-03.csv elects {leapWinner.Candidate}", error.Text, StringComparison.Ordinal);
            Assert.Contains("the two files give the same figures", error.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeftonsWelshCouncillorsWhoseSeatsWereNotUpDefectedFromTheLiberalDemocratsToLabour()
    {
        // Both rosters list Bill and Marianne Welsh in Norwood: Liberal Democrats in 2017, Labour in 2018.
        var before = Roster("opencouncildata_councillors_2017.csv").Where(r => r.Council == "Sefton" && r.Ward == "Norwood" && r.Name.EndsWith("Welsh", StringComparison.Ordinal)).ToList();
        var after = Roster("opencouncildata_councillors_2018.csv").Where(r => r.Council == "Sefton" && r.Ward == "Norwood" && r.Name.EndsWith("Welsh", StringComparison.Ordinal)).ToList();
        var defections = night.Council("sefton").Explanations.Where(e => e.Kind == ExplanationKind.Defection).ToList();

        Assert.Equal(["Liberal Democrats", "Liberal Democrats"], before.Select(r => r.Party));
        Assert.Equal(["Labour Party", "Labour Party"], after.Select(r => r.Party));
        Assert.Equal(["Bill Welsh (Norwood)", "Marianne Welsh (Norwood)"], defections.Select(d => d.Text[..d.Text.IndexOf(')', StringComparison.Ordinal)] + ")").Order(StringComparer.Ordinal));
        Assert.All(defections, d => Assert.Equal("LD +1, Lab −1", d.Difference.ToString()));
    }

    [Fact]
    public void TheFivePostponedPollsAreFilledInTheSnapshotByTheLaterPollsWinners()
    {
        var postponed = night.Report.Councils.Where(c => c.Explanations.Any(e => e.Kind == ExplanationKind.PostponedPoll)).ToList();
        var willesden = LeapSource.Leap2018.Where(r => r.Council == "Brent" && r.Ward == "Willesden Green" && r.IsElected).ToList();

        Assert.Equal(["brent", "cherwell", "southwark", "stockport", "tamworth"], postponed.Select(c => c.Slug));
        Assert.Equal([("Lab", 3)], willesden.GroupBy(r => r.Party).Select(g => (g.Key, g.Count())));
        Assert.Equal("Lab −3", night.Council("brent").Explanations.Single(e => e.Kind == ExplanationKind.PostponedPoll).Difference.ToString());
        Assert.Equal("Lab −3", night.Council("brent").Difference.ToString());
    }

    [Fact]
    public void TheCouncilsWhoseControlDiffersFromTheSnapshotsAreListed()
    {
        var report = night.Report;

        Assert.Equal(["cannock-chase", "tandridge", "walsall", "worcester"], report.Councils.Where(c => c.OurControl != c.SnapshotControl).Select(c => c.Slug));
        Assert.Equal(["cannock-chase", "hartlepool", "tandridge", "walsall", "worcester"], report.Councils.Where(c => !c.ControlAgreesWithHistory).Select(c => c.Slug));
        Assert.Equal(("Con", "NOC", "Con plurality"), (night.Council("walsall").OurControl, night.Council("walsall").SnapshotControl, night.Council("walsall").HistoryMajority));
        Assert.Equal(["newcastle-upon-tyne", "peterborough"], report.Councils.Where(c => c.HistoryCrossCheck.Length > 0).Select(c => c.Slug));
    }

    [Fact]
    public void EachKindOfExplanationCoversTheCouncilsItDid()
    {
        var councils = night.Report.Councils.SelectMany(c => c.Explanations.Select(e => (c.Slug, e.Kind))).Distinct().GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            new Dictionary<ExplanationKind, int>
            {
                [ExplanationKind.DataErrorInDemocracyClub] = 3,
                [ExplanationKind.PostponedPoll] = 5,
                [ExplanationKind.Defection] = 25,
                [ExplanationKind.ChangedPartyAfterTheElection] = 10,
                [ExplanationKind.PartyIdentity] = 10,
                [ExplanationKind.ByElectionOrVacancy] = 10,
                [ExplanationKind.ContinuingSeatsReconciliation] = 56,
            },
            councils);
    }

    private static string Register(string code) => code switch
    {
        "C" => "PP52",
        "Lab" => "PP53",
        "LD" => "PP90",
        "Grn" => "PP63",
        "ynmp-party:2" => "IND",
        "joint-party:53-119" => "PP53",
        _ => code,
    };

    private static List<(string Council, string Ward, string Name, string Party)> Roster(string file)
    {
        using var parser = new TextFieldParser(RawData.Path("opencouncildata", file)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var rows = new List<(string, string, string, string)>();
        while (parser.ReadFields() is { } f)
        {
            rows.Add((f[0], f[1], f[2], f[4]));
        }

        return rows;
    }
}
