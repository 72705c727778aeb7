using System.Globalization;
using System.Security.Claims;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Escalation.Availability;
using VideoEngager.Escalation.Bookings;
using VideoEngager.Escalation.Errors;
using VideoEngager.Escalation.Tenancy;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.VideoEngagerApi;

/// <summary>
/// The VideoEngager callback API over the same bookings, validation and rate limits: a drop-in for existing Genesys
/// widgets' servers. Every route is the tenant's own (HTTP Basic with its id and an API secret).
/// </summary>
internal static class VideoEngagerApiEndpoints
{
    public static IEndpointRouteBuilder MapVideoEngagerApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/genesys/callback")
            .RequireAuthorization(AuthorizationPolicies.TenantServer)
            .WithTags("VideoEngager-compatible");
        api.MapGet("/{tenantId}/availability", Availability).WithName("VideoEngagerAvailability")
            .WithSummary("Open slots and their seats left, from start for number-of-days (1-30).");
        api.MapPost("/tenant/{tenantId}", Create).WithName("VideoEngagerCreateCallback")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPatch("/{tenantId}/{scheduleId}", Reschedule).WithName("VideoEngagerRescheduleCallback")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{tenantId}/{scheduleId}", Cancel).WithName("VideoEngagerCancelCallback")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<Ok<SortedDictionary<string, int>>, ValidationProblem, ProblemHttpResult>> Availability(
        string tenantId, string? start, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "number-of-days")] string? numberOfDays,
        string? queueId, ClaimsPrincipal user, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        if (OtherTenant(tenantId, user) is { } forbidden)
        {
            return forbidden;
        }
        var errors = new Dictionary<string, string[]>();
        var days = 1;
        if (numberOfDays is not null
            && (!int.TryParse(numberOfDays, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > VideoEngagerMapping.MaxDays))
        {
            errors["number-of-days"] = [$"number-of-days must be a whole number between 1 and {VideoEngagerMapping.MaxDays}."];
        }
        DateTimeOffset? from = null;
        var startDate = "";
        if (!string.IsNullOrEmpty(start))
        {
            if (DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                startDate = start;
            }
            else if (InstantParsing.TryParse(start, out var instant))
            {
                from = instant.ToDateTimeOffset();
                startDate = from.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                errors["start"] = ["start must be a date (2026-12-03) or an ISO-8601 instant."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var reply = await scheduling.GetAvailabilityAsync(new GetAvailabilityRequest
        {
            TenantId = tenantId,
            QueueId = string.IsNullOrWhiteSpace(queueId) ? DefaultQueue(user) ?? "" : queueId,
            StartDate = startDate,
            // An instant late in a queue's day may reach into the next: one more day covers it.
            Days = Math.Min(31, days + (from is null ? 0 : 1)),
        }, cancellationToken: cancellationToken);
        return TypedResults.Ok(VideoEngagerMapping.ToAvailability(AvailabilityResponse.From(reply), from, from?.AddDays(days)));
    }

    internal static async Task<Results<Created<VideoEngagerCallbackResponse>, ValidationProblem, ProblemHttpResult>> Create(
        string tenantId, VideoEngagerCallbackRequest body, ClaimsPrincipal user, SchedulingClient scheduling, CalendarInvites invites,
        CancellationToken cancellationToken)
    {
        if (OtherTenant(tenantId, user) is { } forbidden)
        {
            return forbidden;
        }
        var errors = new Dictionary<string, string[]>();
        var request = VideoEngagerMapping.ToCreateRequest(body, tenantId, DefaultQueue(user), errors);
        try
        {
            if (errors.Count > 0)
            {
                request.ValidateOnly = true; // one answer names every bad field, the edge's and Scheduling's
            }
            var reply = await scheduling.CreateBookingAsync(request, cancellationToken: cancellationToken);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            return TypedResults.Created((string?)null, VideoEngagerMapping.ToResponse(reply, await InviteTextAsync(reply, invites, cancellationToken)));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            RpcExceptionHandler.AddFieldErrors(e, errors);
            return TypedResults.ValidationProblem(VideoEngagerMapping.RenameFields(errors));
        }
    }

    internal static async Task<Results<Ok<VideoEngagerCallbackResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(
        string tenantId, string scheduleId, VideoEngagerRescheduleRequest body, ClaimsPrincipal user, SchedulingClient scheduling,
        CalendarInvites invites, CancellationToken cancellationToken)
    {
        if (OtherTenant(tenantId, user) is { } forbidden)
        {
            return forbidden;
        }
        if (!InstantParsing.TryParse(body.Date, out var date))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["date"] = ["date must be an ISO-8601 instant such as 2026-12-03T06:30:00.000Z."],
            });
        }
        try
        {
            var reply = await scheduling.RescheduleBookingAsync(
                new RescheduleBookingRequest { BookingId = scheduleId, TenantId = tenantId, ScheduledTime = date },
                cancellationToken: cancellationToken);
            return TypedResults.Ok(VideoEngagerMapping.ToResponse(reply, await InviteTextAsync(reply, invites, cancellationToken)));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            var errors = new Dictionary<string, string[]>();
            RpcExceptionHandler.AddFieldErrors(e, errors);
            return TypedResults.ValidationProblem(errors.ToDictionary(p => p.Key == "scheduledTime" ? "date" : p.Key, p => p.Value));
        }
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Cancel(
        string tenantId, string scheduleId, ClaimsPrincipal user, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        if (OtherTenant(tenantId, user) is { } forbidden)
        {
            return forbidden;
        }
        await scheduling.CancelBookingAsync(new BookingRef { BookingId = scheduleId, TenantId = tenantId }, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A secret of one tenant opens that tenant's routes only.</summary>
    private static ProblemHttpResult? OtherTenant(string tenantId, ClaimsPrincipal user) =>
        string.Equals(tenantId, user.TenantId(), StringComparison.Ordinal)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "These credentials are for another tenant.");

    private static string? DefaultQueue(ClaimsPrincipal user) => user.FindFirst(TenantSecretAuthentication.QueueClaim)?.Value;

    private static async Task<string?> InviteTextAsync(BookingReply reply, CalendarInvites invites, CancellationToken cancellationToken)
    {
        if (reply.Immediate)
        {
            return null; // a call that starts now goes in no calendar
        }
        var invite = await invites.GetAsync(new BookingRef { BookingId = reply.BookingId, TenantId = reply.TenantId }, cancellationToken);
        return invite is { } found ? Encoding.UTF8.GetString(found.Content) : null;
    }
}
