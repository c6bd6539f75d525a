using Tallyroom.Core.Counting;
using Tallyroom.Importers.Baseline;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.ElectoralCommission;
using Tallyroom.Importers.Leap;
using Tallyroom.Importers.Manifest;

namespace Tallyroom.Importers;

/// <summary>Reads a file into events, given the state it will be appended to.</summary>
public delegate ImportBatch ImportReader(string path, ElectionState current, ImportOptions options);

/// <summary>Every import format by the name users type (<c>tallyroom import &lt;format&gt;</c>).</summary>
public static class ImportFormats
{
    private static readonly Dictionary<string, ImportReader> Readers = new(StringComparer.Ordinal)
    {
        [BaselineCsv.FormatName] = BaselineCsv.Read,
        [DemocracyClubResults.FormatName] = DemocracyClubResults.Read,
        [LeapResults.FormatName] = LeapResults.Read,
        [ImportManifest.FormatName] = ImportManifest.Read,
        [ElectoralCommissionWards.FormatName] = ElectoralCommissionWards.Read,
        [Previous.PreviousLeap.FormatName] = Previous.PreviousLeap.Read,
        [Previous.PreviousGla.FormatName] = Previous.PreviousGla.Read,
        [EveOfPoll.OpenCouncilDataBaselines.FormatName] = EveOfPoll.OpenCouncilDataBaselines.Read,
        [Regions.OnsRegions.FormatName] = Regions.OnsRegions.Read,
    };

    /// <summary>The format names, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Readers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The reader for a format name; null if there is none.</summary>
    public static ImportReader? Find(string name) => Readers.GetValueOrDefault(name);
}
