namespace VideoEngager.Notifications;

/// <summary>One message to one recipient, as the outbox loop claims it.</summary>
/// <param name="Sequence">The invite's SEQUENCE; for a cancellation the caller passes one above the last sent.</param>
public sealed record NotificationJob(NotificationKind Kind, BookingSnapshot Booking, Recipient Recipient, int Sequence)
{
    public static NotificationJob ForCustomer(NotificationKind kind, BookingSnapshot booking, int? sequence = null) =>
        new(kind, booking, Recipient.Customer(booking), sequence ?? booking.Sequence);

    public static NotificationJob ForAgent(
        NotificationKind kind, BookingSnapshot booking, Recipient agent, int? sequence = null) =>
        new(kind, booking, agent, sequence ?? booking.Sequence);

    /// <summary>Deterministic, so a resend after a crash carries the same Message-ID.</summary>
    public string MessageId => MessageIds.For(Booking.BookingId, Kind, Recipient.Email, Sequence);
}
