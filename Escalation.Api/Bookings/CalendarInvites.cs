using Grpc.Core;
using VideoEngager.Notifications.Invites;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Bookings;

/// <summary>
/// A booking's <c>.ics</c>: Scheduling.Grpc answers the customer's invite in the outbox contract's form, and it is
/// rendered here by the same library Notifier.Worker mails it with, so the download and the mail are the same invite.
/// </summary>
internal sealed class CalendarInvites(SchedulingClient scheduling, TimeProvider clock)
{
    /// <returns>The invite, or null for an unknown booking or a wrong token.</returns>
    public async Task<CalendarFile?> GetAsync(BookingRef booking, CancellationToken cancellationToken)
    {
        try
        {
            var invite = await scheduling.GetCustomerInviteAsync(booking, cancellationToken: cancellationToken);
            return CalendarFile.For(invite, clock.GetUtcNow());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
