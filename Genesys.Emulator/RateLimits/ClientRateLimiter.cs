using Microsoft.Extensions.Options;

namespace VideoEngager.Genesys.Emulator.RateLimits;

/// <summary>A fixed one-minute window per OAuth client, as the platform counts API requests.</summary>
internal sealed class ClientRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public RateLimitDecision Count(string clientKey)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_windows.TryGetValue(clientKey, out var window) || now - window.Start >= Window)
            {
                window = (now, 0);
            }
            window.Count++;
            _windows[clientKey] = window;
            var reset = (int)Math.Ceiling((window.Start + Window - now).TotalSeconds);
            var allowed = options.Value.RequestsPerMinute;
            return new RateLimitDecision(allowed, Math.Min(window.Count, allowed), Math.Max(reset, 1), window.Count > allowed);
        }
    }
}

internal readonly record struct RateLimitDecision(int Allowed, int Count, int ResetSeconds, bool Exceeded);
