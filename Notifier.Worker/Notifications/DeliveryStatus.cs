namespace VideoEngager.Notifier.Notifications;

/// <summary>What became of one e-mail or SMS; the outbox loop marks the job from it.</summary>
public enum DeliveryStatus
{
    Sent,
    /// <summary>Refused for good (SMTP 5xx, HTTP 4xx): retrying the same message won't help.</summary>
    Rejected,
    /// <summary>Temporary (SMTP 4xx, HTTP 429/5xx, a timeout or a dropped connection): retry later with the same Message-ID.</summary>
    Failed,
}
