using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>The rules the importer applies where LEAP is silent, on small files written for each case.</summary>
public sealed class LeapRulesTests : IDisposable
{
    private const string FileName = "leap-2018-05-03.csv";
    private static readonly LeapOptions EveryCouncil = new() { ByElectionOnlyMaxContests = 0 };
    private readonly LeapTempFolder temp = new();

    [Fact]
    public void TealesSixMainCodesMapToRegisterPartiesAndEveryOtherCodeIsAPartyOfItsOwn()
    {
        string[] codes = ["C", "Lab", "LD", "Grn", "UKIP", "Ind", "HoRA", "CC(Hart)", "S'endIA", "LAB"];
        var path = temp.Write(FileName, [.. codes.Select((c, i) => Row("Hart", "Fleet", $"Candidate {i}", c, 100 - i, i == 0))]);

        var ballot = Import(path).Ballots["local.hart.fleet.2018-05-03"];

        Assert.Equal(
            [
                ("PP52", "Conservative"), ("PP53", "Labour"), ("PP90", "Liberal Democrats"), ("PP63", "Green"), ("PP85", "UKIP"),
                ("IND", "Independent"), ("label:hora", "HoRA"), ("label:cchart", "CC(Hart)"), ("label:sendia", "S'endIA"), ("label:lab", "LAB"),
            ],
            ballot.Definition.Candidates.Select(c => (c.Party.Id, c.Party.Name)));
    }

