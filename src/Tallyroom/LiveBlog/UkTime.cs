using System.Globalization;

namespace Tallyroom.LiveBlog;

/// <summary>
/// Times as British readers expect them: UK local time (BST in summer, GMT in winter), whatever zone the server is in.
/// </summary>
internal static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>"22:15 BST", or "22:15 GMT" in winter.</summary>
    public static string Clock(DateTimeOffset instant)
    {
        var local = Local(instant);
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + (London.IsDaylightSavingTime(local) ? " BST" : " GMT");
    }

    /// <summary>"Thursday 3 May 2018, 22:15 BST".</summary>
    public static string Full(DateTimeOffset instant) =>
        Local(instant).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", " + Clock(instant);

    /// <summary>The instant in ISO 8601 with its UK offset, for a <c>time</c> element's <c>datetime</c>.</summary>
    public static string Iso(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
