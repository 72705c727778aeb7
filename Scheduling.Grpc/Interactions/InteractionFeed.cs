using StackExchange.Redis;
using VideoEngager.Interactions;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>
/// Tells every edge replica a booking's status as it is now (Redis pub/sub), after the platform or the room changed
/// it. Publishing a status that did not change is harmless: the visitor's stream sends changes only.
/// </summary>
internal sealed class InteractionFeed(IConnectionMultiplexer redis, CallbackStates states, TimeProvider clock, ILogger<InteractionFeed> logger)
{
    public async Task PublishAsync(Booking booking, CallbackInfo? callback = null)
    {
        try
        {
            callback ??= booking.CallbackId is { } conversationId ? await states.GetAsync(conversationId) : null;
            var status = InteractionStatus.Of(booking, callback, clock.GetUtcNow());
            await redis.GetSubscriber().PublishAsync(
                RedisChannel.Literal(InteractionUpdates.ChannelFor(booking.Id)), InteractionUpdates.Message(status));
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            // The streams' slow safety read picks the change up.
            SchedulingLog.InteractionNotPublished(logger, booking.Id, e.GetType().Name);
        }
    }
}
