using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Email;

/// <param name="MessageId">The message's Message-ID, which ties the result back to its job.</param>
/// <param name="Detail">The server's status code and reply, or the failure's type; never the message content.</param>
public sealed record MailDelivery(string MessageId, DeliveryStatus Status, string? Detail = null);
