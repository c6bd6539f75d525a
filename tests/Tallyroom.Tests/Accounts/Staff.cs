using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tallyroom.Accounts;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.Accounts;

/// <summary>People of the newsroom in the test site: accounts made as the CLI makes them, signed in through the form.</summary>
internal static partial class Staff
{
    public const string Password = "correct horse battery";

    public static async Task AddAsync(TallyroomFactory factory, string name, string role, string password = Password) =>
        Assert.True(await new SqliteUsers(factory.DatabasePath).AddAsync(name, role, Passwords.Hash(name, password), factory.Clock.GetUtcNow()));

    /// <summary>A browser-like client: it keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Fills in and posts the sign-in form, token and all, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password = Password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", Form(FormToken(form), ("name", name), ("password", password), ("returnUrl", returnUrl)));
    }

    /// <summary>A client signed in as a new account of this role.</summary>
    public static async Task<HttpClient> SignedInAsync(TallyroomFactory factory, string name, string role)
    {
        await AddAsync(factory, name, role);
        var client = Client(factory);
        var response = await SignInAsync(client, name);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The token of the first form on a page.</summary>
    public static string FormToken(string html)
    {
        var match = FormTokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return match.Groups["token"].Value;
    }

    /// <summary>The token a page offers its scripts, in its head.</summary>
    public static async Task<string> PageTokenAsync(HttpClient client, string path = "/")
    {
        var match = MetaToken().Match(await client.GetStringAsync(path));
        Assert.True(match.Success, "The page has no request-verification-token meta tag.");
        return match.Groups["token"].Value;
    }

    /// <summary>A form's fields, with the antiforgery token when there is one.</summary>
    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            values.Add(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        }

        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormTokenField();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"(?<token>[^\"]+)\"")]
    private static partial Regex MetaToken();
}
