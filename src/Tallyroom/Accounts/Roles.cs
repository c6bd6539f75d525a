namespace Tallyroom.Accounts;

/// <summary>Who may write what (DESIGN.md, "Security"). Every write endpoint requires one of these policies.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Desk = "desk";
    public const string Moderator = "moderator";
    public const string Reader = "reader";

    /// <summary>A policy, not a role: any signed-in account, whatever its role (signing out, for one).</summary>
    public const string SignedIn = "signed-in";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Desk, Moderator, Reader];
}
