using Microsoft.Extensions.Caching.Memory;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>
/// Reads the interaction's state from the contact center. Several viewers of one booking share one look-up every
/// couple of seconds, so live pages never become the contact center's main load.
/// </summary>
internal sealed class InteractionQuery(
    BookingCommands bookings, IContactCenter contactCenter, IMemoryCache cache, TimeProvider clock, ILogger<InteractionQuery> logger)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    public async Task<InteractionStatusReply> GetAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(reference, cancellationToken);
        CallbackInfo? callback = null;
        if (booking.CallbackId is { } conversationId && booking.Status == BookingStatus.Confirmed)
        {
            callback = await cache.GetOrCreateAsync(("interaction", conversationId), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Freshness;
                try
                {
                    return await contactCenter.FindCallbackAsync(conversationId, cancellationToken);
                }
                catch (ContactCenterException e)
                {
                    // The page keeps the last state it showed; the next poll asks again.
                    SchedulingLog.ContactCenterUnavailable(logger, booking.Id, e.Status);
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.Zero;
                    return null;
                }
            });
        }
        return new InteractionStatusReply { Status = InteractionStatus.Of(booking, callback, clock.GetUtcNow()) };
    }
}
