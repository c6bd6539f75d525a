namespace Tallyroom.Accounts;

/// <summary>How sign-in and sessions behave (section <c>Tallyroom:Accounts</c>), with their defaults.</summary>
internal sealed class AccountOptions
{
    public const string Section = "Tallyroom:Accounts";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-ins.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one client address may make in a minute, whatever names it tries.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a session lasts without being used; each use extends it (sliding expiry).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
