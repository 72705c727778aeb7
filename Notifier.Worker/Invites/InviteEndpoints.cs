using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Outbox;

namespace VideoEngager.Notifier.Invites;

/// <summary>
/// The booking's calendar invite as it stands, for the public edge's <c>.ics</c> download: the same REQUEST (or
/// CANCEL) the customer was mailed, with the booking's current SEQUENCE. Internal: only Escalation.Api calls it.
/// </summary>
internal static class InviteEndpoints
{
    public const string ContentType = "text/calendar";

    public static IEndpointRouteBuilder MapInviteEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/invites/{bookingId}", GetInvite).ExcludeFromDescription();
        return routes;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> GetInvite(
        string bookingId, string? token, OutboxStore store, IOptions<BookingLinkOptions> links, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var rows = await store.LoadBookingsAsync([bookingId], cancellationToken);
        if (!rows.TryGetValue(bookingId, out var row) || !TokenMatches(row.ManageToken, token))
        {
            return TypedResults.NotFound();
        }

        var booking = BookingStates.From(row, links.Value.PublicBaseUrl).Snapshot;
        var job = NotificationJob.ForCustomer(
            booking.Cancelled ? NotificationKind.CustomerCancellation : NotificationKind.CustomerConfirmation, booking);
        var method = booking.Cancelled ? InviteMethod.Cancel : InviteMethod.Request;
        var ics = InviteBuilder.Build(
            method, booking, job.Recipient, job.Sequence, NotificationContent.Invite(job, NotificationContent.Body(job)), clock.GetUtcNow());
        return TypedResults.File(
            Encoding.UTF8.GetBytes(ics), $"{ContentType}; method={method.ToIcsValue()}; charset=UTF-8", EmailComposer.InviteFileName);
    }

    private static bool TokenMatches(string expected, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
