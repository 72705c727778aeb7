namespace VideoEngager.Notifier.Notifications;

public enum NotificationKind
{
    /// <summary>The customer's invite: first booking (sequence 0) or an updated invite after a reschedule.</summary>
    CustomerConfirmation,
    CustomerCancellation,
    /// <summary>An agent's invite carrying the agent room URL; updated on reschedule like the customer's.</summary>
    AgentInvite,
    AgentCancellation,
    Reminder,
    /// <summary>Ad-hoc escalation: the call is starting now.</summary>
    VideoStarting,
}

public static class NotificationKindExtensions
{
    public static bool IsForAgent(this NotificationKind kind) =>
        kind is NotificationKind.AgentInvite or NotificationKind.AgentCancellation;

    public static bool IsCancellation(this NotificationKind kind) =>
        kind is NotificationKind.CustomerCancellation or NotificationKind.AgentCancellation;

    /// <summary>Kinds that carry a calendar invite (REQUEST) or its withdrawal (CANCEL).</summary>
    public static bool CarriesInvite(this NotificationKind kind) =>
        kind is NotificationKind.CustomerConfirmation or NotificationKind.AgentInvite || kind.IsCancellation();
}
