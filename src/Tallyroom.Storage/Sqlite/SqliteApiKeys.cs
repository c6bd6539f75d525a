using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Tallyroom.Storage.Sqlite;

/// <summary>
/// API keys for machines (results desks' systems, editors' tools), kept beside the event log in the same file but
/// outside it: keys are secrets about who may write, not facts of the night. Only a SHA-256 hash of each key is
/// stored, so the file never holds a usable key. Thread-safe (a connection per call).
/// </summary>
public sealed class SqliteApiKeys(string path)
{
    private const string Prefix = "tr_";

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS api_keys (
            hash TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            hint TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL);
        """;

    /// <summary>
    /// Creates a key for <paramref name="role"/> and returns it; this is the only time the key itself exists outside
    /// its holder. The log file must already exist (open it with <see cref="SqliteEventLog.OpenAsync"/> first).
    /// </summary>
    public async Task<string> CreateAsync(string role, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO api_keys (hash, role, hint, created_at) VALUES ($hash, $role, $hint, $at)";
        insert.Parameters.AddWithValue("$hash", Hash(key));
        insert.Parameters.AddWithValue("$role", role);
        insert.Parameters.AddWithValue("$hint", key[..(Prefix.Length + 4)]);
        insert.Parameters.AddWithValue("$at", createdAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The role of a key that exists and is not revoked; null otherwise.</summary>
    public async Task<string?> FindRoleAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT role FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
        select.Parameters.AddWithValue("$hash", Hash(key));
        return (string?)await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteSchema.OpenBesideLogAsync(path, CreateSql, cancellationToken);

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
