using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tallyroom.Results;

/// <summary>The one set of JSON settings for published documents: the CLI's <c>--json</c> and the HTTP API alike.</summary>
internal static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>Applies the published conventions (camelCase, enums as camelCase strings) to a set of options.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
