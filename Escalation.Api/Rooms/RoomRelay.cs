using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace VideoEngager.Escalation.Rooms;

/// <summary>What one signalling connection tells another through Redis.</summary>
/// <param name="Kind">
/// <c>relay</c> (a message for the other party's page), <c>joined</c> (a party connected), <c>here</c> (the answer to
/// <c>joined</c>: the other party was already connected), <c>left</c> / <c>disconnected</c> (a hang-up, or a lost
/// connection), <c>takeover</c> (a newer connection of the same party: the older one must go).
/// </param>
/// <param name="Connection">The sending connection's id.</param>
/// <param name="Payload">For <c>relay</c>: the JSON message for the page.</param>
/// <param name="Generation">For <c>takeover</c>: the connection's place in its party's order of connections.</param>
public sealed record RelayEnvelope(string Kind, string Connection, JsonElement? Payload = null, long? Generation = null);

[JsonSerializable(typeof(RelayEnvelope))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class RelayJson : JsonSerializerContext;

/// <summary>
/// Carries signalling between the parties of a room through Redis pub/sub, so the customer and the agent may be
/// connected to different replicas. Each party has an inbox channel; a connection reads its own party's inbox and
/// writes to the other's. Messages of one publisher arrive in order, which SDP and ICE candidates need.
/// </summary>
internal sealed class RoomRelay(IConnectionMultiplexer redis)
{
    public static string Inbox(string bookingId, string party) => $"videoengager:room:{bookingId}:{party}";

    public async Task<ChannelMessageQueue> ListenAsync(string bookingId, string party) =>
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Inbox(bookingId, party)));

    /// <summary>
    /// A party's connections in order: of two that start at once, the later one wins, so they never both give way.
    /// </summary>
    public async Task<long> NextGenerationAsync(string bookingId, string party)
    {
        var key = (RedisKey)$"{Inbox(bookingId, party)}:generation";
        var database = redis.GetDatabase();
        var generation = await database.StringIncrementAsync(key);
        await database.KeyExpireAsync(key, TimeSpan.FromDays(8)); // past any room's closing
        return generation;
    }

    public Task SendAsync(string bookingId, string party, RelayEnvelope envelope) =>
        redis.GetSubscriber().PublishAsync(
            RedisChannel.Literal(Inbox(bookingId, party)),
            JsonSerializer.SerializeToUtf8Bytes(envelope, RelayJson.Default.RelayEnvelope));

    public static RelayEnvelope? Read(RedisValue message)
    {
        try
        {
            return JsonSerializer.Deserialize((byte[])message!, RelayJson.Default.RelayEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