    [Fact]
    public void ATieAcrossTheLineMarksEveryCandidateAtThatLevelOnBothSidesAndIsNoted()
    {
        var path = temp.Write(
            FileName,
            Row("Adur", "Marine", "Ann Able", "C", 300, true),
            Row("Adur", "Marine", "Bob Baker", "Lab", 120, true),
            Row("Adur", "Marine", "Cat Cole", "LD", 120, false),
            Row("Adur", "Marine", "Dan Dale", "Grn", 120, false),
            Row("Adur", "Marine", "Eve Ely", "UKIP", 90, false));
        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), EveryCouncil);

        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        Assert.Equal(
            [("ann-able", false), ("bob-baker", true), ("cat-cole", true), ("dan-dale", true), ("eve-ely", false)],
            state.Ballots["local.adur.marine.2018-05-03"].Declaration!.Results.Select(r => (r.CandidateId, r.DecidedByLot)));
        Assert.Equal(
            ["local.adur.marine.2018-05-03: tie for the last seat at 120 votes (elected: Bob Baker; not elected: Cat Cole, Dan Dale); LEAP has no lot flag, so these candidates are marked decided by lot."],
            batch.Notes);
    }

    [Fact]
    public void AnUncontestedWardWithBlankVotesIsDeclaredWithNoVotesEvenWhenOnlySettingUp()
    {
        var path = temp.Write(
            FileName,
            Row("Halton", "Hale", "Mike Wharton", "Lab", null, true),
            Row("Halton", "Appleton", "Sue Edge", "Lab", 0, true),
            Row("Halton", "Appleton", "Joe Bloggs", "Lab", 0, true),
            Row("Halton", "Ditton", "Ann Able", "Lab", 700, true),
            Row("Halton", "Ditton", "Bob Baker", "C", 200, false));

        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions { SetupOnly = true }, EveryCouncil);
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        Assert.Equal(["local.halton.hale.2018-05-03", "local.halton.appleton.2018-05-03"], batch.Events.OfType<DeclarationRecorded>().Select(d => d.Declaration.BallotId));
        Assert.All(batch.Events.OfType<DeclarationRecorded>().SelectMany(d => d.Declaration.Results), r => Assert.Null(r.Votes));
        Assert.Equal(BallotStatus.Uncontested, state.Ballots["local.halton.appleton.2018-05-03"].Status);
        Assert.Equal(2, state.Ballots["local.halton.appleton.2018-05-03"].Definition.SeatsUp);
        Assert.Equal(BallotStatus.Awaiting, state.Ballots["local.halton.ditton.2018-05-03"].Status);
        Assert.Contains("local.halton.hale.2018-05-03: uncontested (1 candidate for 1 seat), so elected without a poll and declared with no votes (the file gives 0 or blank).", batch.Notes);
    }

    [Fact]
    public void ACouncilWithAtMostTwoContestsIsLeftOutAsByElectionsUnlessTheRuleIsChanged()
    {
        var path = temp.Write(
            FileName,
            [
                .. ((string[])["Arun", "Beach", "Cliff"]).SelectMany(w => (string[])[Row("Adur", w, "Ann " + w, "C", 500, true), Row("Adur", w, "Bob " + w, "Lab", 400, false)]),
                Row("Warwickshire", "Leamington Willes", "Helen Adkins", "Lab", 1164, true, "E10000031", "E58001580"),
                Row("Warwickshire", "Leamington Willes", "Martin Luckhurst", "Grn", 1139, false, "E10000031", "E58001580"),
            ]);

        var byDefault = LeapResults.Read(path, ElectionState.Empty, new ImportOptions());
        var allIn = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), EveryCouncil);

        Assert.Equal(["adur"], byDefault.Events.OfType<CouncilDefined>().Select(c => c.Council.Slug));
        Assert.Equal(
            ["line 7: Warwickshire (E10000031) has only 1 contest in the file (Leamington Willes; 1 seat), so it is taken as a same-day by-election in a council with no ordinary election, and left out (rule: at most 2 contests, LeapOptions.ByElectionOnlyMaxContests)."],
            byDefault.Notes);
        Assert.Equal(["adur", "warwickshire"], allIn.Events.OfType<CouncilDefined>().Select(c => c.Council.Slug));
        Assert.Equal(CouncilType.County, allIn.Events.OfType<CouncilDefined>().Last().Council.Type);
        Assert.Empty(allIn.Notes);
    }

    [Fact]
    public void AListedCountermandedPollIsDefinedAndPostponedButNotDeclared()
    {
        var path = temp.Write(
            FileName,
            Row("Tamworth", "Glascote", "Simon Peaple", "Lab", 490, true),
            Row("Tamworth", "Glascote", "Allan Lunn", "C", 478, false),
            Row("Tamworth", "Amington", "Ann Able", "C", 600, true),
            Row("Tamworth", "Amington", "Bob Baker", "Lab", 500, false));
        var options = EveryCouncil with { PostponedBallotIds = new HashSet<string> { "local.tamworth.glascote.2018-05-03", "local.tamworth.bolehall.2018-05-03", "local.tamworth.spital.2019-05-02", "local.adur.marine.2018-05-03" } };

        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), options);
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        Assert.Equal(BallotStatus.Postponed, state.Ballots["local.tamworth.glascote.2018-05-03"].Status);
        Assert.Equal(["local.tamworth.amington.2018-05-03"], batch.Events.OfType<DeclarationRecorded>().Select(d => d.Declaration.BallotId));
        var tamworth = state.Councils["tamworth"];
        Assert.Equal((2, 1, 1, 1), (tamworth.SeatsUp, tamworth.SeatsDeclared, tamworth.SeatsPostponed, tamworth.SeatsUndeclared));
        Assert.Equal(
            [
                "local.tamworth.glascote.2018-05-03: poll countermanded, so postponed; its 1 seat stays in Tamworth, undeclared. LEAP's 2 rows for it are the result of the poll held later in its place: their candidates define the ballot and their elected flags give the seats up, but they are not declared here.",
                "local.tamworth.bolehall.2018-05-03 is listed as countermanded, but its council's rows have no such ward; nothing was postponed for it.",
            ],
            batch.Notes);
    }

    [Fact]
    public void RowsWithoutACandidateOrAWardAndMayoralPseudoWardsAreSkippedWithNotes()
    {
        var path = temp.Write(
            FileName,
            Row("Hackney", "Brownswood", "Ann Able", "Lab", 900, true, "E09000012"),
            "\"Hackney\",\"E09000012\",\"Elected Mayor\",NULL,NULL,NULL,NULL,NULL",
            "\"Hackney\",\"E09000012\",\"Elected Mayor\",NULL,\"Philip Glanville\",\"Lab\",\"50000\",\"1\"",
            "\"Hackney\",\"E09000012\",\"Cazenove\",NULL,NULL,NULL,NULL,NULL",
            "\"Hackney\",\"E09000012\",NULL,NULL,\"Lost Row\",\"C\",\"10\",\"1\"",
            "\"Hackney\",\"E09000012\",NULL,NULL,NULL,NULL,NULL,NULL",
            Row("Hackney", "Brownswood", "Bob Baker", "C", 100, false, "E09000012"));

        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), EveryCouncil);
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        Assert.Equal(["local.hackney.brownswood.2018-05-03"], state.Ballots.Keys);
        Assert.Equal(2, state.Ballots["local.hackney.brownswood.2018-05-03"].Definition.Candidates.Length);
        Assert.Equal(
            [
                "line 4: Hackney: 'Cazenove' is a placeholder row with no candidate (NULL), not a ward contest; skipped.",
                "line 6: Hackney: a placeholder row with no ward and no candidate (NULL); skipped.",
                "line 2: Hackney: 'Elected Mayor' (2 rows) stands for the mayoral election, which is not a ward contest and fills no council seat; skipped.",
                "line 5: Hackney: 1 candidate row has no ward (NULL), 1 flagged elected; it cannot be placed in a ward contest, so it is skipped.",
            ],
            batch.Notes);
    }

    [Fact]
    public void ThePollingDayComesFromTheFileNameAndAGivenDayWinsWithANote()
    {
        var path = temp.Write("leap-2019-05-02.csv", Row("Adur", "Marine", "Ann Able", "C", 300, true), Row("Adur", "Marine", "Bob Baker", "Lab", 100, false));

        var fromName = LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), EveryCouncil);
        var given = LeapResults.Read(path, ElectionState.Empty, new ImportOptions { PollingDay = new DateOnly(2019, 5, 9) }, EveryCouncil);

        Assert.Equal(("local.2019-05-02", "Local elections, 2 May 2019"), fromName.Events.OfType<ElectionDefined>().Select(e => (e.Election.Id, e.Election.Name)).Single());
        Assert.Equal("local.adur.marine.2019-05-02", fromName.Events.OfType<BallotDefined>().Single().Ballot.Id);
        Assert.Equal("local.adur.marine.2019-05-09", given.Events.OfType<BallotDefined>().Single().Ballot.Id);
        Assert.Equal(["The polling day given, 2019-05-09, is used, although the file name says 2019-05-02."], given.Notes);
    }

    [Fact]
    public void TheElectionAndCouncilsAlreadyInTheLogAreNotDefinedAgain()
    {
        var first = temp.Write(FileName, Row("Adur", "Marine", "Ann Able", "C", 300, true), Row("Adur", "Marine", "Bob Baker", "Lab", 100, false));
        var second = temp.Write(
            "leap-2018-05-03-more.csv",
            Row("Adur", "Hillside", "Cat Cole", "LD", 300, true),
            Row("Adur", "Hillside", "Eve Ely", "C", 200, false),
            Row("Arun", "Beach", "Dan Dale", "C", 0, true, "E07000224"));
        var current = ResultsEngine.Fold(ElectionState.Empty, LeapResults.Read(first, ElectionState.Empty, new ImportOptions(), EveryCouncil).Events);

        var batch = LeapResults.Read(second, current, new ImportOptions(), EveryCouncil);
        var state = ResultsEngine.Fold(current, batch.Events);

        Assert.Equal(
            ["CouncilDefined arun", "BallotDefined local.adur.hillside.2018-05-03", "BallotDefined local.arun.beach.2018-05-03", "DeclarationRecorded local.adur.hillside.2018-05-03", "DeclarationRecorded local.arun.beach.2018-05-03"],
            batch.Events.Select(Describe));
        Assert.Equal((2, 1), (state.Councils["adur"].SeatsWon.Total, state.Councils["arun"].SeatsWon.Total));
    }

    [Fact]
    public void ProgressIsReportedEveryThousandRecords()
    {
        var path = temp.Write(FileName, [.. Enumerable.Range(1, 2_500).Select(i => Row("Adur", $"Ward {i}", "Ann Able", "C", 0, true))]);
        var reports = new List<int>();

        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions { SetupOnly = true, Progress = new SynchronousProgress(reports.Add) });

        Assert.Equal([1_000, 2_000], reports);
        Assert.Equal(1 + 1 + 2_500 + 2_500, batch.Events.Count);
    }

    public void Dispose() => temp.Dispose();

    private static ElectionState Import(string path) =>
        ResultsEngine.Fold(ElectionState.Empty, LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), EveryCouncil).Events);

    private static string Row(string council, string ward, string candidate, string party, int? votes, bool elected, string councilCode = "E07000223", string wardCode = "E05007562") =>
        $"\"{council}\",\"{councilCode}\",\"{ward}\",\"{wardCode}\",\"{candidate}\",\"{party}\",\"{votes}\",\"{(elected ? 1 : 0)}\"";

    private static string Describe(ElectionEvent e) => e switch
    {
        CouncilDefined c => "CouncilDefined " + c.Council.Slug,
        BallotDefined b => "BallotDefined " + b.Ballot.Id,
        DeclarationRecorded d => "DeclarationRecorded " + d.Declaration.BallotId,
        _ => e.GetType().Name,
    };

    // Progress<T> posts to a synchronisation context; a test needs the reports as they are made.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
