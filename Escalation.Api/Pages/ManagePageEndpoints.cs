using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Pages;

/// <summary>
/// The manage page the mails link to: the booking, reschedule on the same calendar, cancel. Its script reads the
/// booking as JSON with the link's token, so a wrong token shows "not valid" there; the page itself only needs the
/// visitor's language.
/// </summary>
internal static class ManagePageEndpoints
{
    public static IEndpointRouteBuilder MapManagePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/bookings/{bookingId}/manage", Manage).WithName("ManagePage").ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// The page, at its own address and at the booking's (asked for HTML), where the JSON API's path carries none of
    /// the pages' headers: they are set here.
    /// </summary>
    internal static async Task<ContentHttpResult> Manage(
        HttpContext context, string bookingId, string? token, string? lang, SchedulingClient scheduling, PageTemplates templates)
    {
        PageSecurityHeaders.Apply(context.Response);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(
            await RenderAsync(bookingId, token, lang, scheduling, templates, context.RequestAborted), "text/html; charset=utf-8");
    }

    /// <summary>A browser navigating to the booking's link asks for HTML; the API's callers ask for JSON (or anything).</summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(type => type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> RenderAsync(
        string bookingId, string? token, string? lang, SchedulingClient scheduling, PageTemplates templates,
        CancellationToken cancellationToken)
    {
        if (lang is null)
        {
            try
            {
                lang = (await scheduling.GetBookingAsync(
                    new BookingRef { BookingId = bookingId, Token = token ?? "" }, cancellationToken: cancellationToken)).PreferredLang;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                lang = null; // the page's script says the link is not valid
            }
        }
        var (language, direction) = PageTemplates.Language(lang);
        return templates.Render("manage/manage.html", new Dictionary<string, string> { ["lang"] = language, ["dir"] = direction });
    }

    /// <summary>The page answers vary by the Accept header on the booking's own address.</summary>
    public static void VaryByAccept(HttpResponse response) => response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
}
