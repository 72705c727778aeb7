using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Rooms;

/// <summary>The room page every room link opens, and its signalling WebSocket.</summary>
internal static class RoomEndpoints
{
    private static readonly TimeSpan SchedulingDeadline = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder routes)
    {
        // A name with a dot is one of the page's own files (room.js, room.css), which the static files serve: an
        // endpoint matched here would keep them from it.
        routes.MapGet("/rooms/{bookingId:regex(^[^.]+$)}", Page)
            .WithName("RoomPage")
            .WithSummary("The video room (HTML): 200 open or too early, 404 not a valid link, 410 cancelled or closed.")
            .ExcludeFromDescription();
        routes.MapGet("/rooms/{bookingId}/signal", Signal)
            .WithName("RoomSignal")
            .ExcludeFromDescription();
        return routes;
    }

    internal static async Task Page(
        HttpContext context, string bookingId, string? token, SchedulingClient scheduling, RoomPage page)
    {
        context.Response.Headers.CacheControl = "no-store";
        RoomReply? room;
        try
        {
            room = await scheduling.EnterRoomAsync(
                new RoomRef { BookingId = bookingId, Token = token ?? "" },
                deadline: DateTime.UtcNow + SchedulingDeadline, cancellationToken: context.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            room = null;
        }
        context.Response.StatusCode = room?.State switch
        {
            null => StatusCodes.Status404NotFound,
            "cancelled" or "closed" => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.Render(room), context.RequestAborted);
    }

    internal static async Task Signal(
        HttpContext context, string bookingId, string? token, SchedulingClient scheduling, RoomRelay relay,
        IOptions<RoomOptions> options, TimeProvider clock, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A WebSocket upgrade is required.")
                .ExecuteAsync(context);
            return;
        }
        RoomReply room;
        try
        {
            room = await scheduling.RecordPresenceAsync(
                new RecordPresenceRequest { BookingId = bookingId, Token = token ?? "", Joined = true },
                deadline: DateTime.UtcNow + SchedulingDeadline, cancellationToken: context.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            // Refused before the upgrade, so the page learns why from the status: 404 not a room link, 410 not open.
            var status = e.StatusCode == StatusCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            await Results.Problem(statusCode: status, title: status == 404 ? "This link is not valid." : "The room is not open.")
                .ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new RoomConnection(socket, room, token!, relay, scheduling, options.Value, clock,
            loggers.CreateLogger<RoomConnection>());
        try
        {
            await connection.RunAsync(context.RequestAborted, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The response has started (101): all that is left is to say why the page will reconnect.
            EscalationLog.SignallingFailed(loggers.CreateLogger<RoomConnection>(), bookingId, e);
        }
    }
}

/// <summary>
/// The room page: one static template for every state, its <c>html</c> element carrying what the page's script needs
/// (no inline script, so the CSP can forbid it). Values are attribute-encoded.
/// </summary>
internal sealed class RoomPage(IWebHostEnvironment environment)
{
    private readonly Lazy<string> _template = new(() =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo("rooms/room.html");
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    });

    public string Render(RoomReply? room)
    {
        var lang = room?.Lang == "ar" ? "ar" : "en";
        var values = new Dictionary<string, string>
        {
            ["lang"] = lang,
            ["dir"] = lang == "ar" ? "rtl" : "ltr",
            ["state"] = room?.State ?? "invalid",
            ["party"] = room?.Party ?? "",
            ["opensAt"] = room?.OpensAt?.ToDateTimeOffset().ToString("O") ?? "",
            ["scheduledTime"] = room?.ScheduledTime?.ToDateTimeOffset().ToString("O") ?? "",
            ["queueZone"] = room?.TimeZone ?? "",
            ["icsUrl"] = room?.IcsUrl ?? "",
            ["manageUrl"] = room?.ManageUrl ?? "",
        };
        var html = _template.Value;
        foreach (var (name, value) in values)
        {
            html = html.Replace("{{" + name + "}}", HtmlEncoder.Default.Encode(value), StringComparison.Ordinal);
        }
        return html;
    }
}
