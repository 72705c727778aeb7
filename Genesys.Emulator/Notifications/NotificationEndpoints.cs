using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Notifications;

/// <summary>
/// The Notifications API: create a channel, subscribe it to topics, and read its events from <c>connectUri</c> (a
/// WebSocket with a heartbeat every 30 s). A channel expires unless it is subscribed again.
/// </summary>
internal static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var channels = routes.MapGroup("/api/v2/notifications/channels").RequireBearerToken().WithTags("Notifications");
        channels.MapPost("/", Create).WithName("PostNotificationsChannels");
        channels.MapGet("/{channelId:guid}/subscriptions", Topics).WithName("GetNotificationsChannelSubscriptions");
        channels.MapPut("/{channelId:guid}/subscriptions", Replace).WithName("PutNotificationsChannelSubscriptions");
        channels.MapPost("/{channelId:guid}/subscriptions", Add).WithName("PostNotificationsChannelSubscriptions");
        routes.Map("/channels/{channelId:guid}", Connect).WithName("NotificationChannelSocket").WithTags("Notifications");
        routes.MapDelete("/emulator/notifications/sockets", (NotificationChannels all) => TypedResults.Ok(new { dropped = all.DropSockets() }))
            .WithName("DropNotificationSockets").WithTags("Emulator");
        return routes;
    }

    internal static Ok<ChannelResponse> Create(HttpContext context, NotificationChannels channels)
    {
        var channel = channels.Create();
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        return TypedResults.Ok(new ChannelResponse(channel.Id, $"{scheme}://{context.Request.Host}/channels/{channel.Id}", channel.Expires));
    }

    internal static Results<Ok<ChannelTopicListing>, JsonHttpResult<GenesysError>> Topics(
        Guid channelId, HttpContext context, NotificationChannels channels) =>
        channels.Find(channelId) is { } channel
            ? TypedResults.Ok(new ChannelTopicListing([.. channel.Topics.Select(t => new ChannelTopic(t, null, null))]))
            : GenesysError.NotFound(context, $"Channel {channelId} was not found.");

    internal static Results<Ok<ChannelTopicListing>, JsonHttpResult<GenesysError>> Replace(
        Guid channelId, List<ChannelTopicRequest> topics, HttpContext context, NotificationChannels channels) =>
        Subscribe(channelId, topics, replace: true, context, channels);

    internal static Results<Ok<ChannelTopicListing>, JsonHttpResult<GenesysError>> Add(
        Guid channelId, List<ChannelTopicRequest> topics, HttpContext context, NotificationChannels channels) =>
        Subscribe(channelId, topics, replace: false, context, channels);

    private static Results<Ok<ChannelTopicListing>, JsonHttpResult<GenesysError>> Subscribe(
        Guid channelId, List<ChannelTopicRequest> topics, bool replace, HttpContext context, NotificationChannels channels)
    {
        if (topics.Any(t => string.IsNullOrWhiteSpace(t.Id)))
        {
            return GenesysError.BadRequest(context, "Every topic needs an id.");
        }
        var (answer, error) = channels.Subscribe(channelId, [.. topics.Select(t => t.Id!)], replace);
        return error is not null ? GenesysError.BadRequest(context, error)
            : answer is null ? GenesysError.NotFound(context, $"Channel {channelId} was not found.")
            : TypedResults.Ok(new ChannelTopicListing(answer));
    }

    /// <summary>The channel's socket: events as they happen, a heartbeat when quiet, closed when the channel expires.</summary>
    internal static async Task<Results<EmptyHttpResult, JsonHttpResult<GenesysError>>> Connect(
        Guid channelId, HttpContext context, NotificationChannels channels, TimeProvider time,
        IOptions<NotificationOptions> options, IHostApplicationLifetime lifetime)
    {
        if (channels.Find(channelId) is not { } channel)
        {
            return GenesysError.NotFound(context, $"Channel {channelId} was not found.");
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return GenesysError.BadRequest(context, "A channel's connectUri needs a WebSocket upgrade.");
        }
        // Listening before the handshake completes: an event published the moment the client sees its socket open
        // (it may act at once, as a real client does) is queued for it rather than lost.
        var events = channels.Attach(channel)!;
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            channels.Detach(channel, events);
            throw;
        }
        using var accepted = socket;
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainAsync(socket, ending.Token);
        try
        {
            var heartbeat = JsonSerializer.Serialize(
                new NotificationFrame("channel.metadata", "1", new HeartbeatBody("WebSocket Heartbeat")), NotificationFrame.Json);
            while (!ending.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var untilExpiry = channel.Expires - time.GetUtcNow();
                if (untilExpiry <= TimeSpan.Zero)
                {
                    await SendAsync(socket, JsonSerializer.Serialize(new NotificationFrame(
                        "v2.system.socket_closing", "1", new HeartbeatBody("The channel has expired.")), NotificationFrame.Json), ending.Token);
                    break;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ending.Token);
                wait.CancelAfter(untilExpiry < options.Value.HeartbeatInterval ? untilExpiry : options.Value.HeartbeatInterval);
                string frame;
                try
                {
                    if (!await events.Reader.WaitToReadAsync(wait.Token))
                    {
                        break; // dropped
                    }
                    frame = await events.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ending.IsCancellationRequested)
                {
                    frame = heartbeat;
                }
                await SendAsync(socket, frame, ending.Token);
            }
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, or the emulator is stopping.
        }
        finally
        {
            channels.Detach(channel, events);
            await ending.CancelAsync();
            await reading;
        }
        return TypedResults.Empty;
    }

    private static Task SendAsync(WebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Clients send nothing but pings and the close handshake; reading keeps both working.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                if ((await socket.ReceiveAsync(buffer, cancellationToken)).MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // as above
        }
    }
}
