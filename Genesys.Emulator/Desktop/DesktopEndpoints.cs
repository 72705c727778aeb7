using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.Desktop;

/// <summary>The agent desktop: a page, its event stream, and the buttons' actions. The agent is named by id or e-mail.</summary>
internal static class DesktopEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DesktopEndpoints).Assembly.GetManifestResourceStream("Desktop.desktop.html")
            ?? throw new InvalidOperationException("The desktop page is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDesktopEndpoints(this IEndpointRouteBuilder routes)
    {
        var desktop = routes.MapGroup("/desktop").WithTags("Desktop");
        desktop.MapGet("/", GetPage).WithName("DesktopPage");
        desktop.MapGet("/events", GetEvents).WithName("DesktopEvents");
        desktop.MapPost("/offers/{conversationId:guid}/accept", Accept).WithName("AcceptOffer");
        desktop.MapPost("/offers/{conversationId:guid}/decline", Decline).WithName("DeclineOffer");
        desktop.MapPost("/conversations/{conversationId:guid}/disconnect", Hangup).WithName("DisconnectConversation");
        desktop.MapPut("/presence", SetPresence).WithName("SetDesktopPresence");
        return routes;
    }

    /// <summary>Without an agent the page lists the agents to pick from.</summary>
    internal static ContentHttpResult GetPage() => TypedResults.Content(Page.Value, "text/html; charset=utf-8");

    /// <remarks>The stream also ends when the app stops, so an open desktop never holds up shutdown.</remarks>
    internal static Results<ServerSentEventsResult<AgentNotice>, NotFound<string>> GetEvents(
        string? agent, RoutingDirectory directory, RoutingEngine engine, AgentEventHub hub, IHostApplicationLifetime lifetime) =>
        directory.FindAgent(agent) is { } found
            ? TypedResults.ServerSentEvents(Stream(found, engine, hub, lifetime.ApplicationStopping))
            : TypedResults.NotFound(UnknownAgent(agent));

    internal static Results<Ok<AcceptedOffer>, NotFound<string>, Conflict<string>> Accept(
        Guid conversationId, string? agent, RoutingDirectory directory, RoutingEngine engine)
    {
        if (directory.FindAgent(agent) is not { } found)
        {
            return TypedResults.NotFound(UnknownAgent(agent));
        }
        var result = engine.Accept(conversationId, found.Id);
        return result.Outcome switch
        {
            EngineOutcome.Ok => TypedResults.Ok(new AcceptedOffer(conversationId, result.Callback!.Request.AgentUrl)),
            EngineOutcome.NotFound => TypedResults.NotFound(result.Message!),
            _ => TypedResults.Conflict(result.Message!),
        };
    }

    internal static Results<NoContent, NotFound<string>, Conflict<string>> Decline(
        Guid conversationId, string? agent, RoutingDirectory directory, RoutingEngine engine) =>
        Act(agent, directory, found => engine.Decline(conversationId, found.Id));

    internal static Results<NoContent, NotFound<string>, Conflict<string>> Hangup(
        Guid conversationId, string? agent, RoutingDirectory directory, RoutingEngine engine) =>
        Act(agent, directory, found => engine.Hangup(conversationId, found.Id));

    internal static Results<NoContent, NotFound<string>> SetPresence(
        string? agent, PresenceRequest request, RoutingDirectory directory, RoutingEngine engine) =>
        directory.FindAgent(agent) is { } found && engine.SetPresence(found.Id, request.Presence) is not null
            ? TypedResults.NoContent()
            : TypedResults.NotFound(UnknownAgent(agent));

    private static Results<NoContent, NotFound<string>, Conflict<string>> Act(
        string? agent, RoutingDirectory directory, Func<Agent, EngineResult> action)
    {
        if (directory.FindAgent(agent) is not { } found)
        {
            return TypedResults.NotFound(UnknownAgent(agent));
        }
        var result = action(found);
        return result.Outcome switch
        {
            EngineOutcome.Ok => TypedResults.NoContent(),
            EngineOutcome.NotFound => TypedResults.NotFound(result.Message!),
            _ => TypedResults.Conflict(result.Message!),
        };
    }

    private static string UnknownAgent(string? agent) => $"No agent '{agent}'. Name one by id or e-mail address.";

    /// <summary>
    /// Subscribes first, then replays the current state, so nothing published in between is lost; a notice both
    /// replayed and published meanwhile is sent once.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<AgentNotice>> Stream(
        Agent agent, RoutingEngine engine, AgentEventHub hub, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(agent.Id);
        var current = engine.CurrentNotices(agent.Id);
        var replayed = current.ToHashSet();
        yield return Item(new AgentNotice(AgentNotice.Hello, Presence: agent.Presence, AgentName: agent.Name));
        foreach (var notice in current)
        {
            yield return Item(notice);
        }
        while (await WaitToReadAsync(subscription.Reader, cancellationToken))
        {
            while (subscription.Reader.TryRead(out var notice))
            {
                if (!replayed.Remove(notice))
                {
                    yield return Item(notice);
                }
            }
        }
    }

    /// <summary>False once the desktop has gone or the app is stopping: the stream then ends quietly.</summary>
    private static async ValueTask<bool> WaitToReadAsync(ChannelReader<AgentNotice> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static SseItem<AgentNotice> Item(AgentNotice notice) => new(notice, notice.Type);
}

internal sealed record AcceptedOffer(Guid ConversationId, string? AgentUrl);
