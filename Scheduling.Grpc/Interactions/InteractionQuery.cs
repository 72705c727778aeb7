using Microsoft.Extensions.Caching.Memory;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>
/// The interaction's state: the booking, and its callback as the platform's events last told it. Only while the events
/// are not arriving (and no event told of the callback yet) is the platform asked, and then viewers of one booking
/// share one look-up every couple of seconds, so live pages never become the contact center's main load.
/// </summary>
internal sealed class InteractionQuery(
    BookingCommands bookings, IContactCenter contactCenter, CallbackStates states, InteractionEvents events,
    IMemoryCache cache, TimeProvider clock, ILogger<InteractionQuery> logger)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    public async Task<InteractionStatusReply> GetAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(reference, cancellationToken);
        CallbackInfo? callback = null;
        if (booking.CallbackId is { } conversationId && booking.Status == BookingStatus.Confirmed)
        {
            callback = await states.GetAsync(conversationId)
                ?? (events.Listening ? null : await AskPlatformAsync(booking, conversationId, cancellationToken));
        }
        return new InteractionStatusReply { Status = InteractionStatus.Of(booking, callback, clock.GetUtcNow()) };
    }

    private async Task<CallbackInfo?> AskPlatformAsync(Booking booking, string conversationId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("interaction", conversationId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            try
            {
                return await contactCenter.FindCallbackAsync(conversationId, cancellationToken);
            }
            catch (ContactCenterException e)
            {
                // The page keeps the last state it showed; the next read asks again.
                SchedulingLog.ContactCenterUnavailable(logger, booking.Id, e.Status);
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.Zero;
                return null;
            }
        });
}
