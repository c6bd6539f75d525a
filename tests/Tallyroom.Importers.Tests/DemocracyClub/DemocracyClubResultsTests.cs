using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.DemocracyClub;

public sealed class DemocracyClubResultsTests : IDisposable
{
    private const string Header = "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source\n";

    // Line 1 is the artefact, line 2 the header; the first record spans lines 3 and 4.
    private const string Sample = "False\n" + Header +
        "local.kingston-upon-thames.2018-05-03,local.kingston-upon-thames.st-marks.2018-05-03,101,PP52,Conservative and Unionist Party,Ann Able,900,True,12,35.2,\"http://example.org/\nElectorate: 7000\"\n" +
        "local.kingston-upon-thames.2018-05-03,local.kingston-upon-thames.st-marks.2018-05-03,102,,Labour and Co-operative Party,Ben Baker,800,False,12,35.2,x\n" +
        "local.sutton.2018-05-03,local.sutton.nonsuch.2018-05-03,201,PP90,Liberal Democrats,Cat Cole,500,True,,,x\n" +
        "local.sutton.2018-05-03,local.sutton.nonsuch.2018-05-03,202,PP52,Conservative and Unionist Party,Dan Dee,500,False,,,x\n" +
        "local.sutton.2018-05-03,local.sutton.nonsuch.2018-05-03,203,PP53,Labour Party,Eve Ewe,700,True,,,x\n" +
        "local.sutton.2018-05-03,local.sutton.nonsuch.2018-05-03,204,ynmp-party:2,Independent,Fay Fox,100,False,,,x\n" +
        "mayor.hackney.2018-05-03,mayor.hackney.2018-05-03,301,PP53,Labour Party,Gus Gee,1000,True,,,x\n" +
        "local.kingston-upon-thames.2018-05-03,local.kingston-upon-thames.coombe-hill.2018-05-03,105,PP52,Conservative and Unionist Party,Hal Hay,,True,,,x\n" +
        "local.sutton.2018-05-03,local.sutton.cheam.by.2018-05-03,401,PP52,Conservative and Unionist Party,Ivy Ing,300,True,,,x\n" +
        "local.sutton.2018-05-03,local.sutton.cheam.by.2018-05-03,402,PP90,Liberal Democrats,Jo Jay,200,False,,,x\n";

    private const string StMarks = "local.kingston-upon-thames.st-marks.2018-05-03";
    private const string CoombeHill = "local.kingston-upon-thames.coombe-hill.2018-05-03";
    private const string Nonsuch = "local.sutton.nonsuch.2018-05-03";

