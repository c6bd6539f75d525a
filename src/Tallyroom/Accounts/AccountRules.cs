using Tallyroom.Core.Declarations;

namespace Tallyroom.Accounts;

/// <summary>
/// What an account's name, password and role must be, for the CLI and the admin page alike. Each refusal names the
/// field and the rule.
/// </summary>
internal static class AccountRules
{
    public const int MinimumPasswordLength = 12;

    public const int MaximumNameLength = 64;

    /// <summary>
    /// Names are plain ASCII, so that "unique whatever the case" means the same to SQLite as to a person, and a name
    /// shown on a page or in a log can never pretend to be another (no look-alike letters, no spaces).
    /// </summary>
    public static RuleViolation? Name(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name) || name.Length < 2 || name.Length > MaximumNameLength
            || !char.IsAsciiLetterOrDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return new RuleViolation(
                "name-format",
                field,
                $"A name is 2 to {MaximumNameLength} letters (a–z, A–Z), digits, dots, hyphens or underscores, starting with a letter or digit.");
        }

        return null;
    }

    public static RuleViolation? Password(string? password, string field = "password") =>
        password is null || password.Length < MinimumPasswordLength
            ? new RuleViolation("password-length", field, $"A password has at least {MinimumPasswordLength} characters.")
            : null;

    public static RuleViolation? Role(string? role, string field = "role") =>
        role is not null && Roles.All.Contains(role)
            ? null
            : new RuleViolation("role-known", field, $"'{role}' is not a role; a role is one of {string.Join(", ", Roles.All)}.");

    public static RuleViolation NameTaken(string name, string field = "name") =>
        new("name-unique", field, $"There is already an account called '{name}' (names are unique whatever their case).");

    public static RuleViolation NoSuchAccount(string name, string field = "name") =>
        new("account-exists", field, $"There is no account called '{name}'.");
}
