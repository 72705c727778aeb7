using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Sms;

/// <param name="To">The recipient's number in E.164.</param>
public sealed record SmsMessage(string To, string Body);

/// <param name="Reference">The provider's message id when accepted.</param>
/// <param name="Detail">The provider's status and error code; never the number or the text.</param>
public sealed record SmsDelivery(DeliveryStatus Status, string? Reference = null, string? Detail = null);

/// <summary>Sends SMS reminders; pluggable so another provider can replace the Twilio-compatible one.</summary>
public interface ISmsSender
{
    /// <summary>False when no provider is configured; the caller then skips SMS reminders.</summary>
    bool Enabled { get; }

    /// <exception cref="InvalidOperationException">SMS is not configured (<see cref="Enabled"/> is false).</exception>
    Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
