using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tallyroom.Storage.Sqlite;

/// <summary>
/// People's accounts (admins, editors, the results desk, moderators, readers), kept beside the event log in the same
/// file but outside it, like <see cref="SqliteApiKeys"/>. Names are unique whatever their case. Only a password hash is
/// stored, made by the caller; this class never sees a password. Thread-safe (a connection per call).
/// </summary>
public sealed class SqliteUsers(string path)
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT NULL,
            created_at TEXT NOT NULL,
            last_sign_in_at TEXT NULL,
            disabled_at TEXT NULL,
            session_generation INTEGER NOT NULL DEFAULT 0);
        """;

    private const string Columns = "id, name, role, password_hash, failed_attempts, locked_until, created_at, last_sign_in_at, disabled_at, session_generation";

    /// <summary>
    /// Adds an account; false, with nothing written, when the name is taken (in any case). The log file must already
    /// exist (open it with <see cref="SqliteEventLog.OpenAsync"/> first).
    /// </summary>
    public async Task<bool> AddAsync(string name, string role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return await ExecuteAsync(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES ($name, $role, $hash, $at) ON CONFLICT DO NOTHING",
            [("$name", name), ("$role", role), ("$hash", passwordHash), ("$at", Text(createdAt))],
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The account with this name in any case; null when there is none.</summary>
    public async Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM users WHERE name = $name", [("$name", name)], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every account, by name.</summary>
    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM users ORDER BY name", [], cancellationToken);

    /// <summary>Gives the account another role; false when there is no such account.</summary>
    public async Task<bool> SetRoleAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return await ExecuteAsync("UPDATE users SET role = $role WHERE name = $name", [("$name", name), ("$role", role)], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Replaces the password hash (a new password, or the same one hashed more strongly); false when there is no such account.</summary>
    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return await ExecuteAsync("UPDATE users SET password_hash = $hash WHERE name = $name", [("$name", name), ("$hash", passwordHash)], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Disables the account as from <paramref name="at"/> (it can no longer sign in, and its sessions end for good), or
    /// enables it again when <paramref name="at"/> is null; false when there is no such account. Disabling a disabled
    /// account keeps the time it was first disabled.
    /// </summary>
    public async Task<bool> SetDisabledAsync(string name, DateTimeOffset? at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            """
            UPDATE users SET
                disabled_at = CASE WHEN $at IS NULL THEN NULL ELSE coalesce(disabled_at, $at) END,
                session_generation = session_generation + CASE WHEN $at IS NULL THEN 0 ELSE 1 END
            WHERE name = $name
            """,
            [("$name", name), ("$at", at is { } when ? Text(when) : null)],
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Ends every session the account has now (see <see cref="UserAccount.SessionGeneration"/>), e.g. after a new
    /// password; false when there is no such account.
    /// </summary>
    public async Task<bool> EndSessionsAsync(string name, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE users SET session_generation = session_generation + 1 WHERE name = $name", [("$name", name)], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Lifts a lockout and forgets earlier failed attempts; false when there is no such account.</summary>
    public async Task<bool> UnlockAsync(string name, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE name = $name", [("$name", name)], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Counts a failed sign-in. The <paramref name="threshold"/>th failure in a row locks the account until
    /// <paramref name="at"/> + <paramref name="lockout"/> and starts the count again. Counting and locking are one
    /// statement, so failures arriving at once on several connections are all counted.
    /// </summary>
    /// <returns>When the account is now locked until, if this failure locked it; null otherwise.</returns>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(long id, DateTimeOffset at, int threshold, TimeSpan lockout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var until = at + lockout;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();

        // In an UPDATE every right-hand side reads the row as it was, so both CASEs see the same count.
        update.CommandText = """
            UPDATE users SET
                locked_until = CASE WHEN failed_attempts + 1 >= $threshold THEN $until ELSE locked_until END,
                failed_attempts = CASE WHEN failed_attempts + 1 >= $threshold THEN 0 ELSE failed_attempts + 1 END
            WHERE id = $id
            RETURNING failed_attempts = 0
            """;
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$threshold", threshold);
        update.Parameters.AddWithValue("$until", Text(until));
        var locked = await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return locked is long flag && flag == 1 ? until : null;
    }

    /// <summary>Records a successful sign-in: the time, and no failed attempts or lockout any more.</summary>
    public async Task RecordSignInAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE users SET last_sign_in_at = $at, failed_attempts = 0, locked_until = NULL WHERE id = $id";
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$at", Text(at));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(string sql, (string Name, string? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, (object?)value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UserAccount>> QueryAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            select.Parameters.AddWithValue(name, value);
        }

        var users = new List<UserAccount>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(new UserAccount
            {
                Id = reader.GetInt64(0),
                Name = reader.GetString(1),
                Role = reader.GetString(2),
                PasswordHash = reader.GetString(3),
                FailedAttempts = reader.GetInt32(4),
                LockedUntil = Time(reader, 5),
                CreatedAt = Time(reader, 6)!.Value,
                LastSignInAt = Time(reader, 7),
                DisabledAt = Time(reader, 8),
                SessionGeneration = reader.GetInt64(9),
            });
        }

        return users;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteSchema.OpenBesideLogAsync(path, CreateSql, cancellationToken);

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) => reader.IsDBNull(column)
        ? null
        : DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>A person's account as stored. Immutable; read it again to see later changes.</summary>
public sealed record UserAccount
{
    /// <summary>The account's number, which never changes.</summary>
    public required long Id { get; init; }

    /// <summary>The name the person signs in with, as it was first written.</summary>
    public required string Name { get; init; }

    /// <summary>What the person may do: admin, editor, desk, moderator or reader.</summary>
    public required string Role { get; init; }

    /// <summary>The password hash, in the format of whoever made it (ASP.NET Core's password hasher).</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public required int FailedAttempts { get; init; }

    /// <summary>Until when sign-ins are refused after repeated failures; null when never locked or unlocked since.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>When the account was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the person last signed in; null if never.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>When the account was disabled; null while it is enabled.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>
    /// Counts the times the account's sessions were ended (disabled, new password). A session remembers the count
    /// it began under and is valid only while the count is the same, so ended sessions stay ended after re-enabling.
    /// </summary>
    public required long SessionGeneration { get; init; }

    /// <summary>True when the account may not sign in or use its sessions.</summary>
    public bool IsDisabled => DisabledAt is not null;

    /// <summary>True when sign-ins are refused at <paramref name="now"/> because of repeated failures.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
