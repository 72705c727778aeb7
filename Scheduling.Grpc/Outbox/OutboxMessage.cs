namespace VideoEngager.Scheduling.Outbox;

/// <summary>Work that must follow a committed booking change; written in the booking's transaction.</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string BookingId { get; init; }

    /// <summary><see cref="OutboxChannels"/>: who consumes it.</summary>
    public required string Channel { get; init; }

    /// <summary><see cref="OutboxKinds"/>: what to do.</summary>
    public required string Kind { get; init; }

    /// <summary>The booking's sequence when written: a consumer skips a message the booking has moved past.</summary>
    public int Sequence { get; init; }

    /// <summary>An agent's e-mail for per-agent invites; otherwise empty.</summary>
    public string? Recipient { get; init; }

    /// <summary>
    /// Channel <c>notification</c>: the notification itself, a <c>BookingNotification</c> (Protos/notifications.proto),
    /// so its consumer never reads this service's tables. Null on the contact-center channel.
    /// </summary>
    public byte[]? Payload { get; init; }

    /// <summary>
    /// The contact-center message of the same booking this one must wait for (the one written before it); none for
    /// the first. Claims check it by primary key, so a backlog never makes the in-order rule a scan.
    /// </summary>
    public long? FollowsId { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the span that wrote it: its consumer's span links to that trace.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when the consumer gave up after its bounded attempts (a permanent error or too many retries).</summary>
    public DateTimeOffset? FailedAt { get; set; }
}

public static class OutboxChannels
{
    public const string ContactCenter = "contact-center";
    public const string Notification = VideoEngager.Notifications.NotificationKindExtensions.OutboxChannel;
}

/// <summary>The contact-center channel's kinds; notification kinds are the contract's (NotificationKind).</summary>
public static class OutboxKinds
{
    public const string CallbackCreate = "callback.create";
    public const string CallbackUpdate = "callback.update";
    public const string CallbackCancel = "callback.cancel";
}
