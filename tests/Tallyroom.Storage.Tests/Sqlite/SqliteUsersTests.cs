using Microsoft.Data.Sqlite;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Storage.Tests.Sqlite;

/// <summary>Accounts kept beside the log in the same SQLite file, each test over a fresh file.</summary>
public sealed class SqliteUsersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Evening = new(2018, 5, 3, 21, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory directory = new();

    private string LogPath => directory.File("tallyroom.db");

    private SqliteUsers Users => new(LogPath);

    public async Task InitializeAsync() => await (await SqliteEventLog.OpenAsync(LogPath)).DisposeAsync();

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnAddedAccountIsFoundByItsNameInAnyCaseWithEverythingStored()
    {
        Assert.True(await Users.AddAsync("Anna.Editor", "editor", "HASH-1", Evening));

        var found = await Users.FindAsync("anna.EDITOR");

        Assert.NotNull(found);
        Assert.Equal(
            ("Anna.Editor", "editor", "HASH-1", 0, (DateTimeOffset?)null, Evening, (DateTimeOffset?)null, (DateTimeOffset?)null),
            (found.Name, found.Role, found.PasswordHash, found.FailedAttempts, found.LockedUntil, found.CreatedAt, found.LastSignInAt, found.DisabledAt));
        Assert.Null(await Users.FindAsync("anna"));
    }

    [Fact]
    public async Task ANameTakenInAnotherCaseIsRefusedAndTheFirstAccountIsUnchanged()
    {
        await Users.AddAsync("anna", "editor", "HASH-1", Evening);

        var added = await Users.AddAsync("ANNA", "admin", "HASH-2", Evening);

        Assert.False(added);
        var only = Assert.Single(await Users.ListAsync());
        Assert.Equal(("anna", "editor", "HASH-1"), (only.Name, only.Role, only.PasswordHash));
    }

    [Fact]
    public async Task TheTableLivesInTheLogsFileOutsideTheLogAndHoldsNoPassword()
    {
        await Users.AddAsync("anna", "editor", "AQAAAAIAAYagAAAAEhash", Evening);

        await using var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LogPath, Pooling = false }.ToString());
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM pragma_table_info('users'); ";
        var columns = (string?)await command.ExecuteScalarAsync();

        Assert.Equal("id,name,role,password_hash,failed_attempts,locked_until,created_at,last_sign_in_at,disabled_at,session_generation", columns);
        await using var log = await SqliteEventLog.OpenAsync(LogPath);
        Assert.Equal(0, await log.GetHeadAsync());
    }

    [Fact]
    public async Task TheFifthFailureInARowLocksTheAccountForTheLockoutAndStartsTheCountAgain()
    {
        await Users.AddAsync("anna", "editor", "HASH", Evening);
        var id = (await Users.FindAsync("anna"))!.Id;

        var results = new List<DateTimeOffset?>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Users.RecordFailedSignInAsync(id, Evening.AddSeconds(i), 5, TimeSpan.FromMinutes(15)));
        }

        var after = (await Users.FindAsync("anna"))!;
        Assert.Equal([null, null, null, null, Evening.AddSeconds(4).AddMinutes(15)], results);
        Assert.Equal((0, Evening.AddSeconds(4).AddMinutes(15)), (after.FailedAttempts, after.LockedUntil));
        Assert.True(after.IsLockedAt(Evening.AddMinutes(15)));
        Assert.False(after.IsLockedAt(Evening.AddSeconds(4).AddMinutes(15)));
    }

    [Fact]
    public async Task FailuresArrivingAtOnceAreAllCounted()
    {
        await Users.AddAsync("anna", "editor", "HASH", Evening);
        var id = (await Users.FindAsync("anna"))!.Id;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Users.RecordFailedSignInAsync(id, Evening, 10, TimeSpan.FromMinutes(15)))));

        Assert.Equal(4, (await Users.FindAsync("anna"))!.FailedAttempts);
    }

    [Fact]
    public async Task ASuccessfulSignInRecordsTheTimeAndForgetsFailures()
    {
        await Users.AddAsync("anna", "editor", "HASH", Evening);
        var id = (await Users.FindAsync("anna"))!.Id;
        await Users.RecordFailedSignInAsync(id, Evening, 5, TimeSpan.FromMinutes(15));
        await Users.RecordFailedSignInAsync(id, Evening, 5, TimeSpan.FromMinutes(15));

        await Users.RecordSignInAsync(id, Evening.AddMinutes(1));

        var after = (await Users.FindAsync("anna"))!;
        Assert.Equal((0, (DateTimeOffset?)Evening.AddMinutes(1)), (after.FailedAttempts, after.LastSignInAt));
    }

    [Fact]
    public async Task DisablingKeepsTheFirstTimeAndEnablingClearsIt()
    {
        await Users.AddAsync("anna", "editor", "HASH", Evening);

        Assert.True(await Users.SetDisabledAsync("anna", Evening.AddHours(1)));
        Assert.True(await Users.SetDisabledAsync("ANNA", Evening.AddHours(2)));
        var disabled = (await Users.FindAsync("anna"))!;
        Assert.True(await Users.SetDisabledAsync("anna", null));
        var enabled = (await Users.FindAsync("anna"))!;

        Assert.Equal(((DateTimeOffset?)Evening.AddHours(1), true, 2L), (disabled.DisabledAt, disabled.IsDisabled, disabled.SessionGeneration));
        Assert.Equal(((DateTimeOffset?)null, false, 2L), (enabled.DisabledAt, enabled.IsDisabled, enabled.SessionGeneration));
    }

    [Fact]
    public async Task RoleUnlockAndPasswordChangesApplyToTheNamedAccountOnlyAndSayWhenThereIsNone()
    {
        await Users.AddAsync("anna", "editor", "HASH-A", Evening);
        await Users.AddAsync("bob", "desk", "HASH-B", Evening);
        var id = (await Users.FindAsync("anna"))!.Id;
        await Users.RecordFailedSignInAsync(id, Evening, 1, TimeSpan.FromMinutes(15));

        Assert.True(await Users.SetRoleAsync("Anna", "admin"));
        Assert.True(await Users.UnlockAsync("anna"));
        Assert.True(await Users.SetPasswordHashAsync("anna", "HASH-A2"));
        Assert.True(await Users.EndSessionsAsync("anna"));
        Assert.False(await Users.EndSessionsAsync("carol"));
        Assert.False(await Users.SetRoleAsync("carol", "admin"));
        Assert.False(await Users.UnlockAsync("carol"));
        Assert.False(await Users.SetDisabledAsync("carol", Evening));

        var all = await Users.ListAsync();
        Assert.Equal(["anna admin HASH-A2 unlocked 1", "bob desk HASH-B unlocked 0"], all.Select(u => $"{u.Name} {u.Role} {u.PasswordHash} {(u.LockedUntil is null ? "unlocked" : "locked")} {u.SessionGeneration}"));
    }
}
