using VideoEngager.Escalation.Tenancy;

namespace VideoEngager.Escalation.Pages;

/// <summary>The hosted booking page: the form, the calendar and two-click booking, in English or Arabic.</summary>
internal static class BookingPageEndpoints
{
    public static IEndpointRouteBuilder MapBookingPages(this IEndpointRouteBuilder routes)
    {
        // queueId and key are read by the page's script, which calls the public API with them as any widget does.
        routes.MapGet("/book", Book).WithName("BookingPage").ExcludeFromDescription();
        return routes;
    }

    internal static async Task Book(HttpContext context, string? lang, string? key, PageTemplates templates, TenantDirectory tenants)
    {
        await PageSecurityHeaders.AllowTenantFramingAsync(context, key, tenants);
        var (language, direction) = PageTemplates.Language(lang);
        var html = templates.Render("book/book.html", new Dictionary<string, string> { ["lang"] = language, ["dir"] = direction });
        await PageTemplates.WriteAsync(context, StatusCodes.Status200OK, html);
    }
}
