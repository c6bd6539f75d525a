using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tallyroom.Core.Events;

namespace Tallyroom.Storage;

/// <summary>
/// The storage format of events, the one place events are turned into JSON and back for every storage engine:
/// camelCase members, enums as camelCase strings, and the event's <c>type</c> discriminator declared on
/// <see cref="ElectionEvent"/>. Reading is strict, so a damaged or foreign payload is refused rather than folded in
/// with nulls. Thread-safe.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// The serializer options of the storage format. Read-only; pass them to <see cref="JsonSerializer"/> to write
    /// events (or the records inside them) exactly as the log holds them. Thread-safe.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    // Built from the [JsonDerivedType] attributes, so the type column and the payload can never disagree.
    private static readonly FrozenDictionary<Type, string> TypeNames = Options.GetTypeInfo(typeof(ElectionEvent))
        .PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>Writes an event as stored, its <c>type</c> first. Thread-safe.</summary>
    /// <exception cref="NotSupportedException">The event's type is not declared on <see cref="ElectionEvent"/>.</exception>
    public static string Serialize(ElectionEvent electionEvent)
    {
        ArgumentNullException.ThrowIfNull(electionEvent);
        return JsonSerializer.Serialize(electionEvent, Options);
    }

    /// <summary>Reads an event written by <see cref="Serialize"/>. Thread-safe.</summary>
    /// <exception cref="JsonException">
    /// The text is not an event: malformed JSON, an unknown <c>type</c>, a missing member or a null where none is allowed.
    /// </exception>
    public static ElectionEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<ElectionEvent>(json, Options)
                ?? throw new JsonException("The payload is null, not an event.");
        }
        catch (NotSupportedException e)
        {
            // A payload without a type discriminator lands on the abstract base, which the serializer reports as
            // "not supported"; for a reader that is simply a payload that is not an event.
            throw new JsonException($"The payload is not an event: {e.Message}", e);
        }
    }

    /// <summary>The event's <c>type</c> discriminator, e.g. <c>declaration-recorded</c>. Thread-safe.</summary>
    /// <exception cref="ArgumentException">The event's type is not declared on <see cref="ElectionEvent"/>.</exception>
    public static string TypeName(ElectionEvent electionEvent)
    {
        ArgumentNullException.ThrowIfNull(electionEvent);
        return TypeNames.TryGetValue(electionEvent.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{electionEvent.GetType().Name} is not an event type declared on {nameof(ElectionEvent)}.", nameof(electionEvent));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

            // PostgreSQL's jsonb reorders keys, so "type" may not come first when a payload is read back from it.
            AllowOutOfOrderMetadataProperties = true,

            // A stored payload missing a constructor argument, or holding null where the model allows none, is damage:
            // refuse it instead of folding an event with nulls the core never expects.
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitComputedProperties } },
        };

        // Integers are refused: an enum stored as a number would silently change meaning if members were reordered.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    // The log stores facts, not what is computed from them. A get-only property such as
    // BallotDefinition.IsUncontested would be written into every payload, ignored on reading, and could contradict
    // the rules of a later version for anyone querying the payloads directly.
    private static void OmitComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i] is { Set: null, AssociatedParameter: null })
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
