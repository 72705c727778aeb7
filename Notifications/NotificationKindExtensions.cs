namespace VideoEngager.Notifications;

/// <summary>What each kind of the contract's <see cref="NotificationKind"/> is, written once for every service.</summary>
public static class NotificationKindExtensions
{
    // The outbox row's `kind` column: for people reading the table, and for the contract's readers that only claim.
    private static readonly Dictionary<NotificationKind, string> ColumnValues = new()
    {
        [NotificationKind.CustomerConfirmation] = "email.customer-confirmation",
        [NotificationKind.CustomerCancellation] = "email.customer-cancellation",
        [NotificationKind.AgentInvite] = "email.agent-invite",
        [NotificationKind.AgentCancellation] = "email.agent-cancellation",
        [NotificationKind.Reminder] = "reminder",
        [NotificationKind.VideoStarting] = "email.video-starting",
    };

    /// <summary>The outbox channel every notification is written to.</summary>
    public const string OutboxChannel = "notification";

    /// <summary>The value of the outbox row's <c>kind</c> column.</summary>
    public static string ToOutboxKind(this NotificationKind kind) =>
        ColumnValues.TryGetValue(kind, out var value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification kind.");

    public static bool IsForAgent(this NotificationKind kind) =>
        kind is NotificationKind.AgentInvite or NotificationKind.AgentCancellation;

    public static bool IsCancellation(this NotificationKind kind) =>
        kind is NotificationKind.CustomerCancellation or NotificationKind.AgentCancellation;

    /// <summary>Kinds that carry a calendar invite (REQUEST) or its withdrawal (CANCEL).</summary>
    public static bool CarriesInvite(this NotificationKind kind) =>
        kind is NotificationKind.CustomerConfirmation or NotificationKind.AgentInvite || kind.IsCancellation();
}
