using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2 with a salt per password, its format versioned so that
/// stronger settings can be rolled out at sign-in), and strong generated passwords. Thread-safe.
/// </summary>
internal static class Passwords
{
    // The hasher is generic over a user type that it passes to overrides; the default ignores it, so the name will do.
    private static readonly PasswordHasher<string> Hasher = new();

    // Checked against when the name is unknown, so that an unknown name takes as long to refuse as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(string.Empty, Generate());

    public static string Hash(string name, string password) => Hasher.HashPassword(name, password);

    /// <summary>Checks a password; an unknown account (null) always fails, after the same work as a known one.</summary>
    public static PasswordVerificationResult Verify(UserAccount? user, string password)
    {
        var result = Hasher.VerifyHashedPassword(user?.Name ?? string.Empty, user?.PasswordHash ?? DecoyHash, password);
        return user is null ? PasswordVerificationResult.Failed : result;
    }

    /// <summary>A password of 20 characters from 120 random bits, in letters, digits, '-' and '_'.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