    private readonly ScratchFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ImportingASmallFileEmitsTheElectionThenEachCouncilWithItsBallotsThenTheDeclarations()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        Assert.Equal(
            ["ElectionDefined local.2018-05-03", "CouncilDefined kingston-upon-thames", $"BallotDefined {StMarks}", $"BallotDefined {CoombeHill}",
             "CouncilDefined sutton", $"BallotDefined {Nonsuch}", $"DeclarationRecorded {StMarks}", $"DeclarationRecorded {CoombeHill}", $"DeclarationRecorded {Nonsuch}"],
            batch.Events.Select(Describe));
        Assert.Equal([3, 3, 3, 11, 6, 6, 3, 11, 6], batch.Sources.Select(s => s.Line));
        Assert.All(batch.Sources, s => Assert.Equal(path, s.File));
    }

    [Fact]
    public void TheElectionCouncilsAndBallotsAreDefinedFromTheIds()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        var election = Assert.IsType<ElectionDefined>(batch.Events[0]).Election;
        Assert.Equal(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }, election);
        var council = Assert.IsType<CouncilDefined>(batch.Events[1]).Council;
        Assert.Equal(new CouncilDefinition { Slug = "kingston-upon-thames", Name = "Kingston upon Thames", GssCode = null, Type = CouncilType.Unknown }, council);
        var ballot = Assert.IsType<BallotDefined>(batch.Events[2]).Ballot;
        Assert.Equal("kingston-upon-thames", ballot.CouncilSlug);
        Assert.Equal("St Marks", ballot.WardName);
        Assert.Null(ballot.WardGssCode);
        Assert.Equal(1, ballot.SeatsUp);
        Assert.Equal(new Candidate[] { new("101", "Ann Able", PartyCatalog.Conservative), new("102", "Ben Baker", PartyCatalog.Labour) }, ballot.Candidates);
    }

    [Fact]
    public void SeatsUpAreTheCandidatesMarkedAsWinners()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        var nonsuch = batch.Events.OfType<BallotDefined>().Single(b => b.Ballot.Id == Nonsuch).Ballot;
        Assert.Equal(2, nonsuch.SeatsUp);
        Assert.Equal(["201", "202", "203", "204"], nonsuch.Candidates.Select(c => c.Id));
        Assert.Equal(PartyCatalog.Independent, nonsuch.Candidates[3].Party);
    }

    [Fact]
    public void DeclarationsCarryVotesWinnersAndSpoiltBallotsButNoTurnout()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        var stMarks = batch.Events.OfType<DeclarationRecorded>().Single(d => d.Declaration.BallotId == StMarks).Declaration;
        Assert.Equal(
            new CandidateResult[] { new() { CandidateId = "101", Votes = 900, Elected = true }, new() { CandidateId = "102", Votes = 800, Elected = false } },
            stMarks.Results);
        Assert.Equal(12, stMarks.Rejected);
        Assert.Null(stMarks.BallotPapers);
        Assert.Null(stMarks.Electorate);
        Assert.Null(stMarks.Reason);
        Assert.Contains(
            "Rejected ballot papers come from spoilt_ballots, filled for 1 of the 2 contested ballots declared. Ballot papers and electorate are left empty: the file's turnout column mixes percentages and counts, so they come from the ec-wards import (the Electoral Commission's ward sheets).",
            batch.Notes);
    }

    [Fact]
    public void ATieAcrossTheLastSeatIsRecordedAsDecidedByLotAndNoted()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        var nonsuch = batch.Events.OfType<DeclarationRecorded>().Single(d => d.Declaration.BallotId == Nonsuch).Declaration;
        Assert.Equal([("201", true), ("202", true), ("203", false), ("204", false)], nonsuch.Results.Select(r => (r.CandidateId, r.DecidedByLot)));
        Assert.Contains(
            "Ballot local.sutton.nonsuch.2018-05-03: the last seat was tied at 500 votes. The file has no flag for a tie decided by lot, so the candidates at 500 votes on both sides of the line are recorded as decided by lot.",
            batch.Notes);
        Assert.Equal(3, ResultsEngine.Fold(ElectionState.Empty, batch.Events).Ballots.Values.Count(b => b.HasResult));
    }

    [Fact]
    public void UncontestedBallotsAreDeclaredWithoutVotesEvenInASetupOnlyImport()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions { SetupOnly = true });

        var declaration = Assert.Single(batch.Events.OfType<DeclarationRecorded>()).Declaration;
        Assert.Equal(CoombeHill, declaration.BallotId);
        Assert.Equal(new CandidateResult[] { new() { CandidateId = "105", Votes = null, Elected = true } }, declaration.Results);
        Assert.Null(declaration.Rejected);
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);
        Assert.Equal(BallotStatus.Uncontested, state.Ballots[CoombeHill].Status);
        Assert.Equal(BallotStatus.Awaiting, state.Ballots[StMarks].Status);
    }

    [Fact]
    public void MayoralAndByElectionRowsAreSkippedWithOneNotePerKind()
    {
        var path = folder.Write("results.csv", Sample);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        Assert.DoesNotContain(batch.Events.OfType<BallotDefined>(), b => b.Ballot.Id.Contains(".by.", StringComparison.Ordinal));
        Assert.Equal(
            ["Skipped 1 row (1 ballot) of mayoral elections (mayor.*): Tallyroom counts council seats, and a mayor holds none.",
             "Skipped 2 rows (1 ballot) of local by-elections (ballot ids with a .by. part): they fill casual vacancies, not the seats of this election's ward contests."],
            batch.Notes.Where(n => n.StartsWith("Skipped", StringComparison.Ordinal)));
    }

    [Fact]
    public void WardCodesComeFromTheLookupFileAndCouncilCodesStayEmpty()
    {
        var path = folder.Write("results.csv", Sample);
        var codes = folder.Write("codes.csv", $"ballot_id,gss_code\n{StMarks},E05000400\n{Nonsuch},E05000560\n");

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions { WardCodesPath = codes });

        Assert.Equal(
            [(StMarks, "E05000400"), (CoombeHill, null), (Nonsuch, "E05000560")],
            batch.Events.OfType<BallotDefined>().Select(b => (b.Ballot.Id, b.Ballot.WardGssCode)));
        Assert.All(batch.Events.OfType<CouncilDefined>(), c => Assert.Null(c.Council.GssCode));
        Assert.Contains($"Ward codes come from {codes}, which has none for 1 of the 3 ballots: {CoombeHill}.", batch.Notes);
    }

    [Fact]
    public void CouncilsAndTheElectionAlreadyInTheLogAreNotDefinedAgain()
    {
        var path = folder.Write("results.csv", Sample);
        var current = ResultsEngine.Fold(ElectionState.Empty,
        [
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "English local elections", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = "sutton", Name = "London Borough of Sutton", GssCode = "E09000029", Type = CouncilType.LondonBorough }),
        ]);

        var batch = DemocracyClubResults.Read(path, current, new ImportOptions());
        var state = ResultsEngine.Fold(current, batch.Events);

        Assert.Equal(["kingston-upon-thames"], batch.Events.OfType<CouncilDefined>().Select(c => c.Council.Slug));
        Assert.Empty(batch.Events.OfType<ElectionDefined>());
        Assert.Equal("London Borough of Sutton", state.Councils["sutton"].Definition.Name);
        Assert.Equal(3, state.Ballots.Count);
    }

    [Fact]
    public void AFileForAnotherElectionThanTheLogsIsRefused()
    {
        var path = folder.Write("results.csv", Sample);
        var current = ResultsEngine.Fold(ElectionState.Empty,
            [new ElectionDefined(new ElectionInfo { Id = "local.2019-05-02", Name = "Local elections, 2 May 2019", PollingDay = new DateOnly(2019, 5, 2) })]);

        var refusal = Assert.Throws<MalformedInputException>(() => DemocracyClubResults.Read(path, current, new ImportOptions()));

        Assert.Equal($"{path}:3: The file's contests belong to election local.2018-05-03, but the log holds election local.2019-05-02; one log holds one election.", refusal.Message);
    }

    [Fact]
    public void ABallotTheLogHoldsWithOtherCandidatesIsRefused()
    {
        var path = folder.Write("results.csv", Sample);
        var setup = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions { SetupOnly = true });
        var current = ResultsEngine.Fold(ElectionState.Empty, setup.Events);
        var changed = folder.Write("changed.csv", Sample.Replace(",102,", ",999,", StringComparison.Ordinal));

        var refusal = Assert.Throws<MalformedInputException>(() => DemocracyClubResults.Read(changed, current, new ImportOptions()));

        Assert.Equal(new SourceLocation(changed, 3), refusal.Where);
        Assert.Equal($"ballot_paper_id: ballot {StMarks} is already in the log with other seats or candidates (1 seat, 2 candidates); the file has 1 and 2. A changed ballot is not re-imported over the old one.", refusal.Reason);
    }

    [Fact]
    public void AFileWithoutTheArtefactLineIsReadFromItsHeader()
    {
        var path = folder.Write("results.csv", Sample["False\n".Length..]);

        var batch = DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions());

        Assert.Equal(3, batch.Events.Count(e => e is BallotDefined));
        Assert.Equal(2, batch.Sources[0].Line);
    }

    [Theory]
    [InlineData("kingston-upon-thames", "Kingston upon Thames")]
    [InlineData("newcastle-under-lyme", "Newcastle under Lyme")]
    [InlineData("the-heath-and-reach", "The Heath and Reach")]
    [InlineData("bolton-le-sands", "Bolton le Sands")]
    [InlineData("barrow-in-furness", "Barrow in Furness")]
    [InlineData("walton-on-thames", "Walton on Thames")]
    [InlineData("isle-of-dogs", "Isle of Dogs")]
    [InlineData("st-james", "St James")]
    [InlineData("ward-10", "Ward 10")]
    public void ReadableNamesCapitaliseWordsButNotTheSmallOnes(string slug, string name) =>
        Assert.Equal(name, SlugNames.Readable(slug));

    [Fact]
    public void AnEmptyFileIsRefused() =>
        AssertRefused(string.Empty, 1, "The file is empty: a Democracy Club results file has a header row naming election_id, ballot_paper_id, person_id, party_id, party_name, person_name, ballots_cast, is_winner, spoilt_ballots.");

    [Fact]
    public void AFileOfOnlyTheArtefactLineIsRefused() =>
        AssertRefused("False\n", 2, "The file has no header after its first line: a Democracy Club results file has a header row naming election_id, ballot_paper_id, person_id, party_id, party_name, person_name, ballots_cast, is_winner, spoilt_ballots.");

    [Fact]
    public void AHeaderWithoutRowsIsRefused() =>
        AssertRefused("False\n" + Header, 2, "The file has a header but no result rows.");

    [Fact]
    public void AHeaderMissingColumnsIsRefusedAtTheHeaderLine() =>
        AssertRefused(
            "False\nelection_id,ballot_paper_id,person_id,party_id,party_name,person_name,votes,spoilt_ballots\n",
            2,
            "The header lacks the columns ballots_cast, is_winner: a Democracy Club results file needs election_id, ballot_paper_id, person_id, party_id, party_name, person_name, ballots_cast, is_winner, spoilt_ballots.");

    [Fact]
    public void AnEmptyBallotIdIsRefused() =>
        AssertRefused(Row(ballotId: string.Empty), 4, "ballot_paper_id: empty; every row names its ballot.");

    [Fact]
    public void ABallotIdOutsideItsElectionIsRefused() =>
        AssertRefused(
            Row(ballotId: "local.merton.abbey.2018-05-03"),
            4,
            "ballot_paper_id: 'local.merton.abbey.2018-05-03' does not belong to election 'local.sutton.2018-05-03': its ballots are local.sutton.<ward>.2018-05-03.");

    [Fact]
    public void ABallotIdOfAnotherDayIsRefused() =>
        AssertRefused(
            Row(ballotId: "local.sutton.cheam.2018-05-04"),
            4,
            "ballot_paper_id: 'local.sutton.cheam.2018-05-04' does not belong to election 'local.sutton.2018-05-03': its ballots are local.sutton.<ward>.2018-05-03.");

    [Fact]
    public void NegativeVotesAreRefused() =>
        AssertRefused(Row(votes: "-5"), 4, "ballots_cast: '-5' is not a non-negative integer; votes are whole numbers, zero or more.");

    [Fact]
    public void FractionalVotesAreRefused() =>
        AssertRefused(Row(votes: "12.5"), 4, "ballots_cast: '12.5' is not a non-negative integer; votes are whole numbers, zero or more.");

    [Fact]
    public void MissingVotesInAContestedBallotAreRefused() =>
        AssertRefused(Row(votes: string.Empty), 4, "ballots_cast: empty, but ballot local.sutton.cheam.2018-05-03 is contested (2 candidates for 1 seat), so every candidate needs votes.");

    [Fact]
    public void AWinnerFlagOtherThanTrueOrFalseIsRefused() =>
        AssertRefused(Row(winner: "Yes"), 4, "is_winner: 'Yes' is neither True nor False.");

    [Fact]
    public void TheSamePersonTwiceInABallotIsRefused() =>
        AssertRefused(Row(personId: "501"), 4, "person_id: person 501 appears twice in ballot local.sutton.cheam.2018-05-03 (first on line 3); a candidate stands once in a ballot.");

    [Fact]
    public void ABallotWithoutWinnersIsRefused() =>
        AssertRefused(
            Row(winner: "False").Replace(",True,", ",False,", StringComparison.Ordinal),
            3,
            "is_winner: no candidate of ballot local.sutton.cheam.2018-05-03 is True; the file has no seats column, so the seats up are the winners, and a ballot has at least one.");

    [Fact]
    public void SpoiltBallotsThatDifferWithinABallotAreRefused() =>
        AssertRefused(Row(spoilt: "9"), 4, "spoilt_ballots: 9 differs from 7 on line 3; it is the ward's figure, the same on every row of ballot local.sutton.cheam.2018-05-03.");

    [Fact]
    public void BrokenQuotingIsRefusedAtItsLine() =>
        AssertRefused(Row(personId: "\"502\"x"), 4, "Malformed CSV in record 4 (line 4): text after the closing quote of a quoted field (byte offset 304).");

    [Fact]
    public void AMalformedWardCodeFileIsRefused()
    {
        var path = folder.Write("results.csv", Sample);
        var codes = folder.Write("codes.csv", "ballot_id,code\n");

        var refusal = Assert.Throws<MalformedInputException>(() => DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions { WardCodesPath = codes }));

        Assert.Equal($"{codes}:1: The header lacks the column gss_code: a ward-code file has the columns ballot_id and gss_code.", refusal.Message);
    }

    private static string Describe(ElectionEvent e) => e switch
    {
        ElectionDefined d => "ElectionDefined " + d.Election.Id,
        CouncilDefined c => "CouncilDefined " + c.Council.Slug,
        BallotDefined b => "BallotDefined " + b.Ballot.Id,
        DeclarationRecorded d => "DeclarationRecorded " + d.Declaration.BallotId,
        _ => e.GetType().Name,
    };

    /// <summary>
    /// A file with one good row on line 3 and a second row of the same ballot on line 4 with one field changed (the
    /// defaults repeat a valid row), so each refusal test changes exactly what it is about.
    /// </summary>
    private static string Row(string? ballotId = null, string personId = "502", string votes = "40", string winner = "False", string spoilt = "7")
    {
        const string Election = "local.sutton.2018-05-03";
        const string Ballot = "local.sutton.cheam.2018-05-03";
        return "False\n" + Header +
            $"{Election},{Ballot},501,PP52,Conservative and Unionist Party,Kim Kay,60,True,7,,x\n" +
            $"{Election},{ballotId ?? Ballot},{personId},PP90,Liberal Democrats,Lee Lo,{votes},{winner},{spoilt},,x\n";
    }

    private void AssertRefused(string contents, int line, string reason)
    {
        var path = folder.Write("bad.csv", contents);

        var refusal = Assert.Throws<MalformedInputException>(() => DemocracyClubResults.Read(path, ElectionState.Empty, new ImportOptions()));

        Assert.Equal(new SourceLocation(path, line), refusal.Where);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal($"{path}:{line}: {reason}", refusal.Message);
    }
}
