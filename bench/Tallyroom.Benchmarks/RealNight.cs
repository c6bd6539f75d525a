using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.Manifest;
using Tallyroom.Testing;

namespace Tallyroom.Benchmarks;

/// <summary>The real 2018 night from the Democracy Club file, split into its set-up and its declarations.</summary>
internal sealed class RealNight
{
    public RealNight()
    {
        var batch = DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
        SetUpEvents = [.. batch.Events.Where(e => e is not DeclarationRecorded)];
        Declarations = [.. batch.Events.OfType<DeclarationRecorded>()];
        SetUp = ResultsEngine.Fold(ElectionState.Empty, SetUpEvents);
    }

    private RealNight(IReadOnlyList<ElectionEvent> events)
    {
        Declarations = [.. events.OfType<DeclarationRecorded>()];
        SetUpEvents = [.. events.Where(e => e is not DeclarationRecorded)];
        SetUp = ResultsEngine.Fold(ElectionState.Empty, SetUpEvents);
    }

    /// <summary>
    /// The night as manifests/local-2018-05-03.json sets it up: the results, the postponed polls, the ward statistics
    /// and every baseline (defended seats, last time's votes, eve-of-poll councils), which analysis needs.
    /// </summary>
    public static RealNight WithBaselines() => new(ImportManifest.Read(
        Path.Combine(RawData.RepositoryRoot, "manifests", "local-2018-05-03.json"), ElectionState.Empty, new ImportOptions { Root = RawData.Path() }).Events);

    /// <summary>The events that define the election, in order: everything but the declarations.</summary>
    public IReadOnlyList<ElectionEvent> SetUpEvents { get; }

    /// <summary>The election defined, nothing declared.</summary>
    public ElectionState SetUp { get; }

    /// <summary>Every declaration of the night, in file order.</summary>
    public IReadOnlyList<DeclarationRecorded> Declarations { get; }
}
