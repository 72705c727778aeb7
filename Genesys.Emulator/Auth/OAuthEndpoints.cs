using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoEngager.Genesys.Emulator.Auth;

internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueToken)
            .WithName("IssueToken")
            .WithSummary("Client-credentials grant; the client authenticates with HTTP Basic.")
            .DisableAntiforgery();
        routes.MapDelete("/emulator/tokens", RevokeTokens)
            .WithName("RevokeTokens")
            .WithSummary("Not part of the platform: forgets every issued token, so a client's next call gets 401.")
            .WithTags("Emulator");
        return routes;
    }

    internal static Ok<RevokedTokens> RevokeTokens(TokenStore tokens) => TypedResults.Ok(new RevokedTokens(tokens.RevokeAll()));

    internal static async Task<Results<Ok<TokenResponse>, BadRequest<OAuthError>>> IssueToken(
        HttpRequest request, TokenStore tokens, ILogger<TokenStore> logger, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(OAuthError.Of("invalid_request",
                "The body must be application/x-www-form-urlencoded with grant_type=client_credentials."));
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            return TypedResults.BadRequest(OAuthError.Of("unsupported_grant_type",
                "Only the client_credentials grant is supported."));
        }
        if (!BasicCredentials.TryRead(request, out var clientId, out var secret) || !tokens.IsValidClient(clientId, secret))
        {
            EmulatorLog.ClientRejected(logger, clientId);
            return TypedResults.BadRequest(OAuthError.Of("unauthorized_client",
                "Client credentials are invalid for the client_credentials grant."));
        }

        var token = tokens.Issue(clientId);
        EmulatorLog.TokenIssued(logger, clientId);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "bearer", token.LifetimeSeconds));
    }
}

internal sealed record RevokedTokens(int Revoked);

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The login service's error body: <c>description</c> and <c>error_description</c> carry the same text.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("error_description")] string ErrorDescription)
{
    public static OAuthError Of(string error, string description) => new(error, description, description);
}
