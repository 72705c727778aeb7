namespace VideoEngager.Notifier.Notifications;

/// <summary>The queue's notification flags, as a booking's notifications are decided by them.</summary>
/// <param name="ReminderOffsetMinutes">Null means the default 15; 0 or less turns reminders off.</param>
/// <param name="ReminderEmail">The reminder by e-mail, a switch of its own: not the confirmation's.</param>
public sealed record NotificationFlags(
    bool SendCustomerEmail, bool NotifyAgent, int? ReminderOffsetMinutes = 15, bool SmsReminders = false, bool ReminderEmail = true);
