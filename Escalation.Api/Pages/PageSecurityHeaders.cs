using Microsoft.Extensions.Options;

namespace VideoEngager.Escalation.Pages;

/// <summary>
/// The headers every page and page asset carries: scripts and styles from this origin only (never inline), camera,
/// microphone and screen capture for this origin only, and no referrer, so a link's token never leaves in one.
/// </summary>
internal static class PageSecurityHeaders
{
    // Paths served to browsers; the JSON API and its OpenAPI UI are left as they are.
    private static readonly PathString[] PagePaths = ["/rooms", "/book", "/manage", "/chat", "/lib", "/i18n"];

    /// <param name="connectSource">Besides this origin, the one origin pages may connect to: the chat's Web Messaging socket.</param>
    /// <param name="frameOrigins">Besides this origin, the sites that may show the page in a frame: the tenant's own.</param>
    private static string ContentSecurityPolicy(string? connectSource, IEnumerable<string>? frameOrigins = null) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        $"connect-src 'self'{(connectSource is null ? "" : " " + connectSource)}; object-src 'none'; base-uri 'none'; " +
        $"form-action 'self'; frame-ancestors 'self'{string.Concat((frameOrigins ?? []).Where(IsOrigin).Select(o => " " + o))}";

    /// <summary>
    /// Lets the tenant's own sites (its widget key's or its booking's allowed origins) show this page in a frame; no
    /// other site can. A tenant that lists no origins cannot be framed at all.
    /// </summary>
    public static void AllowFraming(HttpResponse response, IEnumerable<string> origins)
    {
        var chat = response.HttpContext.RequestServices.GetRequiredService<IOptions<ChatOptions>>().Value;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(chat.ConnectSource, origins);
    }

    /// <summary>A hosted page opened with a widget key: the key's tenant's sites may frame it (its widget does).</summary>
    public static async Task AllowTenantFramingAsync(HttpContext context, string? key, Tenancy.TenantDirectory tenants)
    {
        if (!string.IsNullOrWhiteSpace(key) && await tenants.FindByWidgetKeyAsync(key, context.RequestAborted) is { } tenant)
        {
            AllowFraming(context.Response, tenant.AllowedOrigins);
        }
    }

    /// <summary>Only a plain origin goes into the header: nothing a tenant typed can add a directive.</summary>
    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && string.Equals(origin.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UsePageSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (PagePaths.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            Apply(context.Response);
        }
        await next(context);
    });

    /// <summary>For a page served where the JSON API also answers (a booking's own address, asked for HTML).</summary>
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        var chat = response.HttpContext.RequestServices.GetRequiredService<IOptions<ChatOptions>>().Value;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(chat.ConnectSource);
        headers["Permissions-Policy"] = "camera=(self), microphone=(self), display-capture=(self)";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
    }
}
