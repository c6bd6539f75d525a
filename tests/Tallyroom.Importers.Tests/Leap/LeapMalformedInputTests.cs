using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>Files that break LEAP's rules are refused whole, naming the file, the line, the field and the rule.</summary>
public sealed class LeapMalformedInputTests : IDisposable
{
    private const string FileName = "leap-2018-05-03.csv";
    private const string Good1 = "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Emma Evans\",\"C\",\"634\",\"1\"";
    private const string Good2 = "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Carol O'Neal\",\"Lab\",\"315\",\"0\"";
    private const string LeapFields = "council_name, council_ons, ward_name, ward_ons, candidate_name, party_short, votes, elected_flag";

    private readonly LeapTempFolder temp = new();

    public static TheoryData<string, string> BadRows => new()
    {
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\"", $"expected 8 fields ({LeapFields}), found 7." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"0\",\"\"", $"expected 8 fields ({LeapFields}), found 9." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"1O5\",\"0\"", "votes '1O5' is not a non-negative integer." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"-105\",\"0\"", "votes '-105' is not a non-negative integer." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105.0\",\"0\"", "votes '105.0' is not a non-negative integer." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"yes\"", "elected_flag 'yes' must be 1 (elected) or 0 (not elected)." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",NULL", "elected_flag 'NULL' must be 1 (elected) or 0 (not elected)." },
        { "\"\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"0\"", "council_name is empty; every row must name its council." },
        { "\"Adur\",\"E07000223\",\"  \",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"0\"", "ward_name is empty; every row must name its ward." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"\",\"Grn\",\"105\",\"0\"", "candidate_name is empty; every row must name its candidate." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"\",\"105\",\"0\"", "party_short is empty; every candidate needs Teale's party code (Ind for an independent)." },
        { "\"Adur\",\"E07000999\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"0\"", "council_ons 'E07000999' differs from 'E07000223' given for council 'Adur' on line 1; a council keeps one ONS code within a file." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05000001\",\"Jane Mott\",\"Grn\",\"105\",\"0\"", "ward_ons 'E05000001' differs from 'E05007562' given for ward 'Buckingham' of Adur on line 1; a ward keeps one ONS code within a file." },
        { "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Jane Mott\",\"Grn\",\"\",\"0\"", "votes is blank; only an uncontested ward (no more candidates than seats) may leave votes blank, and ward 'Buckingham' (Adur) is contested." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void ARowBreakingAFieldRuleIsRefusedAtItsLine(string badRow, string reason)
    {
        var path = temp.Write(FileName, Good1, Good2, badRow);

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 3), e.Where);
        Assert.Equal(reason, e.Reason);
        Assert.Equal($"{path}:3: {reason}", e.Message);
    }

    [Fact]
    public void AFirstLineThatIsNeitherThe2014HeaderNorAnEightFieldRowIsRefused()
    {
        var path = temp.Write(FileName, "\"Buckingham\",\"Adur\",\"Emma Evans\",\"C\",\"634\",\"1\"");

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 1), e.Where);
        Assert.Equal($"line 1 has 6 fields: a LEAP file starts either with the 2014 header \"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\" or with a row of 8 fields ({LeapFields}).", e.Reason);
    }

    [Fact]
    public void AShortRowInThe2014LayoutIsRefusedAtItsLine()
    {
        var path = temp.Write(
            "2014_results.csv",
            "\"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\"",
            "\"Buckingham\",\"Adur\",\"Emma Evans\",\"C\",\"678\",\"1\"",
            "\"Buckingham\",\"Adur\",\"Thomas Hilditch\",\"LD\",\"67\"");

        var e = Assert.Throws<MalformedInputException>(() => LeapResults.Read(path, ElectionState.Empty, new ImportOptions { PollingDay = new DateOnly(2014, 5, 22) }));

        Assert.Equal(new SourceLocation(path, 3), e.Where);
        Assert.Equal("expected the 6 fields of the header (\"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\"), found 5.", e.Reason);
    }

    [Fact]
    public void AWardWithNoElectedRowIsRefusedBecauseItsSeatsCannotBeKnown()
    {
        var path = temp.Write(FileName, Good1, Good2, "\"Adur\",\"E07000223\",\"Churchill\",\"E05007563\",\"Pat Beresford\",\"C\",\"444\",\"0\"");

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 3), e.Where);
        Assert.Equal("elected_flag: no candidate of ward 'Churchill' (Adur) is flagged 1; LEAP gives a ward's seats up only by its elected rows, so they cannot be known.", e.Reason);
    }

    [Fact]
    public void AnUncontestedWardWithVotesIsRefusedBecauseNoPollWasHeld()
    {
        var path = temp.Write(FileName, Good1, Good2, "\"Adur\",\"E07000223\",\"Churchill\",\"E05007563\",\"Pat Beresford\",\"C\",\"444\",\"1\"");

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 3), e.Where);
        Assert.Equal("votes '444': ward 'Churchill' (Adur) is uncontested (1 candidate for 1 seat), so no poll was held; its votes must be 0 or blank.", e.Reason);
    }

    [Fact]
    public void AWardOfACouncilLeftOutAsByElectionsIsStillChecked()
    {
        var path = temp.Write(FileName, Good1, "\"Adur\",\"E07000223\",\"Buckingham\",\"E05007562\",\"Carol O'Neal\",\"Lab\",\"\",\"0\"");

        var e = Assert.Throws<MalformedInputException>(() => LeapResults.Read(path, ElectionState.Empty, new ImportOptions()));

        Assert.Equal(new SourceLocation(path, 2), e.Where);
        Assert.StartsWith("votes is blank;", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenQuotingIsRefusedAtTheLineWhereTheRecordStarts()
    {
        var path = temp.Write(FileName, Good1, Good2, "\"Adur\",\"E07000223\",\"Buckingham\"x,\"E05007562\",\"Jane Mott\",\"Grn\",\"105\",\"0\"");

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 3), e.Where);
        Assert.StartsWith("the CSV quoting is broken: ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var path = temp.Write(FileName);

        var e = Assert.Throws<MalformedInputException>(() => Read(path));

        Assert.Equal(new SourceLocation(path, 1), e.Where);
        Assert.Equal("the file has no result rows.", e.Reason);
    }

    [Fact]
    public void AFileNameWithoutADateIsRefusedUnlessThePollingDayIsGiven()
    {
        var path = temp.Write("results.csv", Good1, Good2);

        var e = Assert.Throws<MalformedInputException>(() => LeapResults.Read(path, ElectionState.Empty, new ImportOptions()));

        Assert.Equal($"{path}:1: no polling day: LEAP rows do not carry the date, the file name has no valid yyyy-mm-dd, and ImportOptions.PollingDay is not set.", e.Message);
        var batch = LeapResults.Read(path, ElectionState.Empty, new ImportOptions { PollingDay = new DateOnly(2018, 5, 3) }, new LeapOptions { ByElectionOnlyMaxContests = 0 });
        Assert.Equal(4, batch.Events.Count);
    }

    [Fact]
    public void AFileForAnotherPollingDayThanTheLogsElectionIsRefused()
    {
        var path = temp.Write(FileName, Good1, Good2);
        var other = temp.Write("leap-2019-05-02.csv", Good1, Good2);
        var current = ResultsEngine.Fold(ElectionState.Empty, Read(other).Events);

        var e = Assert.Throws<MalformedInputException>(() => LeapResults.Read(path, current, new ImportOptions(), new LeapOptions { ByElectionOnlyMaxContests = 0 }));

        Assert.Equal(new SourceLocation(path, 1), e.Where);
        Assert.Equal("the file's contests belong to election local.2018-05-03, but the log holds election local.2019-05-02; one log holds one election.", e.Reason);
    }

    public void Dispose() => temp.Dispose();

    // The rule that leaves out councils with one or two contests is switched off: these files are one council.
    private static ImportBatch Read(string path) =>
        LeapResults.Read(path, ElectionState.Empty, new ImportOptions(), new LeapOptions { ByElectionOnlyMaxContests = 0 });
}
