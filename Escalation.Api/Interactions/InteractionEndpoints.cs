using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;
using VideoEngager.Interactions;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Interactions;

/// <param name="Status"><c>scheduled</c>, <c>waiting</c>, <c>offered</c>, <c>agent-joined</c>, <c>ended</c> or <c>failed</c>.</param>
public sealed record InteractionEvent(string Status);

/// <summary>
/// Live status of a video interaction for the visitor's page, as Server-Sent Events. Changes are pushed: Scheduling
/// publishes each one (from the platform's events and the room's presence) through Redis to every edge replica. A slow
/// safety read covers a message lost while Redis was away; it asks Scheduling, never the platform.
/// </summary>
internal static class InteractionEndpoints
{
    public const string EventType = "status";
    private static readonly TimeSpan SafetyInterval = TimeSpan.FromSeconds(15);
    /// <summary>Without Redis, reading is all there is: often enough for a page to feel live.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxStreamLifetime = TimeSpan.FromHours(2);

    public static IEndpointRouteBuilder MapInteractionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/interactions/{bookingId}/events", Events)
            .WithName("InteractionEvents")
            .WithSummary("Server-Sent Events (event: status) each time the interaction's status changes; ends after 'ended'.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<ServerSentEventsResult<InteractionEvent>> Events(
        string bookingId, string? token, SchedulingClient scheduling, IConnectionMultiplexer redis, TimeProvider clock,
        ILogger<InteractionEvent> logger, CancellationToken cancellationToken)
    {
        var reference = new BookingRef { BookingId = bookingId, Token = token ?? "" };
        // Listening starts before the first read, so a change between the two is not lost.
        var updates = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscription = await SubscribeAsync(redis, bookingId, updates.Writer, logger);
        try
        {
            // Read once before streaming, so a wrong token is a plain 404 rather than an empty stream.
            var first = await scheduling.GetInteractionStatusAsync(reference, cancellationToken: cancellationToken);
            return TypedResults.ServerSentEvents(
                Changes(scheduling, reference, first.Status, updates.Reader, subscription, clock, cancellationToken), EventType);
        }
        catch
        {
            if (subscription is not null)
            {
                await subscription.UnsubscribeAsync();
            }
            throw;
        }
    }

    private static async Task<ChannelMessageQueue?> SubscribeAsync(
        IConnectionMultiplexer redis, string bookingId, ChannelWriter<string> updates, ILogger logger)
    {
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(InteractionUpdates.ChannelFor(bookingId)));
            queue.OnMessage(message =>
            {
                if (InteractionUpdates.StatusOf(message.Message) is { } status)
                {
                    updates.TryWrite(status);
                }
            });
            return queue;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            EscalationLog.StatusUpdatesUnavailable(logger, bookingId, e.GetType().Name);
            return null;
        }
    }

    private static async IAsyncEnumerable<InteractionEvent> Changes(
        SchedulingClient scheduling, BookingRef reference, string current, ChannelReader<string> updates,
        ChannelMessageQueue? subscription, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            yield return new InteractionEvent(current);
            var until = clock.GetUtcNow() + MaxStreamLifetime;
            var interval = subscription is null ? PollInterval : SafetyInterval;
            while (current != "ended" && clock.GetUtcNow() < until && !cancellationToken.IsCancellationRequested)
            {
                string? next;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    wait.CancelAfter(interval);
                    try
                    {
                        next = await updates.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        yield break; // the visitor left
                    }
                    catch (OperationCanceledException)
                    {
                        next = await ReadAsync(scheduling, reference, cancellationToken);
                    }
                }
                if (next is not null && next != current)
                {
                    current = next;
                    yield return new InteractionEvent(current);
                }
            }
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.UnsubscribeAsync();
            }
        }
    }

    /// <summary>The status as Scheduling reads it now, or null when it cannot answer this time (the stream goes on).</summary>
    private static async Task<string?> ReadAsync(SchedulingClient scheduling, BookingRef reference, CancellationToken cancellationToken)
    {
        try
        {
            return (await scheduling.GetInteractionStatusAsync(reference, cancellationToken: cancellationToken)).Status;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
            or StatusCode.Cancelled)
        {
            return null;
        }
    }
}
