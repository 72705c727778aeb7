namespace VideoEngager.Scheduling.Queues;

/// <summary>What happens around a booking of this queue.</summary>
public sealed class QueueFlags
{
    public bool SendCustomerEmail { get; set; } = true;
    public bool NotifyAgent { get; set; } = true;
    public int ReminderOffsetMinutes { get; set; } = 15;
    public bool SmsReminders { get; set; }

    /// <summary>The reminder by e-mail: a queue may want reminders without confirmations, or the reverse.</summary>
    public bool ReminderEmail { get; set; } = true;

    /// <summary>A reminder is planned when it has a channel to go by.</summary>
    public bool AnyReminderChannel => ReminderEmail || SmsReminders;
}
