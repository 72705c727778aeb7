using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Callbacks;

internal static class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder routes)
    {
        var callbacks = routes.MapGroup("/api/v2/conversations/callbacks")
            .RequireBearerToken()
            .WithTags("Callbacks");
        callbacks.MapPost("/", Create).WithName("CreateCallback");
        callbacks.MapPatch("/", Reschedule).WithName("PatchCallback");
        callbacks.MapGet("/{conversationId:guid}", Get).WithName("GetCallback");
        callbacks.MapPost("/bulk/disconnect", Disconnect).WithName("DisconnectCallbacks");
        routes.MapPost("/api/v2/conversations/participants/attributes/search", ParticipantSearch.Search)
            .RequireBearerToken()
            .WithTags("Callbacks")
            .WithName("SearchParticipantAttributes");
        return routes;
    }

    internal static Results<Ok<CallbackCreatedResponse>, JsonHttpResult<GenesysError>> Create(
        CreateCallbackRequest request, HttpContext context, RoutingDirectory directory, RoutingEngine engine)
    {
        if (!CallbackValidation.TryValidate(request, directory, out var callback, out var error))
        {
            return GenesysError.BadRequest(context, error);
        }
        return TypedResults.Ok(CallbackCreatedResponse.Of(engine.Create(callback)));
    }

    internal static Results<Ok<CallbackCreatedResponse>, JsonHttpResult<GenesysError>> Reschedule(
        PatchCallbackRequest request, HttpContext context, RoutingDirectory directory, RoutingEngine engine)
    {
        if (!Guid.TryParse(request.ConversationId, out var conversationId))
        {
            return GenesysError.BadRequest(context, "conversationId is required and must be a conversation id.");
        }
        if (request.CallbackScheduledTime is not { } scheduledTime)
        {
            return GenesysError.BadRequest(context, "callbackScheduledTime is required.");
        }
        Guid? queueId = null;
        if (request.QueueId is { } queueText)
        {
            if (!CallbackValidation.TryResolve(directory, RoutingKind.Queue, queueText, "queueId", out var id, out var error))
            {
                return GenesysError.BadRequest(context, error);
            }
            queueId = id;
        }
        Guid? agentId = null;
        if (request.AgentId is { } agentText)
        {
            if (!Guid.TryParse(agentText, out var id) || directory.FindAgent(id) is null)
            {
                return GenesysError.BadRequest(context, $"agentId: '{agentText}' is not a valid user id.");
            }
            agentId = id;
        }

        var result = engine.Reschedule(conversationId, scheduledTime.ToUniversalTime(), queueId, agentId);
        return result.Outcome switch
        {
            EngineOutcome.Ok => TypedResults.Ok(CallbackCreatedResponse.Of(result.Callback!)),
            EngineOutcome.NotFound => GenesysError.NotFound(context, result.Message!),
            _ => GenesysError.BadRequest(context, result.Message!),
        };
    }

    internal static Results<Ok<CallbackConversationResponse>, JsonHttpResult<GenesysError>> Get(
        Guid conversationId, HttpContext context, RoutingEngine engine) =>
        engine.Find(conversationId) is { } callback
            ? TypedResults.Ok(CallbackConversationResponse.Of(callback))
            : GenesysError.NotFound(context, $"Callback conversation {conversationId} was not found.");

    /// <summary>Checks every identifier before disconnecting any, so a bad batch changes nothing.</summary>
    internal static Results<Accepted, JsonHttpResult<GenesysError>> Disconnect(
        BulkDisconnectRequest request, HttpContext context, RoutingEngine engine)
    {
        if (request.CallbackDisconnectIdentifiers is not { Count: > 0 } identifiers)
        {
            return GenesysError.BadRequest(context, "callbackDisconnectIdentifiers is required and must not be empty.");
        }
        var targets = new List<(Guid ConversationId, Guid? CallbackId)>();
        foreach (var identifier in identifiers)
        {
            if (!Guid.TryParse(identifier.ConversationId, out var conversationId))
            {
                return GenesysError.BadRequest(context,
                    $"callbackDisconnectIdentifiers: '{identifier.ConversationId}' is not a conversation id.");
            }
            if (engine.Find(conversationId) is not { } callback)
            {
                return GenesysError.NotFound(context, $"Callback conversation {conversationId} was not found.");
            }
            if (identifier.CallbackId is { } callbackId
                && (!Guid.TryParse(callbackId, out var id) || (id != callback.AcdCallbackId && id != callback.ExternalCallbackId)))
            {
                return GenesysError.BadRequest(context,
                    $"callbackId '{callbackId}' does not belong to conversation {conversationId}.");
            }
            targets.Add((conversationId, Guid.TryParse(identifier.CallbackId, out var parsed) ? parsed : null));
        }
        foreach (var (conversationId, callbackId) in targets)
        {
            var result = engine.Disconnect(conversationId, callbackId);
            if (result.Outcome != EngineOutcome.Ok)
            {
                return GenesysError.BadRequest(context, result.Message!);
            }
        }
        return TypedResults.Accepted((string?)null);
    }
}
