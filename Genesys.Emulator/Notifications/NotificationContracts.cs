using System.Text.Json;
using System.Text.Json.Serialization;
using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Notifications;

// The SDKs' Channel, ChannelTopic(EntityListing) and the callback topic's event, as far as served here.

internal sealed record ChannelResponse(Guid Id, string ConnectUri, DateTimeOffset Expires);

internal sealed record ChannelTopicRequest(string? Id);

internal sealed record ChannelTopic(string Id, string? State, string? RejectionReason);

internal sealed record ChannelTopicListing(IReadOnlyList<ChannelTopic> Entities);

internal sealed record NotificationFrame(string TopicName, string Version, object EventBody, NotificationMetadata? Metadata = null)
{
    /// <summary>Camel case, absent values left out, instants as the platform writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcInstantConverter() },
    };
}

internal sealed record NotificationMetadata(Guid CorrelationId);

internal sealed record HeartbeatBody(string Message);

/// <summary>The SDKs' <c>QueueConversationCallbackEventTopicCallbackConversation</c>.</summary>
internal sealed record CallbackEventBody(Guid Id, IReadOnlyList<CallbackEventParticipant> Participants)
{
    public static CallbackEventBody Of(CallbackSnapshot callback) => new(
        callback.Id,
        [.. callback.Participants.Select(p => new CallbackEventParticipant(
            p.Id,
            p.Purpose.ToString().ToLowerInvariant(),
            p.State.ToString().ToLowerInvariant(),
            new EntityRef(callback.Request.QueueId),
            p.UserId is { } user ? new EntityRef(user) : null,
            callback.Request.Data,
            p.State == ParticipantState.Disconnected ? callback.EndedAt : null,
            callback.Request.CallbackNumbers,
            callback.Request.CallbackUserName,
            callback.Request.ScheduledTime))]);
}

internal sealed record CallbackEventParticipant(
    Guid Id,
    string Purpose,
    string State,
    EntityRef Queue,
    EntityRef? User,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset? EndTime,
    IReadOnlyList<string> CallbackNumbers,
    string? CallbackUserName,
    DateTimeOffset? CallbackScheduledTime);
