namespace VideoEngager.Scheduling;

/// <summary>Every log line Scheduling.Grpc writes. Personal data is never a parameter here unless classified.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(1000, LogLevel.Information, "Database migrations applied")]
    public static partial void MigrationsApplied(ILogger logger);

    [LoggerMessage(1001, LogLevel.Information, "Seeded demo tenant {TenantId}")]
    public static partial void DemoTenantSeeded(ILogger logger, string tenantId);

    [LoggerMessage(1002, LogLevel.Warning, "Redis is unavailable ({Error}); continuing without it")]
    public static partial void RedisUnavailable(ILogger logger, string error);

    [LoggerMessage(1003, LogLevel.Information, "Booking {BookingId} created in queue {QueueId} for {ScheduledTime}")]
    public static partial void BookingCreated(ILogger logger, string bookingId, string queueId, DateTimeOffset scheduledTime);

    [LoggerMessage(1004, LogLevel.Information, "Booking {BookingId} cancelled")]
    public static partial void BookingCancelled(ILogger logger, string bookingId);

    [LoggerMessage(1005, LogLevel.Information, "Booking {BookingId} rescheduled to {ScheduledTime} (sequence {Sequence})")]
    public static partial void BookingRescheduled(ILogger logger, string bookingId, DateTimeOffset scheduledTime, int sequence);

    [LoggerMessage(1006, LogLevel.Information, "Slot {SlotStart} of queue {QueueId} is full")]
    public static partial void SlotFull(ILogger logger, string queueId, DateTimeOffset slotStart);

    [LoggerMessage(1007, LogLevel.Warning, "Could not read the interaction of booking {BookingId} from the contact center (status {Status})")]
    public static partial void ContactCenterUnavailable(ILogger logger, string bookingId, int? status);

    [LoggerMessage(1008, LogLevel.Information, "Deleted {Count} settled outbox messages past their retention")]
    public static partial void OutboxPruned(ILogger logger, long count);

    [LoggerMessage(1009, LogLevel.Warning, "Deleting old outbox messages failed; trying again at the next interval")]
    public static partial void OutboxPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Warning, "A replica holding a calendar lease did not acknowledge its revoke; waited {Waited} for the lease to run out")]
    public static partial void LeaseHolderSilent(ILogger logger, TimeSpan waited);

    [LoggerMessage(1011, LogLevel.Warning, "The status of booking {BookingId} could not be published ({Error}); streams read it at their next safety check")]
    public static partial void InteractionNotPublished(ILogger logger, string bookingId, string error);

    [LoggerMessage(1012, LogLevel.Information, "Listening to the contact center's callback events: {Topics} queue topics on channel {ChannelId}")]
    public static partial void EventsListening(ILogger logger, int topics, string channelId);

    [LoggerMessage(1013, LogLevel.Warning, "The contact center's event channel is lost; status reads fall back to the platform until it is back (next try in {Delay})")]
    public static partial void EventsLost(ILogger logger, Exception exception, TimeSpan delay);
}
