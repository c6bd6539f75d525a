using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tallyroom.Accounts;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.Accounts;

/// <summary>
/// Every write in the route table, called for real: without a session or key it is refused (401 for the API, the
/// sign-in form for pages), with a session of a role it does not accept it is forbidden, and nothing is written.
/// </summary>
public sealed class EveryWriteTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EveryWriteRefusesAnonymousPeopleAndSessionsOfTheWrongRoleAndWritesNothing()
    {
        var writes = Writes();
        var sessions = new Dictionary<string, (HttpClient Client, string Token)>();
        var anonymous = Staff.Client(factory);
        var refusals = new List<string>();

        foreach (var (method, path, policies) in writes)
        {
            var api = path.StartsWith("/api/", StringComparison.Ordinal);
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(api, token: null) });
            refusals.Add($"{method} {path} anonymous: {Outcome(response)}");

            // A role the endpoint does not accept (an admin may do anything, and some writes are for anyone signed in).
            if (Roles.All.FirstOrDefault(r => r != Roles.Admin && !policies.Contains(r) && !policies.Contains(Roles.SignedIn)) is { } wrong)
            {
                if (!sessions.TryGetValue(wrong, out var session))
                {
                    var client = await Staff.SignedInAsync(factory, "someone-" + wrong, wrong);
                    sessions[wrong] = session = (client, await Staff.PageTokenAsync(client));
                }

                var forbidden = await session.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(api, session.Token), Headers = { { "RequestVerificationToken", session.Token } } });
                refusals.Add($"{method} {path} as {wrong}: {Outcome(forbidden)}");
            }
        }

        Assert.NotEmpty(writes);
        Assert.All(refusals, r => Assert.Matches(r.Contains("/api/", StringComparison.Ordinal) ? ": (401|403) application/problem\\+json$" : "anonymous: 302 /account/login\\?returnUrl=|: 403 text/html$", r));
        Assert.Contains(refusals, r => r.EndsWith("as editor: 403 application/problem+json", StringComparison.Ordinal));
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
        Assert.Equal(sessions.Count, (await new SqliteUsers(factory.DatabasePath).ListAsync()).Count);
    }

    /// <summary>Every write but signing in, with its route's parameters filled in and the policies it names.</summary>
    private List<(string Method, string Path, HashSet<string> Policies)> Writes()
    {
        using var scope = factory.Services.CreateScope();
        return
        [
            .. scope.ServiceProvider.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                    .Select(m => (m, "/" + Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), "\\{[^}]+\\}", "nobody"), e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? string.Empty).ToHashSet()))),
        ];
    }

    private static HttpContent Body(bool api, string? token) => api
        ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
        : Staff.Form(token, ("name", "intruder"), ("role", "admin"), ("password", "a long enough password"));

    private static string Outcome(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Redirect
        ? "302 " + response.Headers.Location!.PathAndQuery
        : $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}";
}
