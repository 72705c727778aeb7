namespace VideoEngager.Escalation.Pages;

/// <summary>
/// The headers every page and page asset carries: scripts and styles from this origin only (never inline), camera,
/// microphone and screen capture for this origin only, and no referrer, so a link's token never leaves in one.
/// </summary>
internal static class PageSecurityHeaders
{
    // Paths served to browsers; the JSON API and its OpenAPI UI are left as they are.
    private static readonly PathString[] PagePaths = ["/rooms", "/book", "/manage", "/lib", "/i18n"];

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

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
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Permissions-Policy"] = "camera=(self), microphone=(self), display-capture=(self)";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
    }
}
