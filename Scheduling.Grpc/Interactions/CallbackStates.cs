using System.Text.Json;
using StackExchange.Redis;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>
/// The last state the platform's events told of each callback, shared by every Scheduling replica (Redis), so a
/// status read never has to ask the platform. Entries expire after a day: by then the interaction is long over.
/// </summary>
internal sealed class CallbackStates(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public async Task SetAsync(CallbackInfo callback)
    {
        var state = new StoredState(callback.Ended, callback.AgentConnected, callback.Offered);
        await redis.GetDatabase().StringSetAsync(Key(callback.ConversationId), JsonSerializer.Serialize(state, JsonSerializerOptions.Web), Lifetime);
    }

    /// <summary>The callback as last told, or null when no event has told of it (or Redis cannot be read).</summary>
    public async Task<CallbackInfo?> GetAsync(string conversationId)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(conversationId));
            return value.IsNullOrEmpty || JsonSerializer.Deserialize<StoredState>(value.ToString(), JsonSerializerOptions.Web) is not { } state
                ? null
                : new CallbackInfo(conversationId, null, null, state.Ended, new Dictionary<string, string>(), state.AgentConnected, state.Offered);
        }
        catch (Exception e) when (RedisFault.Is(e) || e is JsonException)
        {
            return null;
        }
    }

    private static string Key(string conversationId) => $"videoengager:callback-state:{conversationId}";

    private sealed record StoredState(bool Ended, bool AgentConnected, bool Offered);
}
