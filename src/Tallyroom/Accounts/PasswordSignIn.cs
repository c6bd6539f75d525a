using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>
/// Checks a name and password. Whatever the reason for a refusal (unknown name, wrong password, locked, disabled) the
/// caller learns only that it failed, after the same work, so that sign-in never reveals which names exist. Repeated
/// failures lock the account (<see cref="AccountOptions.LockoutThreshold"/> in a row, for
/// <see cref="AccountOptions.LockoutDuration"/>). Thread-safe.
/// </summary>
internal sealed partial class PasswordSignIn(SqliteUsers users, TimeProvider clock, IOptions<AccountOptions> options, ILogger<PasswordSignIn> logger)
{
    /// <summary>The account signed in; null when refused.</summary>
    public async Task<UserAccount?> AttemptAsync(string name, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = AccountRules.Name(name) is null ? await users.FindAsync(name, cancellationToken).ConfigureAwait(false) : null;
        var verdict = Passwords.Verify(user, password);
        if (user is null || user.IsDisabled || user.IsLockedAt(now))
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            if (await users.RecordFailedSignInAsync(user.Id, now, settings.LockoutThreshold, settings.LockoutDuration, cancellationToken).ConfigureAwait(false) is { } until)
            {
                LogLocked(logger, user.Name, until, settings.LockoutThreshold);
            }

            return null;
        }

        await users.RecordSignInAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(user.Name, Passwords.Hash(user.Name, password), cancellationToken).ConfigureAwait(false);
        }

        return user;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Locked the account {Name} until {Until} after {Failures} failed sign-ins in a row.")]
    private static partial void LogLocked(ILogger logger, string name, DateTimeOffset until, int failures);
}
