using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Tallyroom.Hosting;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>The services behind accounts: users and keys beside the log, sessions, antiforgery and the key ring.</summary>
internal static class AccountsSetup
{
    /// <summary>
    /// Registers authentication by API key or session cookie, sign-in, antiforgery, and the data-protection key ring
    /// that signs cookies and tokens, kept beside the log (<see cref="KeyRingFolder"/>) so sessions survive a restart
    /// and every node serving the same file accepts the others' cookies.
    /// </summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.LockoutThreshold > 0 && o.SignInAttemptsPerMinute > 0, "Tallyroom:Accounts:LockoutThreshold and SignInAttemptsPerMinute must be at least 1.")
            .Validate(o => o.LockoutDuration > TimeSpan.Zero && o.SessionIdleTimeout > TimeSpan.Zero, "Tallyroom:Accounts:LockoutDuration and SessionIdleTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SqliteApiKeys(Database(sp)));
        services.AddSingleton(sp => new SqliteUsers(Database(sp)));
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<Sessions>();

        services.AddAuthentication(Sessions.KeyOrSessionScheme)
            .AddPolicyScheme(Sessions.KeyOrSessionScheme, "API key or session", o => o.ForwardDefaultSelector = Sessions.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(Sessions.Scheme, o =>
            {
                o.Cookie.Name = Sessions.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.ReturnUrlParameter = "returnUrl";
                o.EventsType = typeof(Sessions);
            });
        services.AddOptions<CookieAuthenticationOptions>(Sessions.Scheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = accounts.Value.SessionIdleTimeout);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tallyroom.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = RequestForgeryProtection.FormField;
            o.HeaderName = RequestForgeryProtection.Header;

            // The security headers already forbid framing altogether (DENY), which is stricter than antiforgery's SAMEORIGIN.
            o.SuppressXFrameOptionsHeader = true;
        });

        // The application name, not the install folder, isolates the keys: a new release in another folder still reads them.
        services.AddDataProtection().SetApplicationName("Tallyroom");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<TallyroomOptions>, ILoggerFactory>((keys, tallyroom, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(KeyRingFolder(tallyroom.Value.Database), logs));

        // The folder is made readable by its owner only (below), which is what protects the keys at rest on Linux; the
        // key manager's warning that they are not encrypted would otherwise greet every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
    }

    /// <summary>The key ring's folder for a log: beside the file, named after it (<c>night.db</c> → <c>night.db.keys</c>).</summary>
    public static DirectoryInfo KeyRingFolder(string database)
    {
        var path = Path.GetFullPath(database) + ".keys";
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Database(IServiceProvider services) => services.GetRequiredService<IOptions<TallyroomOptions>>().Value.Database;
}
