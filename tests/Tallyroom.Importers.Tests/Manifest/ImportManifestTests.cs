using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Manifest;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Manifest;

public sealed class ImportManifestTests : IDisposable
{
    private const string Results =
        "False\nelection_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source\n" +
        "local.trafford.2018-05-03,local.trafford.altrincham.2018-05-03,1,PP52,Conservative and Unionist Party,Ann Oak,900,True,,,\n" +
        "local.trafford.2018-05-03,local.trafford.altrincham.2018-05-03,2,PP53,Labour Party,Bob Ash,500,False,,,\n" +
        "local.trafford.2018-05-03,local.trafford.bowdon.2018-05-03,3,PP52,Conservative and Unionist Party,Cat Elm,300,False,,,\n" +
        "local.trafford.2018-05-03,local.trafford.bowdon.2018-05-03,4,PP53,Labour Party,Dan Yew,700,True,,,\n";

    private const string Baselines =
        "record,council,ballot,party,seats,votes,candidate,elected,kind,last_fought,source\n" +
        "size,trafford,,,4,,,,,,test\n" +
        "eve-of-poll,trafford,,Conservative,3,,,,,,\n" +
        "eve-of-poll,trafford,,Labour,1,,,,,,\n" +
        "continuing,trafford,,Conservative,1,,,,,,\n" +
        "continuing,trafford,,Labour,1,,,,,,\n" +
        "defended,,local.trafford.altrincham.2018-05-03,Conservative,1,,,,actual,2014-05-22,\n" +
        "defended,,local.trafford.bowdon.2018-05-03,Conservative,1,,,,actual,2014-05-22,\n";

    private readonly ScratchFolder folder = new();

    [Fact]
    public void AManifestImportsItsSourcesInOrderEachSeeingTheOnesBefore()
    {
        folder.Write("results.csv", Results);
        folder.Write("baselines.csv", Baselines);
        var manifest = folder.Write("night.json", """
            {
              "election": "local.2018-05-03",
              "sources": [
                { "format": "dc-results", "path": "results.csv" },
                { "format": "baseline", "path": "baselines.csv" }
              ]
            }
            """);

        var batch = ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions());
        var council = ResultsEngine.Fold(ElectionState.Empty, batch.Events).Councils["trafford"];

        Assert.Equal(4, council.TotalSeats);
        Assert.Equal(new CouncilOutcome(OutcomeKind.LossToNoc, Core.Parties.PartyCatalog.Conservative, new CouncilControl(ControlKind.Party, Core.Parties.PartyCatalog.Conservative)), council.Outcome);
        Assert.Equal([new SeatChange(Core.Parties.PartyCatalog.Conservative, -1), new SeatChange(Core.Parties.PartyCatalog.Labour, 1)], council.SeatChanges);
        Assert.Contains(batch.Notes, n => n.StartsWith("[baseline baselines.csv] Baselines from ", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(folder.Root, "baselines.csv"), batch.Sources[^1].File);
    }

    [Fact]
    public void RelativePathsStartFromTheRootWhenOneIsGiven()
    {
        Directory.CreateDirectory(Path.Combine(folder.Root, "data"));
        folder.Write(Path.Combine("data", "results.csv"), Results);
        var manifest = folder.Write("night.json", """{ "sources": [ { "format": "dc-results", "path": "results.csv" } ] }""");

        var batch = ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions { Root = Path.Combine(folder.Root, "data") });

        Assert.Equal(2, batch.Events.OfType<Core.Events.DeclarationRecorded>().Count());
    }

    [Fact]
    public void AMissingSourceFileIsRefusedNamingTheSourceAndItsLine()
    {
        var manifest = folder.Write("night.json", "{\n  \"sources\": [\n    { \"format\": \"dc-results\", \"path\": \"absent.csv\" }\n  ]\n}\n");

        var refusal = Assert.Throws<MalformedInputException>(() => ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions()));

        Assert.Equal($"{manifest}:3: sources[0].path: there is no file 'absent.csv' under '{folder.Root}'.", refusal.Message);
    }

    [Fact]
    public void AnUnknownFormatOrFieldIsRefused()
    {
        var unknownFormat = folder.Write("a.json", """{ "sources": [ { "format": "pdf", "path": "x" } ] }""");
        var unknownField = folder.Write("b.json", """{ "sources": [ { "format": "dc-results", "path": "x", "colour": "red" } ] }""");

        Assert.Contains("sources[0].format: 'pdf' is not one of ", Assert.Throws<MalformedInputException>(() => ImportManifest.Read(unknownFormat, ElectionState.Empty, new ImportOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("the manifest is not valid", Assert.Throws<MalformedInputException>(() => ImportManifest.Read(unknownField, ElectionState.Empty, new ImportOptions())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleBrokenByALaterSourceNamesThatSourcesFileAndLine()
    {
        folder.Write("results.csv", Results);
        var baselines = folder.Write("baselines.csv", "record,council,ballot,party,seats,votes,candidate,elected,kind,last_fought,source\nsize,trafford,,,4,,,,,,\ncontinuing,trafford,,Conservative,3,,,,,,\n");
        var manifest = folder.Write("night.json", """{ "sources": [ { "format": "dc-results", "path": "results.csv" }, { "format": "baseline", "path": "baselines.csv" } ] }""");

        var refusal = Assert.Throws<RuleViolationException>(() => ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions()));

        Assert.Equal("continuing-within-size", Assert.Single(refusal.Violations).Rule);
        Assert.Equal($"{baselines}:2", refusal.SourceDescription);
    }

    public void Dispose() => folder.Dispose();
}
