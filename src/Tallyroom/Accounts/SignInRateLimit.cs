using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tallyroom.Accounts;

/// <summary>
/// Sign-in attempts per client address (<see cref="AccountOptions.SignInAttemptsPerMinute"/> a minute), whatever names
/// they try: lockout protects one account, this limits guessing across many. Behind a reverse proxy every client has
/// the proxy's address unless forwarded headers are trusted.
/// </summary>
internal sealed class SignInRateLimit(IOptions<AccountOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "sign-in";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many sign-in attempts",
            detail: "Too many sign-in attempts from this address; wait a minute and try again.",
            extensions: new Dictionary<string, object?> { ["rule"] = "sign-in-rate" }).ExecuteAsync(http).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.SignInAttemptsPerMinute, Window = Window, QueueLimit = 0 });
}
