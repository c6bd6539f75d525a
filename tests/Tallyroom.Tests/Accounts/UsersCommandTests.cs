using Tallyroom.Accounts;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Accounts;

public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task AddingWithoutAPasswordGeneratesOneAndPrintsItAloneOnTheLastLine()
    {
        var (exit, output, error) = await CliRun.RunAsync("users", "add", "--role", "admin", "chief", "--db", database.Path);

        var lines = output.TrimEnd('\n').Split('\n');
        var password = lines[^1];
        var stored = await new SqliteUsers(database.Path).FindAsync("chief");
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal($"Created the admin account 'chief' in {database.Path}.", lines[0]);
        Assert.Matches("^[A-Za-z0-9_-]{20}$", password);
        Assert.Equal("admin", stored!.Role);
        Assert.DoesNotContain(password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, Passwords.Verify(stored, password));
    }

    [Fact]
    public async Task APasswordFromStandardInputIsHashedAndNeverPrinted()
    {
        var (exit, output, _) = await CliRun.RunWithInputAsync("correct horse battery\n", "users", "add", "--role", "editor", "anna", "--password-stdin", "--db", database.Path);

        var stored = await new SqliteUsers(database.Path).FindAsync("anna");
        Assert.Equal(0, exit);
        Assert.Equal($"Created the editor account 'anna' in {database.Path}.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, Passwords.Verify(stored, "correct horse battery"));
    }

    [Theory]
    [InlineData("correct horse battery", "anna smith", "editor", "error: name: A name is 2 to 64 letters (a–z, A–Z), digits, dots, hyphens or underscores, starting with a letter or digit. [name-format]")]
    [InlineData("short", "anna", "editor", "error: password (standard input): A password has at least 12 characters. [password-length]")]
    [InlineData("correct horse battery", "anna", "chief", "error: --role: 'chief' is not a role; a role is one of admin, editor, desk, moderator, reader. [role-known]")]
    public async Task ABadNameRoleOrPasswordIsRefusedNamingTheFieldAndRuleAndNothingIsWritten(string password, string name, string role, string message)
    {
        var (exit, output, error) = await CliRun.RunWithInputAsync(password + "\n", "users", "add", "--role", role, name, "--password-stdin", "--db", database.Path);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal(message, error.TrimEnd());
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task ADuplicateNameInAnotherCaseIsRefusedAndTheFirstAccountIsKept()
    {
        await CliRun.RunAsync("users", "add", "--role", "editor", "anna", "--db", database.Path);

        var (exit, _, error) = await CliRun.RunAsync("users", "add", "--role", "admin", "ANNA", "--db", database.Path);

        Assert.Equal(2, exit);
        Assert.Equal("error: name: There is already an account called 'ANNA' (names are unique whatever their case). [name-unique]", error.TrimEnd());
        Assert.Equal("editor", Assert.Single(await new SqliteUsers(database.Path).ListAsync()).Role);
    }

    [Fact]
    public async Task ListShowsEachAccountsRoleStatusAndLastSignIn()
    {
        await CliRun.RunAsync("users", "add", "--role", "editor", "anna", "--db", database.Path);
        await CliRun.RunAsync("users", "add", "--role", "desk", "bob", "--db", database.Path);
        await CliRun.RunAsync("users", "disable", "bob", "--db", database.Path);

        var (exit, output, _) = await CliRun.RunAsync("users", "list", "--db", database.Path);

        var rows = output.Split('\n').Where(l => l.Contains("anna", StringComparison.Ordinal) || l.Contains("bob", StringComparison.Ordinal))
            .Select(l => string.Join(" | ", l.Split(['│', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
        Assert.Equal(0, exit);
        Assert.Equal(["anna | editor | active | never | 2018-05-03 21:00 UTC", "bob | desk | disabled | never | 2018-05-03 21:00 UTC"], rows);
    }

    [Fact]
    public async Task SetRoleDisableEnableAndUnlockChangeTheNamedAccount()
    {
        await CliRun.RunAsync("users", "add", "--role", "editor", "anna", "--db", database.Path);
        var users = new SqliteUsers(database.Path);
        await users.RecordFailedSignInAsync((await users.FindAsync("anna"))!.Id, DateTimeOffset.UtcNow, 1, TimeSpan.FromHours(1));

        var setRole = await CliRun.RunAsync("users", "set-role", "--role", "moderator", "Anna", "--db", database.Path);
        var disable = await CliRun.RunAsync("users", "disable", "anna", "--db", database.Path);
        var disabled = (await users.FindAsync("anna"))!;
        var enable = await CliRun.RunAsync("users", "enable", "anna", "--db", database.Path);
        var unlock = await CliRun.RunAsync("users", "unlock", "anna", "--db", database.Path);
        var after = (await users.FindAsync("anna"))!;

        Assert.Equal(("'Anna' is now moderator.", "Disabled 'anna'.", "Enabled 'anna'.", "Unlocked 'anna'."), (setRole.Output.TrimEnd(), disable.Output.TrimEnd(), enable.Output.TrimEnd(), unlock.Output.TrimEnd()));
        Assert.Equal(new DateTimeOffset(2018, 5, 3, 21, 0, 0, TimeSpan.Zero), disabled.DisabledAt);
        Assert.Equal(("moderator", false, (DateTimeOffset?)null), (after.Role, after.IsDisabled, after.LockedUntil));
    }

    [Fact]
    public async Task ChangingAnAccountThatDoesNotExistOrARoleThatIsNotOneIsRefused()
    {
        await CliRun.RunAsync("users", "add", "--role", "editor", "anna", "--db", database.Path);

        var missing = await CliRun.RunAsync("users", "disable", "carol", "--db", database.Path);
        var badRole = await CliRun.RunAsync("users", "set-role", "--role", "owner", "anna", "--db", database.Path);

        Assert.Equal((2, "error: name: There is no account called 'carol'. [account-exists]"), (missing.Exit, missing.Error.TrimEnd()));
        Assert.Equal((2, "error: --role: 'owner' is not a role; a role is one of admin, editor, desk, moderator, reader. [role-known]"), (badRole.Exit, badRole.Error.TrimEnd()));
        Assert.Equal("editor", (await new SqliteUsers(database.Path).FindAsync("anna"))!.Role);
    }

    [Fact]
    public async Task SetPasswordReplacesThePasswordAndLiftsTheLockout()
    {
        await CliRun.RunAsync("users", "add", "--role", "editor", "anna", "--db", database.Path);
        var users = new SqliteUsers(database.Path);
        await users.RecordFailedSignInAsync((await users.FindAsync("anna"))!.Id, DateTimeOffset.UtcNow, 1, TimeSpan.FromHours(1));

        var (exit, output, _) = await CliRun.RunWithInputAsync("a brand new password\n", "users", "set-password", "anna", "--password-stdin", "--db", database.Path);
        var generated = await CliRun.RunAsync("users", "set-password", "anna", "--db", database.Path);
        var refused = await CliRun.RunWithInputAsync("too short\n", "users", "set-password", "anna", "--password-stdin", "--db", database.Path);

        var after = (await users.FindAsync("anna"))!;
        Assert.Equal((0, "Set a new password for 'anna'; its sessions have ended."), (exit, output.TrimEnd()));
        Assert.Equal((2, "error: password (standard input): A password has at least 12 characters. [password-length]"), (refused.Exit, refused.Error.TrimEnd()));
        Assert.Equal(((DateTimeOffset?)null, 2L), (after.LockedUntil, after.SessionGeneration));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, Passwords.Verify(after, generated.Output.TrimEnd().Split('\n')[^1]));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, Passwords.Verify(after, "a brand new password"));
    }

    [Fact]
    public async Task ListingWithoutALogIsRefused()
    {
        var (exit, _, error) = await CliRun.RunAsync("users", "list", "--db", database.Path);

        Assert.Equal((2, $"error: --db: there is no event log at '{database.Path}'."), (exit, error.TrimEnd()));
        Assert.False(File.Exists(database.Path));
    }
}
