using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace VideoEngager.Escalation.Tenancy;

/// <summary>Authenticates widget calls by the tenant's public key in <c>X-Tenant-Key</c>, checked against its origins.</summary>
internal sealed class WidgetKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TenantDirectory directory,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "WidgetKey";
    public const string HeaderName = "X-Tenant-Key";
    public const string TenantClaim = "tenant";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return AuthenticateResult.NoResult();
        }

        var tenant = await directory.FindByWidgetKeyAsync(key, Context.RequestAborted);
        if (tenant is null)
        {
            return AuthenticateResult.Fail("Unknown widget key.");
        }
        var origin = Request.Headers.Origin.ToString();
        // The hosted pages (/book, the manage page) are this edge's own: their calls carry its origin, whatever the
        // tenant lists for its own sites.
        var ownOrigin = $"{Request.Scheme}://{Request.Host}";
        if (!tenant.Allows(origin) && !string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase))
        {
            EscalationLog.OriginRejected(Logger, tenant.TenantId, origin);
            return AuthenticateResult.Fail("This widget key is not allowed from this origin.");
        }

        var identity = new ClaimsIdentity([new Claim(TenantClaim, tenant.TenantId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid widget key is required.",
                Detail = result.Failure?.Message ?? $"Send the tenant's widget key in the {HeaderName} header.",
            },
        });
    }
}

internal static class TenantPrincipal
{
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(WidgetKeyAuthentication.TenantClaim)
        ?? throw new InvalidOperationException("The endpoint is missing the widget authorization policy.");
}
