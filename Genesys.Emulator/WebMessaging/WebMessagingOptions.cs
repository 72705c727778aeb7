using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Genesys.Emulator.WebMessaging;

/// <summary>The guest API's limits, as documented for Web Messaging.</summary>
internal sealed class WebMessagingOptions
{
    public const string Section = "WebMessaging";

    [Range(1, 100)]
    public int MaxMessagesPerSecond { get; set; } = 2;

    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 3;

    [Range(1, 65_536)]
    public int MaxCustomDataBytes { get; set; } = 2048;

    [Range(1, 65_536)]
    public int MaxTextLength { get; set; } = 4096;
}
