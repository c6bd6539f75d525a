using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Tallyroom.Accounts;
using Tallyroom.Desk;
using Tallyroom.Feeds;
using Tallyroom.LiveBlog;
using Tallyroom.Results;
using Tallyroom.Results.Pages;
using Tallyroom.Storage.Sqlite;

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
        services.AddSingleton<DeskWriter>();

        // The live blog: editors' writes, and the posts the results write by themselves.
        services.AddSingleton<BlogWriter>();
        services.AddSingleton<AutomaticPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<AutomaticPoster>());
        services.AddSingleton(sp => new SqliteApiKeys(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TallyroomOptions>>().Value.Database));

        // Errors as problem details; JSON as the CLI prints it.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = RefusedForm);
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        services.ConfigureHttpJsonOptions(o => ResultsJson.Configure(o.SerializerOptions));

        // Who may write: API keys for machines, one policy per role (an admin may do anything).
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddRolePolicies();

        // Every write is rate-limited per client, so one runaway script cannot starve the desk.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(WritesPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Request.Headers.Authorization.ToString() is { Length: > 0 } key ? key : http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions { TokenLimit = 100, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        });

        services.AddOpenApi();
        services.AddRazorComponents(); // the reader-facing pages, rendered on the server only
        services.AddAntiforgery(); // the editors' forms carry a token; a form posted without one is refused
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

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
        return app;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(role, Roles.Admin));
        }

        return authorization;
    }

    /// <summary>A form posted without its antiforgery token is a refusal like any other: it names the field and the rule.</summary>
    private static void RefusedForm(ProblemDetailsContext context)
    {
        if (context.Exception is BadHttpRequestException { InnerException: AntiforgeryValidationException })
        {
            context.ProblemDetails.Title = "Form refused";
            context.ProblemDetails.Detail = "__RequestVerificationToken: the form's antiforgery token is missing or does not match; reload the page and send the form again.";
            context.ProblemDetails.Extensions["field"] = "__RequestVerificationToken";
            context.ProblemDetails.Extensions["rule"] = "antiforgery-token";
        }
    }

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;

        // The API browser's page needs its own inline bootstrap; everything else gets the strict policy, where the live
        // blog's posts may also show images from other sites over https (editors link pictures; scripts stay out).
        var path = http.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/api/docs")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
            : $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(path.StartsWithSegments("/blogs") ? " https:" : "")}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        return next();
    }
}
