namespace VideoEngager.Notifier.Outbox;

/// <summary>A claimed <c>outbox</c> row of channel <c>notification</c>.</summary>
/// <param name="Payload">The notification itself: a <c>BookingNotification</c> (Protos/notifications.proto).</param>
/// <param name="Attempts">Failed attempts so far (0 on the first try).</param>
/// <param name="TraceParent">The W3C traceparent of the booking change that wrote it, if it was traced.</param>
public sealed record OutboxRow(long Id, string Kind, byte[] Payload, int Attempts, string? TraceParent = null);
