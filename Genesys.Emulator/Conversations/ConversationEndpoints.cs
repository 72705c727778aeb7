using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.WebMessaging;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Conversations;

/// <summary>
/// Conversations of any media by id, and a callback added to a chat's participant: the video leg that makes chat and
/// video one conversation.
/// </summary>
internal static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder routes)
    {
        var conversations = routes.MapGroup("/api/v2/conversations").RequireBearerToken().WithTags("Conversations");
        conversations.MapGet("/{conversationId:guid}", Get).WithName("GetConversation");
        conversations.MapPost("/{conversationId:guid}/participants/{participantId:guid}/callbacks", CreateOnParticipant)
            .WithName("PostConversationParticipantCallbacks");
        return routes;
    }

    internal static Results<Ok<ConversationView>, JsonHttpResult<GenesysError>> Get(
        Guid conversationId, HttpContext context, WebMessagingHub chats, RoutingEngine engine) =>
        ConversationView.Of(conversationId, chats.Find(conversationId), engine.Find(conversationId)) is { } conversation
            ? TypedResults.Ok(conversation)
            : GenesysError.NotFound(context, $"Conversation {conversationId} was not found.");

    /// <summary>
    /// <c>CreateCallbackOnConversationCommand</c> on a chat's customer: routed like any callback, listed under the
    /// chat's conversation id. The SDKs model the answer as empty; 202 is not confirmed against the platform.
    /// </summary>
    internal static Results<Accepted, JsonHttpResult<GenesysError>> CreateOnParticipant(
        Guid conversationId, Guid participantId, CreateCallbackRequest request, HttpContext context,
        WebMessagingHub chats, RoutingDirectory directory, RoutingEngine engine)
    {
        if (chats.Find(conversationId) is not { } chat)
        {
            return GenesysError.NotFound(context, $"Conversation {conversationId} was not found.");
        }
        if (participantId != chat.CustomerParticipantId)
        {
            return GenesysError.NotFound(context, $"Participant {participantId} is not the customer of conversation {conversationId}.");
        }
        if (chat.ReadOnly)
        {
            return GenesysError.BadRequest(context, $"Participant {participantId} is disconnected.");
        }
        if (!CallbackValidation.TryValidate(request, directory, out var callback, out var error))
        {
            return GenesysError.BadRequest(context, error);
        }
        return engine.CreateOn(conversationId, callback with { Transcript = chat.Transcript }) is null
            ? GenesysError.Result(context, StatusCodes.Status409Conflict, "conflict",
                $"Conversation {conversationId} already has a callback in progress.")
            : TypedResults.Accepted((string?)null);
    }
}
