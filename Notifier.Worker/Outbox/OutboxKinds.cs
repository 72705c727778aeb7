using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Outbox;

/// <summary>The <c>kind</c> values Scheduling.Grpc writes for channel <c>notification</c>.</summary>
public static class OutboxKinds
{
    public const string Channel = "notification";

    private static readonly Dictionary<string, NotificationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["email.customer-confirmation"] = NotificationKind.CustomerConfirmation,
        ["email.customer-cancellation"] = NotificationKind.CustomerCancellation,
        ["email.agent-invite"] = NotificationKind.AgentInvite,
        ["email.agent-cancellation"] = NotificationKind.AgentCancellation,
        ["reminder"] = NotificationKind.Reminder,
        ["email.video-starting"] = NotificationKind.VideoStarting,
    };

    public static bool TryParse(string kind, out NotificationKind parsed) => Kinds.TryGetValue(kind, out parsed);
}
