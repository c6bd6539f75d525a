using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Regions;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Regions;

public sealed class OnsRegionsTests : IDisposable
{
    private const string Header = "WDCD,WDNM,MDCD,MDNM,GORCD,GORNM,CTRYCD,CTRYNM\n";

    private static readonly CouncilDefinition Bolton = new() { Slug = "bolton", Name = "Bolton", GssCode = "E08000001", Type = CouncilType.MetropolitanBorough, StatutorySize = 60 };
    private static readonly CouncilDefinition Sunderland = new() { Slug = "sunderland", Name = "Sunderland", GssCode = "E08000024", Type = CouncilType.MetropolitanBorough };

    private readonly ScratchFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EachCouncilTheFileListsIsRedefinedWithItsRegionAtItsFirstRow()
    {
        var path = folder.Write("md.csv", Header +
            "E05000650,Astley Bridge,E08000001,Bolton,E12000002,North West,E92000001,England\n" +
            "E05000651,Bradshaw,E08000001,Bolton,E12000002,North West,E92000001,England\n" +
            "E05000660,\"Horwich, North East\",E08000002,Bury,E12000002,North West,E92000001,England\n" +
            "E05001160,Barnes,E08000024,Sunderland,E12000001,North East,E92000001,England\n");

        var batch = OnsRegions.Read(path, Election(), new ImportOptions());

        Assert.Equal(
            new ElectionEvent[] { new CouncilDefined(Bolton with { Region = "North West" }), new CouncilDefined(Sunderland with { Region = "North East" }) },
            batch.Events);
        Assert.Equal([new SourceLocation(path, 2), new SourceLocation(path, 5)], batch.Sources);
        Assert.Equal(["Gave a region to 2 councils; 1 of the file's 3 authorities holds no council of the election, or one whose ONS code is not known, and was skipped."], batch.Notes);
    }

