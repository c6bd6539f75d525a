using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Tallyroom.Accounts;
using Tallyroom.Desk;
using Tallyroom.Feeds;
using Tallyroom.LiveBlog;
using Tallyroom.Results;
using Tallyroom.Results.Pages;

namespace Tallyroom.Hosting;

/// <summary>The web host: the site and API over one event log, read from memory, written through the engine.</summary>
internal static class WebHost
{
    public const string WritesPolicy = "writes";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;

        // Logging every request at Information costs half the read throughput; requests are logged only when they fail.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Settings: the Tallyroom section, with defaults in the options class.
        services.AddOptions<TallyroomOptions>().BindConfiguration(TallyroomOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Database), "Tallyroom:Database must name the event log file.")
            .Validate(o => o.SubscriberBuffer > 0 && o.ChangesPageSize > 0, "Tallyroom:SubscriberBuffer and ChangesPageSize must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        // The election: one node owning the log, the engine, the change journal and push subscribers.
        services.AddSingleton<ElectionNode>();
        services.AddHostedService(sp => sp.GetRequiredService<ElectionNode>());
        services.AddSingleton<RevisionResponses>();
        services.AddSingleton<SharedResponseCache>();
        services.AddSingleton<DeskWriter>();

        // The live blog: editors' writes, and the posts the results write by themselves.
        services.AddSingleton<BlogWriter>();
        services.AddSingleton<AutomaticPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<AutomaticPoster>());

        // Errors as problem details; JSON as the CLI prints it.
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ResultsJson.Configure(o.SerializerOptions));

        // Who may write: people by session cookie (with antiforgery tokens), machines by API key, one policy per role
        // accepting either (an admin may do anything). Users, keys and the cookies' key ring live beside the log.
        builder.AddAccounts();
        services.AddAuthorizationBuilder().AddRolePolicies();

        // Every write is rate-limited per client, so one runaway script cannot starve the desk.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(WritesPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Request.Headers.Authorization.ToString() is { Length: > 0 } key ? key : http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions { TokenLimit = 100, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
            o.AddPolicy<string, SignInRateLimit>(SignInRateLimit.PolicyName);
        });

        services.AddOpenApi();
        services.AddRazorComponents(); // the reader-facing pages, rendered on the server only
        configure?.Invoke(builder);

        var app = builder.Build();

        // The current revision's public API responses are answered before anything else runs.
        var shared = app.Services.GetRequiredService<SharedResponseCache>();
        app.Use(shared.ServeAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // A write made with a session cookie must carry the page's antiforgery token; one made with an API key need not.
        app.UseRequestForgeryProtection();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Tallyroom API");
            o.DocumentTitle = "Tallyroom API";
        });
        app.MapResultsApi();
        app.MapFeedsApi();
        app.MapDeskApi();
        Analysis.AnalysisApi.MapAnalysisApi(app);
        app.MapLiveBlogApi();
        app.MapResultsPages();
        app.MapBlogPages();
        app.MapEditorPages();
        app.MapAccountPages();
        app.MapUserAdministration();
        return app;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.AddAuthenticationSchemes(Sessions.KeyOrSessionScheme).RequireRole(role, Roles.Admin));
        }

        authorization.AddPolicy(Roles.SignedIn, p => p.AddAuthenticationSchemes(Sessions.KeyOrSessionScheme).RequireRole(Roles.All));
        return authorization;
    }

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        AddSecurityHeaders(http);
        return next();
    }

    // Whole strings, so that the headers every response carries are not built again for each request.
    private const string StrictPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private const string BlogPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private const string ApiBrowserPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    /// <summary>The headers every response carries: a strict CSP (looser only for the API browser), no sniffing, no framing.</summary>
    public static void AddSecurityHeaders(HttpContext http)
    {
        var headers = http.Response.Headers;

        // The API browser's page needs its own inline bootstrap; everything else gets the strict policy, where the live
        // blog's posts may also show images from other sites over https (editors link pictures; scripts stay out).
        var path = http.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/api/docs") ? ApiBrowserPolicy
            : path.StartsWithSegments("/blogs") || path.StartsWithSegments("/editor/blogs") ? BlogPolicy
            : StrictPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
    }
}
