namespace VideoEngager.Scheduling.Queues;

/// <summary>What happens around a booking of this queue.</summary>
public sealed class QueueFlags
{
    public bool SendCustomerEmail { get; set; } = true;
    public bool NotifyAgent { get; set; } = true;
    public int ReminderOffsetMinutes { get; set; } = 15;
    public bool SmsReminders { get; set; }
}
