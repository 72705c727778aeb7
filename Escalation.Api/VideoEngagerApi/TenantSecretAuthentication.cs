using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VideoEngager.Escalation.Tenancy;
using VideoEngager.Tenancy.V1;

namespace VideoEngager.Escalation.VideoEngagerApi;

/// <summary>
/// Authenticates a tenant's server by HTTP Basic: the tenant id and one of its API secrets (checked by Scheduling, in
/// constant time). A widget key is never enough here: these answers carry the agent's room link.
/// </summary>
internal sealed class TenantSecretAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    Tenants.TenantsClient tenants,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "TenantApiSecret";
    public const string QueueClaim = "queue";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not valid base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("Send the tenant id and an API secret as tenantId:secret.");
        }
        AuthenticateApiSecretReply reply;
        try
        {
            reply = await tenants.AuthenticateApiSecretAsync(
                new AuthenticateApiSecretRequest { TenantId = decoded[..colon], Secret = decoded[(colon + 1)..] },
                cancellationToken: Context.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return AuthenticateResult.Fail("Unknown tenant or API secret.");
        }
        var claims = new List<Claim> { new(WidgetKeyAuthentication.TenantClaim, reply.TenantId) };
        claims.AddRange(reply.QueueIds.Select(q => new Claim(QueueClaim, q)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"videoengager\", charset=\"UTF-8\"";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The tenant's id and API secret are required (HTTP Basic).",
                Detail = result.Failure?.Message,
            },
        });
    }
}
