using System.Globalization;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.RateLimits;

/// <summary>
/// Counts Platform API requests per client, answers the platform's headers on each response,
/// and a 429 with Retry-After once a client is past its allowance.
/// </summary>
internal static class RateLimitHeaders
{
    public const string Allowed = "inin-ratelimit-allowed";
    public const string Count = "inin-ratelimit-count";
    public const string Reset = "inin-ratelimit-reset";

    public static IApplicationBuilder UseGenesysRateLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/v2", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var tokens = context.RequestServices.GetRequiredService<TokenStore>();
            var limiter = context.RequestServices.GetRequiredService<ClientRateLimiter>();
            var client = BearerTokenFilter.BearerToken(context.Request) is { } token ? tokens.ClientOf(token) : null;
            var decision = limiter.Count(client ?? "anonymous");
            Set(context, decision.Allowed, decision.Count, decision.ResetSeconds);
            if (!decision.Exceeded)
            {
                await next(context);
                return;
            }
            context.Response.Headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.Response.WriteAsJsonAsync(GenesysError.Create(context, 429, "too.many.requests",
                $"Rate limit exceeded the maximum. Retry the request in [{decision.ResetSeconds}] seconds"), context.RequestAborted);
        });

    /// <summary>An injected 429 looks like a real one: the allowance used up until Retry-After.</summary>
    public static void SetExhausted(HttpContext context, int retryAfterSeconds)
    {
        var allowed = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>()
            .Value.RequestsPerMinute;
        Set(context, allowed, allowed, Math.Max(retryAfterSeconds, 1));
    }

    private static void Set(HttpContext context, int allowed, int count, int resetSeconds)
    {
        var headers = context.Response.Headers;
        headers[Allowed] = allowed.ToString(CultureInfo.InvariantCulture);
        headers[Count] = count.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = resetSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
