using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Testing;

namespace Tallyroom.Benchmarks;

/// <summary>The real 2018 night from the Democracy Club file, split into its set-up and its declarations.</summary>
internal sealed class RealNight
{
    public RealNight()
    {
        var batch = DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
        var setup = batch.Events.Where(e => e is not DeclarationRecorded).ToList();
        Declarations = [.. batch.Events.OfType<DeclarationRecorded>()];
        SetUp = ResultsEngine.Fold(ElectionState.Empty, setup);
    }

    /// <summary>The election defined, nothing declared.</summary>
    public ElectionState SetUp { get; }

    /// <summary>Every declaration of the night, in file order.</summary>
    public IReadOnlyList<DeclarationRecorded> Declarations { get; }
}
