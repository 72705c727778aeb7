using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.WebMessaging;

internal static class WebMessagingEndpoints
{
    public static IEndpointRouteBuilder MapWebMessagingEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.Map("/v1", AcceptGuest).WithName("WebMessagingGuest").WithTags("WebMessaging");
        routes.MapGet("/api/v2/conversations/messages/{messageId:guid}/details", GetMessageDetails)
            .RequireBearerToken()
            .WithName("GetMessageDetails")
            .WithTags("WebMessaging");

        var desktop = routes.MapGroup("/desktop/messaging").WithTags("Desktop");
        desktop.MapPost("/{conversationId:guid}/reply", Reply).WithName("ReplyToGuest");
        desktop.MapPost("/{conversationId:guid}/disconnect", EndChat).WithName("EndGuestChat");

        routes.MapGet("/emulator/messaging", ListSessions).WithName("ListMessagingSessions").WithTags("Emulator");
        return routes;
    }

    /// <summary><c>/v1?deploymentId=…</c>: the guest API. Anything but a WebSocket upgrade is a bad request.</summary>
    internal static async Task<Results<EmptyHttpResult, JsonHttpResult<GenesysError>>> AcceptGuest(
        HttpContext context, WebMessagingHub hub, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime,
        ILogger<WebMessagingHub> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return GenesysError.BadRequest(context, "The Web Messaging guest API needs a WebSocket upgrade.");
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // An open guest socket must not hold up shutdown.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await GuestSocket.RunAsync(socket, hub, json.Value.SerializerOptions, logger, ending.Token);
        return TypedResults.Empty;
    }

    /// <summary>How a backend finds the conversation of a guest's message: the guest never sees the conversation id.</summary>
    internal static Results<Ok<MessageDetails>, JsonHttpResult<GenesysError>> GetMessageDetails(
        Guid messageId, HttpContext context, WebMessagingHub hub)
    {
        if (hub.FindMessage(messageId) is not { } found)
        {
            return GenesysError.NotFound(context, $"Message {messageId} was not found.");
        }
        var inbound = found.Message.Direction == "Inbound";
        return TypedResults.Ok(new MessageDetails(
            messageId,
            found.ConversationId,
            inbound ? "inbound" : "outbound",
            "webmessaging",
            found.Message.Text,
            inbound ? "received" : "sent",
            found.Message.Channel.Time));
    }

    internal static Results<NoContent, NotFound<string>, Conflict<string>, ValidationProblem> Reply(
        Guid conversationId, string? agent, ReplyRequest request, RoutingDirectory directory, WebMessagingHub hub)
    {
        if (directory.FindAgent(agent) is not { } replying)
        {
            return TypedResults.NotFound($"No agent '{agent}'.");
        }
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Type something to send."] });
        }
        return hub.AgentReply(conversationId, replying.Id, request.Text) switch
        {
            EngineOutcome.Ok => TypedResults.NoContent(),
            EngineOutcome.NotFound => TypedResults.NotFound($"No guest conversation {conversationId}."),
            _ => TypedResults.Conflict("The conversation is read-only."),
        };
    }

    internal static Results<NoContent, NotFound<string>> EndChat(
        Guid conversationId, string? agent, RoutingDirectory directory, WebMessagingHub hub) =>
        directory.FindAgent(agent) is not null && hub.AgentDisconnect(conversationId) == EngineOutcome.Ok
            ? TypedResults.NoContent()
            : TypedResults.NotFound($"No agent '{agent}' or no guest conversation {conversationId}.");

    internal static Ok<IReadOnlyList<MessagingSessionView>> ListSessions(WebMessagingHub hub) => TypedResults.Ok(hub.Sessions());
}

internal sealed record ReplyRequest(string? Text);

internal sealed record MessageDetails(
    Guid Id, Guid ConversationId, string Direction, string MessengerType, string? TextBody, string Status, DateTimeOffset Timestamp);
