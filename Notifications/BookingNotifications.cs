namespace VideoEngager.Notifications;

/// <summary>Reads the outbox contract (<see cref="BookingNotification"/>) into the job a notification is made from.</summary>
public static class BookingNotifications
{
    /// <exception cref="FormatException">A part every notification needs is missing.</exception>
    public static NotificationJob ToJob(this BookingNotification notification)
    {
        var facts = notification.Booking ?? throw new FormatException("The notification names no booking.");
        if (notification.Kind == NotificationKind.Unspecified || !Enum.IsDefined(notification.Kind))
        {
            throw new FormatException($"Unknown notification kind {(int)notification.Kind}.");
        }
        if (string.IsNullOrWhiteSpace(notification.Recipient?.Email))
        {
            throw new FormatException("The notification has no recipient.");
        }
        if (facts.ScheduledTime is null || facts.Links is null)
        {
            throw new FormatException("The notification's booking has no time or no links.");
        }
        var booking = new BookingSnapshot(
            BookingId: facts.BookingId,
            TenantId: facts.TenantId,
            TenantName: facts.TenantName,
            SenderEmail: facts.SenderEmail,
            QueueName: facts.QueueName,
            ScheduledTime: facts.ScheduledTime.ToDateTimeOffset(),
            DurationMinutes: facts.DurationMinutes,
            Sequence: facts.Sequence,
            Cancelled: facts.Cancelled,
            VisitorName: facts.VisitorName,
            VisitorEmail: facts.VisitorEmail,
            VisitorPhone: string.IsNullOrWhiteSpace(facts.VisitorPhone) ? null : facts.VisitorPhone,
            PreferredLang: facts.PreferredLang,
            CustomerUrl: facts.Links.CustomerRoom,
            AgentUrl: facts.Links.AgentRoom,
            ManageUrl: facts.Links.Manage,
            TimeZone: facts.TimeZone);
        var recipient = notification.Recipient;
        return new NotificationJob(
            notification.Kind, booking, new Recipient(recipient.Name, recipient.Email, recipient.Lang.Length == 0 ? null : recipient.Lang),
            facts.Sequence);
    }
}
