using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Interactions;

/// <param name="Status"><c>scheduled</c>, <c>waiting</c>, <c>agent-joined</c>, <c>ended</c> or <c>failed</c>.</param>
public sealed record InteractionEvent(string Status);

/// <summary>Live status of a video interaction for the visitor's page, as Server-Sent Events.</summary>
internal static class InteractionEndpoints
{
    public const string EventType = "status";
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
        string bookingId, string? token, SchedulingClient scheduling, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reference = new BookingRef { BookingId = bookingId, Token = token ?? "" };
        // Read once before streaming, so a wrong token is a plain 404 rather than an empty stream.
        var first = await scheduling.GetInteractionStatusAsync(reference, cancellationToken: cancellationToken);
        return TypedResults.ServerSentEvents(Changes(scheduling, reference, first.Status, clock, cancellationToken), EventType);
    }

    private static async IAsyncEnumerable<InteractionEvent> Changes(
        SchedulingClient scheduling, BookingRef reference, string current, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new InteractionEvent(current);
        var until = clock.GetUtcNow() + MaxStreamLifetime;
        while (current != "ended" && clock.GetUtcNow() < until && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break; // the visitor left
            }
            string? next;
            try
            {
                next = (await scheduling.GetInteractionStatusAsync(reference, cancellationToken: cancellationToken)).Status;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                next = null; // keep the stream; ask again next time
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                yield break;
            }
            if (next is not null && next != current)
            {
                current = next;
                yield return new InteractionEvent(current);
            }
        }
    }
}
