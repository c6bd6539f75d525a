using System.Globalization;
using System.Text;
using System.Text.Json;
using Tallyroom.Results;

namespace Tallyroom.Feeds;

/// <summary>
/// One change as a complete Server-Sent Events frame (<c>id</c>, <c>event</c> and one <c>data</c> line of compact JSON),
/// encoded once and sent as the same bytes to every subscriber. Immutable.
/// </summary>
internal sealed record ChangeFrame(long Revision, ReadOnlyMemory<byte> Bytes)
{
    private static readonly JsonSerializerOptions Json = ResultsJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static ChangeFrame Of(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);

        // Compact JSON has no line breaks (strings escape them), so the payload fits one data line.
        var json = JsonSerializer.Serialize(change, Json);
        var text = string.Create(CultureInfo.InvariantCulture, $"id: {change.Revision}\nevent: change\ndata: {json}\n\n");
        return new ChangeFrame(change.Revision, Encoding.UTF8.GetBytes(text));
    }
}
