namespace VideoEngager.Notifier.Outbox;

/// <summary>A claimed <c>outbox</c> row of channel <c>notification</c>.</summary>
/// <param name="Payload">The notification itself: a <c>BookingNotification</c> (Protos/notifications.proto).</param>
/// <param name="Attempts">Failed attempts so far (0 on the first try).</param>
public sealed record OutboxRow(long Id, string Kind, byte[] Payload, int Attempts);
