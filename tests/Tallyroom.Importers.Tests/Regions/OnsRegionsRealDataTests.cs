using Microsoft.VisualBasic.FileIO;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Manifest;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.Regions;

/// <summary>The real night imported by its manifest, once for the class.</summary>
public sealed class ManifestNight
{
    public ManifestNight()
    {
        var manifest = Path.Combine(RawData.RepositoryRoot, "manifests", "local-2018-05-03.json");
        Batch = ImportManifest.Read(manifest, ElectionState.Empty, new ImportOptions { Root = RawData.Path() });
        State = ResultsEngine.Fold(ElectionState.Empty, Batch.Events);
    }

    public ImportBatch Batch { get; }

    public ElectionState State { get; }
}

public sealed class OnsRegionsRealDataTests(ManifestNight night) : IClassFixture<ManifestNight>
{
    private static readonly string[] Lookups = ["CTRY_GOR_LB_WD.csv", "CTRY_GOR_MD_WD.csv", "CTRY_GOR_UA_WD.csv", "CTRY_GOR_CTY_NMD_WD.csv"];

    [Fact]
    public void AfterTheManifestEveryCouncilTheLookupsListHasItsRegionAndTheCountsByRegionMatchTheFiles()
    {
        // Read apart from the importer: the authority code is the third column of each lookup, the region name GORNM.
        var regionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Lookups)
        {
            using var parser = new TextFieldParser(RawData.Path("ons_ward_lookups", file)) { TextFieldType = FieldType.Delimited, Delimiters = [","] };
            var header = parser.ReadFields()!;
            var region = Array.IndexOf(header, "GORNM");
            while (parser.ReadFields() is { } row)
            {
                regionOf.TryAdd(row[2], row[region]);
            }
        }

        var councils = night.State.Councils.Values.ToList();
        var expected = councils.Where(c => regionOf.ContainsKey(c.Definition.GssCode!))
            .GroupBy(c => regionOf[c.Definition.GssCode!]).ToDictionary(g => g.Key, g => g.Count());
        var actual = councils.Where(c => c.Definition.Region is not null)
            .GroupBy(c => c.Definition.Region!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(150, councils.Count);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(149, actual.Values.Sum());
        Assert.Equal(
            [("East Midlands", 3), ("East of England", 23), ("London", 32), ("North East", 6), ("North West", 26), ("South East", 29), ("South West", 4), ("West Midlands", 15), ("Yorkshire and The Humber", 11)],
            actual.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void LincolnHasNoRegionBecauseTheLookupListsItsWardsUnderCraven()
    {
        // ONS's shire-district lookup has no row for Lincoln (E07000138): its eleven 2018 wards, E05010784 to
        // E05010794, are listed under Craven (E07000163, North Yorkshire, Yorkshire and The Humber), which cannot be
        // right for a Lincolnshire district. The importer does not follow them, so Lincoln's projection goes to the nation.
        var lincoln = night.State.Councils["city-of-lincoln"].Definition;
        var lines = File.ReadAllLines(RawData.Path("ons_ward_lookups", "CTRY_GOR_CTY_NMD_WD.csv"));

        Assert.Equal(("E07000138", null), (lincoln.GssCode, lincoln.Region));
        Assert.DoesNotContain(lines, l => l.Contains("E07000138", StringComparison.Ordinal));
        Assert.Equal(11, lines.Count(l => l.StartsWith("E050107", StringComparison.Ordinal) && l.Contains(",E07000163,Craven,", StringComparison.Ordinal) && string.CompareOrdinal(l, "E05010784") >= 0 && string.CompareOrdinal(l, "E05010795") < 0));
        Assert.Contains(
            "[ons-regions ons_ward_lookups/CTRY_GOR_CTY_NMD_WD.csv] Lines 3995-4005: 11 wards of City of Lincoln (E07000138) by the election's ballots are listed under Craven (E07000163); City of Lincoln's region is not taken from them, and the file does not list its own code, so it gets no region here.",
            night.Batch.Notes);
    }
}
