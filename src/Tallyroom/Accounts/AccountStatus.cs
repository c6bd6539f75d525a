using System.Globalization;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>How an account stands, in words for the CLI and the admin page.</summary>
internal static class AccountStatus
{
    public static string Describe(UserAccount user, DateTimeOffset now) =>
        user.IsDisabled ? "disabled"
        : user.IsLockedAt(now) ? "locked until " + When(user.LockedUntil)
        : "active";

    /// <summary>A time in UTC to the minute, or "never".</summary>
    public static string When(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}
