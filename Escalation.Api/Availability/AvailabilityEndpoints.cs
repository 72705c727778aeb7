using System.Globalization;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Escalation.Errors;
using VideoEngager.Escalation.Tenancy;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Escalation.Availability;

internal static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/availability", GetAvailability)
            .WithName("GetAvailability")
            .WithSummary("A queue's open, full and closed slots for a range of days in its time zone.")
            .RequireAuthorization(AuthorizationPolicies.Widget)
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/bookings/{bookingId}/availability", GetForBooking)
            .WithName("GetBookingAvailability")
            .WithSummary("The booking's queue's calendar, for rescheduling by the manage link (token as for the booking).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The calendar a booking can move to, for the holder of its manage link (who has no widget key).</summary>
    internal static async Task<Results<Ok<AvailabilityResponse>, ValidationProblem>> GetForBooking(
        string bookingId, string? token, string? start, string? days,
        Scheduling.V1.Scheduling.SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        var booking = await scheduling.GetBookingAsync(
            new BookingRef { BookingId = bookingId, Token = token ?? "" }, cancellationToken: cancellationToken);
        return await QueryAsync(booking.TenantId, booking.QueueId, start, days, scheduling, cancellationToken);
    }

    /// <param name="queueId">The queue, e.g. <c>VIP-Video-Q</c>.</param>
    /// <param name="start">First day, <c>yyyy-MM-dd</c> in the queue's zone; default today there.</param>
    /// <param name="days">1 to 31; default 14.</param>
    internal static Task<Results<Ok<AvailabilityResponse>, ValidationProblem>> GetAvailability(
        string? queueId, string? start, string? days,
        ClaimsPrincipal user, Scheduling.V1.Scheduling.SchedulingClient scheduling, CancellationToken cancellationToken) =>
        QueryAsync(user.TenantId(), queueId, start, days, scheduling, cancellationToken);

    private static async Task<Results<Ok<AvailabilityResponse>, ValidationProblem>> QueryAsync(
        string tenantId, string? queueId, string? start, string? days,
        Scheduling.V1.Scheduling.SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        var dayCount = 0;
        var errors = new Dictionary<string, string[]>();
        // 0 means "the default" on the wire, so the edge refuses it here rather than answer 14 days.
        if (!string.IsNullOrEmpty(days)
            && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out dayCount) || dayCount is < 1 or > 31))
        {
            errors["days"] = ["Days must be a whole number between 1 and 31."];
            dayCount = 0;
        }

        GetAvailabilityReply reply;
        try
        {
            // A read: with the edge's own errors it still runs, so one answer names every bad field.
            reply = await scheduling.GetAvailabilityAsync(new GetAvailabilityRequest
            {
                TenantId = tenantId,
                QueueId = queueId ?? "",
                StartDate = start ?? "",
                Days = dayCount,
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (errors.Count > 0)
        {
            // Bad input answers 400 even when the queue is unknown too.
            if (e.StatusCode == StatusCode.InvalidArgument)
            {
                RpcExceptionHandler.AddFieldErrors(e, errors);
            }
            return TypedResults.ValidationProblem(errors);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(AvailabilityResponse.From(reply));
    }
}
