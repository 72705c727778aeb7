using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Genesys.Emulator.RateLimits;

internal sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Platform API requests one OAuth client may make per minute; the platform's default is 300.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 300;
}
