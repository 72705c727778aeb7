using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VideoEngager.Escalation.Errors;
using VideoEngager.Escalation.Pages;
using VideoEngager.Escalation.Tenancy;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Bookings;

internal static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder routes)
    {
        var widget = routes.MapGroup("").RequireAuthorization(AuthorizationPolicies.Widget);
        widget.MapPost("/holds", CreateHold).WithName("CreateHold")
            .WithSummary("Keeps a seat of a slot for a few minutes while the visitor confirms.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        widget.MapDelete("/holds/{holdId}", ReleaseHold).WithName("ReleaseHold")
            .ProducesProblem(StatusCodes.Status404NotFound);
        widget.MapPost("/create", Create).WithName("CreateBooking")
            .WithSummary("Books a slot, or starts an immediate video interaction with desiredTime \"now\"; with a chat's "
                + "conversationId or messageId the video leg joins that chat (200 with the chat's live leg when it has one).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Opened from the visitor's e-mail: the manage token is the credential.
        var manage = routes.MapGroup("/bookings/{bookingId}");
        manage.MapGet("", Get).WithName("GetBooking").ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/ics", GetInvite).WithName("GetBookingInvite")
            .WithSummary("The booking's calendar invite (.ics): REQUEST with its current SEQUENCE, or CANCEL once cancelled.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapPost("/cancel", Cancel).WithName("CancelBooking").ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapPost("/reschedule", Reschedule).WithName("RescheduleBooking")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    internal static async Task<Results<Created<HoldResponse>, ValidationProblem>> CreateHold(
        HoldRequest body, ClaimsPrincipal user, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        var request = new HoldSlotRequest { TenantId = user.TenantId(), QueueId = body.QueueId ?? "" };
        if (body.Start is not null)
        {
            if (!InstantParsing.TryParse(body.Start, out var start))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["start"] = ["start must be an ISO-8601 instant such as 2026-12-03T06:30:00Z."],
                });
            }
            request.Start = start;
        }
        var reply = await scheduling.HoldSlotAsync(request, cancellationToken: cancellationToken);
        return TypedResults.Created((string?)null, new HoldResponse(reply.HoldId, reply.ExpiresAt.ToDateTime()));
    }

    internal static async Task<NoContent> ReleaseHold(
        string holdId, ClaimsPrincipal user, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        await scheduling.ReleaseHoldAsync(new ReleaseHoldRequest { TenantId = user.TenantId(), HoldId = holdId }, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Created<BookingCreatedResponse>, Ok<BookingCreatedResponse>, ValidationProblem>> Create(
        CreateBookingRequest body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        SchedulingClient scheduling,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (idempotencyKey is { Length: > 200 })
        {
            errors["Idempotency-Key"] = ["An Idempotency-Key has at most 200 characters."];
        }
        var request = BookingMapping.ToGrpc(body, user.TenantId(), idempotencyKey, errors);
        if (errors.Count > 0)
        {
            await AddSchedulingErrorsAsync(request, errors, scheduling, cancellationToken);
            return TypedResults.ValidationProblem(errors);
        }
        var reply = await scheduling.CreateBookingAsync(request, cancellationToken: cancellationToken);
        // A second Start Video for a chat gets the leg it already has: nothing was created.
        return reply.Existing
            ? TypedResults.Ok(BookingMapping.ToCreated(reply))
            : TypedResults.Created((string?)null, BookingMapping.ToCreated(reply));
    }

    internal static async Task<Results<Ok<BookingResponse>, ContentHttpResult>> Get(
        HttpContext context, string bookingId, string? token, string? lang, SchedulingClient scheduling,
        PageTemplates templates, CancellationToken cancellationToken)
    {
        ManagePageEndpoints.VaryByAccept(context.Response);
        if (ManagePageEndpoints.PrefersHtml(context.Request))
        {
            return await ManagePageEndpoints.Manage(context, bookingId, token, lang, scheduling, templates); // the mails' link, in a browser
        }
        var reply = await scheduling.GetBookingAsync(Reference(bookingId, token), cancellationToken: cancellationToken);
        return TypedResults.Ok(BookingMapping.ToResponse(reply));
    }

    internal static async Task<Ok<BookingResponse>> Cancel(
        string bookingId, string? token, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        var reply = await scheduling.CancelBookingAsync(Reference(bookingId, token), cancellationToken: cancellationToken);
        return TypedResults.Ok(BookingMapping.ToResponse(reply));
    }

    internal static async Task<Results<Ok<BookingResponse>, ValidationProblem>> Reschedule(
        string bookingId, string? token, RescheduleRequest body, SchedulingClient scheduling, CancellationToken cancellationToken)
    {
        var request = new RescheduleBookingRequest { BookingId = bookingId, Token = token ?? "" };
        if (body.ScheduledTime is not null)
        {
            if (!InstantParsing.TryParse(body.ScheduledTime, out var scheduled))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["scheduledTime"] = ["scheduledTime must be an ISO-8601 instant such as 2026-12-03T06:30:00Z."],
                });
            }
            request.ScheduledTime = scheduled;
        }
        var reply = await scheduling.RescheduleBookingAsync(request, cancellationToken: cancellationToken);
        return TypedResults.Ok(BookingMapping.ToResponse(reply));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetInvite(
        string bookingId, string? token, CalendarInvites invites, CancellationToken cancellationToken)
    {
        var invite = string.IsNullOrEmpty(token)
            ? null
            : await invites.GetAsync(new BookingRef { BookingId = bookingId, Token = token }, cancellationToken);
        return invite is { } found
            ? TypedResults.File(found.Content, found.ContentType, found.FileName)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Booking was not found.");
    }

    /// <summary>Asks Scheduling to judge the rest, so one answer names every bad field.</summary>
    private static async Task AddSchedulingErrorsAsync(
        Scheduling.V1.CreateBookingRequest request, Dictionary<string, string[]> errors, SchedulingClient scheduling,
        CancellationToken cancellationToken)
    {
        var check = request.Clone();
        check.ValidateOnly = true;
        check.IdempotencyKey = "";
        try
        {
            await scheduling.CreateBookingAsync(check, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            RpcExceptionHandler.AddFieldErrors(e, errors);
        }
        catch (RpcException)
        {
            // An unknown queue or an unreachable service: the edge's own errors still stand.
        }
    }

    private static BookingRef Reference(string bookingId, string? token) => new() { BookingId = bookingId, Token = token ?? "" };
}
