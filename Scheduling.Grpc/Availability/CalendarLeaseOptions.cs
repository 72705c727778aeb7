using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Availability;

public sealed class CalendarLeaseOptions
{
    public const string Section = "CalendarLeases";

    /// <summary>
    /// How long a replica may answer a queue's calendar from memory before it asks Redis again. Also the longest a write
    /// waits for a replica that does not acknowledge its revoke, and what every write waits while Redis is unreachable.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(1);
}