    [Fact]
    public void ACouncilAlreadyInTheRegionIsLeftAsItIs()
    {
        var path = folder.Write("md.csv", Header + "E05000650,Astley Bridge,E08000001,Bolton,E12000002,North West,E92000001,England\n");
        var state = ResultsEngine.Fold(Election(), OnsRegions.Read(path, Election(), new ImportOptions()).Events);

        var again = OnsRegions.Read(path, state, new ImportOptions());

        Assert.Equal("North West", state.Councils["bolton"].Definition.Region);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void AnAuthorityPutInASecondRegionIsRefusedAtItsLine()
    {
        var path = folder.Write("md.csv", Header +
            "E05000650,Astley Bridge,E08000001,Bolton,E12000002,North West,E92000001,England\n" +
            "E05000651,Bradshaw,E08000001,Bolton,E12000001,North East,E92000001,England\n");

        var refusal = Assert.Throws<MalformedInputException>(() => OnsRegions.Read(path, Election(), new ImportOptions()));

        Assert.Equal(new SourceLocation(path, 3), refusal.Where);
        Assert.Equal("MDCD E08000001 (Bolton) is in region E12000001 North East here but E12000002 North West on line 2; an authority lies in one region.", refusal.Reason);
    }

    [Fact]
    public void ACouncilAlreadyInAnotherRegionIsRefused()
    {
        var path = folder.Write("md.csv", Header + "E05000650,Astley Bridge,E08000001,Bolton,E12000002,North West,E92000001,England\n");
        var state = ResultsEngine.Fold(Election(), [new CouncilDefined(Bolton with { Region = "North East" })]);

        var refusal = Assert.Throws<MalformedInputException>(() => OnsRegions.Read(path, state, new ImportOptions()));

        Assert.Equal(new SourceLocation(path, 2), refusal.Where);
        Assert.Equal("Bolton (E08000001) is already in region North East, but this file puts it in North West; a council lies in one region.", refusal.Reason);
    }

    [Fact]
    public void AHeaderWithoutASingleAuthorityCodeColumnIsRefused()
    {
        var none = folder.Write("none.csv", "WDCD,WDNM,GORCD,GORNM\nE05000650,Astley Bridge,E12000002,North West\n");
        var two = folder.Write("two.csv", "WDCD,LBCD,MDCD,GORNM\nE05000650,E09000001,E08000001,North West\n");

        var first = Assert.Throws<MalformedInputException>(() => OnsRegions.Read(none, Election(), new ImportOptions()));
        var second = Assert.Throws<MalformedInputException>(() => OnsRegions.Read(two, Election(), new ImportOptions()));

        Assert.Equal(
            $"{none}:1: the header has none of the authority code columns LBCD, MDCD, UACD, NMDCD: an ONS ward-to-region lookup has WDCD, exactly one authority code column (LBCD, MDCD, UACD, NMDCD), GORCD and GORNM.",
            first.Message);
        Assert.Equal(
            $"{two}:1: the header lacks GORCD; the header has LBCD and MDCD of the authority code columns LBCD, MDCD, UACD, NMDCD: an ONS ward-to-region lookup has WDCD, exactly one authority code column (LBCD, MDCD, UACD, NMDCD), GORCD and GORNM.",
            second.Message);
    }

    [Fact]
    public void ARowWithoutARegionNameOrWithAMalformedCodeIsRefused()
    {
        var noName = folder.Write("a.csv", Header + "E05000650,Astley Bridge,E08000001,Bolton,E12000002,,E92000001,England\n");
        var badCode = folder.Write("b.csv", Header + "E05000650,Astley Bridge,E0800001,Bolton,E12000002,North West,E92000001,England\n");

        Assert.Equal($"{noName}:2: GORNM is empty; every ward row names its region.", Assert.Throws<MalformedInputException>(() => OnsRegions.Read(noName, Election(), new ImportOptions())).Message);
        Assert.Equal($"{badCode}:2: MDCD 'E0800001' is not an ONS code (a letter and eight digits, e.g. E12000002).", Assert.Throws<MalformedInputException>(() => OnsRegions.Read(badCode, Election(), new ImportOptions())).Message);
    }

    [Fact]
    public void WardsOfACouncilListedUnderAnotherAuthorityAreNotedAndNotFollowed()
    {
        // Bolton's ward code under Bury's authority code: the lookup is wrong about the ward, so Bolton gets nothing from it.
        var path = folder.Write("md.csv", Header + "E05000650,Astley Bridge,E08000002,Bury,E12000002,North West,E92000001,England\n");

        var batch = OnsRegions.Read(path, Election(), new ImportOptions());

        Assert.Empty(batch.Events);
        Assert.Contains("Lines 2-2: 1 ward of Bolton (E08000001) by the election's ballots is listed under Bury (E08000002); Bolton's region is not taken from it, and the file does not list its own code, so it gets no region here.", batch.Notes);
    }

    [Fact]
    public void ALogWhoseCouncilsHaveNoOnsCodesIsRefused()
    {
        var path = folder.Write("md.csv", Header + "E05000650,Astley Bridge,E08000001,Bolton,E12000002,North West,E92000001,England\n");

        var refusal = Assert.Throws<MalformedInputException>(() => OnsRegions.Read(path, Election(withCodes: false), new ImportOptions()));

        Assert.Equal($"{path}: the lookup finds councils by their ONS codes, and the log has no council with an ONS code: import the results and the Electoral Commission's ward sheets (ec-wards) first.", refusal.Message);
    }

    private static ElectionState Election(bool withCodes = true) => ResultsEngine.Fold(ElectionState.Empty,
    [
        new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
        new CouncilDefined(withCodes ? Bolton : Bolton with { GssCode = null }),
        new CouncilDefined(withCodes ? Sunderland : Sunderland with { GssCode = null }),
        new BallotDefined(new BallotDefinition
        {
            Id = "local.bolton.astley-bridge.2018-05-03",
            CouncilSlug = "bolton",
            WardName = "Astley Bridge",
            WardGssCode = "E05000650",
            SeatsUp = 1,
            Candidates = [new Candidate("1", "Ann Able", PartyCatalog.Labour)],
        }),
    ]);
}
