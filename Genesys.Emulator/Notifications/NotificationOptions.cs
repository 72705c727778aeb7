using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Genesys.Emulator.Notifications;

/// <summary>The Notifications API's limits, as the platform documents them.</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>A channel lives this long unless it is subscribed again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan ChannelLifetime { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int MaxTopicsPerChannel { get; set; } = 1000;
}
