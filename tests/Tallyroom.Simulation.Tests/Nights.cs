using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Simulation.Tests;

/// <summary>A generated election and the state after folding its whole night.</summary>
internal sealed record Night(GeneratedElection Election, ElectionState State)
{
    public IReadOnlyList<ElectionEvent> Events => [.. Election.Setup, .. Election.Declarations];
}

/// <summary>Generates and folds each default-size election once, for all the tests that inspect it.</summary>
internal static class Nights
{
    /// <summary>Seeds the feature tests run on: the features must be there whatever the seed.</summary>
    public static readonly TheoryData<int> Seeds = [1, 7, 2026, -42];

    private static readonly ConcurrentDictionary<int, Lazy<Night>> Cache = new();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static Night Default(int seed) => Cache.GetOrAdd(seed, s => new Lazy<Night>(() => Fold(ElectionGenerator.Generate(new GeneratorOptions { Seed = s })))).Value;

    public static Night Fold(GeneratedElection election) =>
        new(election, ResultsEngine.Fold(ElectionState.Empty, [.. election.Setup, .. election.Declarations]));

    /// <summary>Every event as JSON: records holding ImmutableArrays compare those by reference, so compare text.</summary>
    public static List<string> Serialise(IEnumerable<ElectionEvent> events) => [.. events.Select(e => JsonSerializer.Serialize(e, Json))];
}
