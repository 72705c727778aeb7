using System.Net.Http.Headers;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Auth;

/// <summary>Every Platform API route needs a bearer token this emulator issued and that has not expired.</summary>
internal sealed class BearerTokenFilter(TokenStore tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (BearerToken(http.Request) is not { } token)
        {
            return GenesysError.Result(http, StatusCodes.Status401Unauthorized, "bad.credentials",
                "No authentication bearer token specified in authorization header.");
        }
        if (tokens.ClientOf(token) is null)
        {
            return GenesysError.Result(http, StatusCodes.Status401Unauthorized, "bad.credentials",
                "Invalid login credentials.");
        }
        return await next(context);
    }

    public static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header.Parameter)
            ? header.Parameter
            : null;
}

internal static class BearerTokenFilterExtensions
{
    public static TBuilder RequireBearerToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, BearerTokenFilter>();
}
