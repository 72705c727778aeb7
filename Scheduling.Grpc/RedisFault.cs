using StackExchange.Redis;

namespace VideoEngager.Scheduling;

/// <summary>Redis could not answer: down, unreachable or too slow. Redis is a courtesy here, never the guard.</summary>
internal static class RedisFault
{
    /// <remarks>A timeout is a <see cref="TimeoutException"/>, not a <see cref="RedisException"/>.</remarks>
    public static bool Is(Exception e) => e is RedisException or RedisTimeoutException;
}
