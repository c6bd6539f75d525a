using System.CommandLine;
using Spectre.Console;
using Tallyroom.Core.Declarations;
using Tallyroom.Hosting;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>
/// <c>tallyroom users add|list|disable|enable|unlock|set-role|set-password</c>: people's accounts, kept beside the log. The first
/// admin is made here (<c>tallyroom users add --role admin NAME</c>); later ones can be made on the admin page too.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TimeProvider clock, TextReader input) => new("users", "Manage people's accounts (admin, editor, desk, moderator, reader).")
    {
        AddUser(clock, input),
        ListUsers(clock),
        Change("disable", "Disable an account: it can no longer sign in, and its sessions stop working.", (users, name, ct) => users.SetDisabledAsync(name, clock.GetUtcNow(), ct), "Disabled"),
        Change("enable", "Enable a disabled account again.", (users, name, ct) => users.SetDisabledAsync(name, null, ct), "Enabled"),
        Change("unlock", "Lift the lockout that repeated failed sign-ins put on an account.", (users, name, ct) => users.UnlockAsync(name, ct), "Unlocked"),
        SetRole(),
        SetPassword(input),
    };

    private static Option<string> RoleOption() => new("--role") { Description = "The account's role: " + string.Join(", ", Roles.All) + ".", Required = true };

    private static Argument<string> NameArgument() => new("name") { Description = "The name the person signs in with." };

    private static Command AddUser(TimeProvider clock, TextReader input)
    {
        var role = RoleOption();
        var name = NameArgument();
        var passwordStdin = PasswordStdinOption();
        var db = CommonOptions.Database();
        var add = new Command("add", "Create an account. Without --password-stdin a strong password is generated and shown once, on the last line.") { role, name, passwordStdin, db };
        add.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var path = parse.GetValue(db)!;
            var (who, what) = (parse.GetValue(name)!, parse.GetValue(role)!);
            var (password, generated) = await PasswordAsync(input, parse.GetValue(passwordStdin), ct).ConfigureAwait(false);
            Refuse(AccountRules.Name(who), AccountRules.Role(what, "--role"), generated ? null : AccountRules.Password(password, "password (standard input)"));

            var users = await OpenAsync(path, mustExist: false, ct).ConfigureAwait(false);
            if (!await users.AddAsync(who, what, Passwords.Hash(who, password), clock.GetUtcNow(), ct).ConfigureAwait(false))
            {
                Refuse(AccountRules.NameTaken(who));
            }

            await output.Output.WriteLineAsync($"Created the {what} account '{who}' in {path}.").ConfigureAwait(false);
            await ShowGeneratedAsync(output, password, generated).ConfigureAwait(false);
            return 0;
        }));
        return add;
    }

    private static Command ListUsers(TimeProvider clock)
    {
        var db = CommonOptions.Database();
        var list = new Command("list", "List the accounts: name, role, status, last sign-in.") { db };
        list.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var users = await (await OpenAsync(parse.GetValue(db)!, mustExist: true, ct).ConfigureAwait(false)).ListAsync(ct).ConfigureAwait(false);
            if (users.Count == 0)
            {
                await output.Output.WriteLineAsync("No accounts yet. Create the first admin with: tallyroom users add --role admin NAME").ConfigureAwait(false);
                return 0;
            }

            var now = clock.GetUtcNow();
            var table = new Table().AddColumns("Name", "Role", "Status", "Last signed in", "Created");
            foreach (var user in users)
            {
                table.AddRow(
                    Markup.Escape(user.Name),
                    user.Role,
                    AccountStatus.Describe(user, now),
                    AccountStatus.When(user.LastSignInAt),
                    AccountStatus.When(user.CreatedAt));
            }

            output.Console.Write(table);
            return 0;
        }));
        return list;
    }

    private static Command Change(string verb, string description, Func<SqliteUsers, string, CancellationToken, Task<bool>> change, string done)
    {
        var name = NameArgument();
        var db = CommonOptions.Database();
        var command = new Command(verb, description) { name, db };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var who = parse.GetValue(name)!;
            var users = await OpenAsync(parse.GetValue(db)!, mustExist: true, ct).ConfigureAwait(false);
            if (!await change(users, who, ct).ConfigureAwait(false))
            {
                Refuse(AccountRules.NoSuchAccount(who));
            }

            await CliOutput.For(parse).Output.WriteLineAsync($"{done} '{who}'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command SetRole()
    {
        var role = RoleOption();
        var name = NameArgument();
        var db = CommonOptions.Database();
        var command = new Command("set-role", "Give an account another role; it applies from the account's next request.") { role, name, db };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var (who, what) = (parse.GetValue(name)!, parse.GetValue(role)!);
            Refuse(AccountRules.Role(what, "--role"));
            var users = await OpenAsync(parse.GetValue(db)!, mustExist: true, ct).ConfigureAwait(false);
            if (!await users.SetRoleAsync(who, what, ct).ConfigureAwait(false))
            {
                Refuse(AccountRules.NoSuchAccount(who));
            }

            await CliOutput.For(parse).Output.WriteLineAsync($"'{who}' is now {what}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command SetPassword(TextReader input)
    {
        var name = NameArgument();
        var passwordStdin = PasswordStdinOption();
        var db = CommonOptions.Database();
        var command = new Command("set-password", "Give an account a new password, ending its sessions and lifting any lockout. Without --password-stdin a strong one is generated and shown once, on the last line.") { name, passwordStdin, db };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var who = parse.GetValue(name)!;
            var (password, generated) = await PasswordAsync(input, parse.GetValue(passwordStdin), ct).ConfigureAwait(false);
            Refuse(generated ? null : AccountRules.Password(password, "password (standard input)"));
            var users = await OpenAsync(parse.GetValue(db)!, mustExist: true, ct).ConfigureAwait(false);
            if (!await users.SetPasswordHashAsync(who, Passwords.Hash(who, password), ct).ConfigureAwait(false))
            {
                Refuse(AccountRules.NoSuchAccount(who));
            }

            await users.UnlockAsync(who, ct).ConfigureAwait(false);
            await users.EndSessionsAsync(who, ct).ConfigureAwait(false);
            await output.Output.WriteLineAsync($"Set a new password for '{who}'; its sessions have ended.").ConfigureAwait(false);
            await ShowGeneratedAsync(output, password, generated).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one." };

    /// <summary>The password from standard input's first line, or a generated one.</summary>
    private static async Task<(string Password, bool Generated)> PasswordAsync(TextReader input, bool fromStdin, CancellationToken ct) =>
        fromStdin ? (await input.ReadLineAsync(ct).ConfigureAwait(false) ?? string.Empty, false) : (Passwords.Generate(), true);

    // A generated password is printed once, alone on the last line, so that a script can take it with tail -1.
    private static async Task ShowGeneratedAsync(CliOutput output, string password, bool generated)
    {
        if (generated)
        {
            await output.Output.WriteLineAsync("Its password is shown only now; give it to its holder privately:").ConfigureAwait(false);
            await output.Output.WriteLineAsync(password).ConfigureAwait(false);
        }
    }

    private static async Task<SqliteUsers> OpenAsync(string path, bool mustExist, CancellationToken ct)
    {
        if (mustExist && !File.Exists(path))
        {
            throw new CommandException($"--db: there is no event log at '{path}'.");
        }

        // Opening the log first checks the file is a Tallyroom log (or makes a new one).
        await (await SqliteEventLog.OpenAsync(path, ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        return new SqliteUsers(path);
    }

    private static void Refuse(params RuleViolation?[] violations)
    {
        var broken = violations.OfType<RuleViolation>().ToList();
        if (broken.Count > 0)
        {
            throw new CommandException(string.Join(Environment.NewLine + "error: ", broken));
        }
    }
}
