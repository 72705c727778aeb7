using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Availability;

public sealed class CalendarLeaseOptions
{
    public const string Section = "CalendarLeases";

    /// <summary>
    /// How long a replica may answer a queue's calendar from memory before it asks Redis again. A write waits for a
    /// replica that does not acknowledge its revoke until that replica's lease has run out, and, while Redis is
    /// unreachable, one lifetime of its own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(1);
}
