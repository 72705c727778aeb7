using Grpc.Core;
using Microsoft.Extensions.Options;
using VideoEngager.Escalation.Pages;
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
        HttpContext context, string bookingId, string? token, SchedulingClient scheduling, PageTemplates templates,
        TimeProvider clock)
    {
        RoomReply? room;
        try
        {
            room = await scheduling.EnterRoomAsync(
                new RoomRef { BookingId = bookingId, Token = token ?? "" },
                deadline: clock.GetUtcNow().UtcDateTime + SchedulingDeadline, cancellationToken: context.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            room = null;
        }
        var status = room?.State switch
        {
            null => StatusCodes.Status404NotFound,
            "cancelled" or "closed" => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        if (room is { FrameOrigins.Count: > 0 })
        {
            PageSecurityHeaders.AllowFraming(context.Response, room.FrameOrigins); // the tenant's widget shows the call
        }
        var (lang, dir) = PageTemplates.Language(room?.Lang);
        var html = templates.Render("rooms/room.html", new Dictionary<string, string>
        {
            ["lang"] = lang,
            ["dir"] = dir,
            ["state"] = room?.State ?? "invalid",
            ["party"] = room?.Party ?? "",
            ["opensAt"] = room?.OpensAt?.ToDateTimeOffset().ToString("O") ?? "",
            ["scheduledTime"] = room?.ScheduledTime?.ToDateTimeOffset().ToString("O") ?? "",
            ["queueZone"] = room?.TimeZone ?? "",
            ["icsUrl"] = room?.IcsUrl ?? "",
            ["manageUrl"] = room?.ManageUrl ?? "",
        });
        await PageTemplates.WriteAsync(context, status, html);
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
                deadline: clock.GetUtcNow().UtcDateTime + SchedulingDeadline, cancellationToken: context.RequestAborted);
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
