using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoEngager.Scheduling.ContactCenter;

// The Platform API's shapes, as far as this client uses them (see docs/genesys.md).

internal sealed record CreateCallbackBody(
    RoutingDataBody RoutingData,
    string CallbackUserName,
    IReadOnlyList<string> CallbackNumbers,
    string? CallbackScheduledTime,
    string? CountryCode,
    IReadOnlyDictionary<string, string> Data);

internal sealed record RoutingDataBody(string QueueId, IReadOnlyList<string> SkillIds, string? LanguageId, int Priority);

internal sealed record PatchCallbackBody(string ConversationId, string CallbackScheduledTime);

internal sealed record BulkDisconnectBody(IReadOnlyList<DisconnectIdentifier> CallbackDisconnectIdentifiers);

/// <summary>The contract names both ids; a callback found by search (its create unanswered) has no callback id.</summary>
internal sealed record DisconnectIdentifier(string ConversationId, string? CallbackId);

internal sealed record EntityRefWire(string? Id);

internal sealed record CallbackIdentifierWire(string? Type, string? Id);

internal sealed record CreateCallbackAnswer(EntityRefWire? Conversation, List<CallbackIdentifierWire>? CallbackIdentifiers);

internal sealed record CallbackConversationWire(string? Id, List<ParticipantWire>? Participants);

internal sealed record ParticipantWire(
    string? Purpose, string? State, EntityRefWire? Queue, Dictionary<string, string>? Attributes, DateTimeOffset? CallbackScheduledTime);

/// <summary>The SDKs' <c>Channel</c>.</summary>
internal sealed record ChannelWire(string? Id, Uri? ConnectUri, DateTimeOffset? Expires);

internal sealed record ChannelTopicWire(string Id);

/// <summary>A notification: <c>{topicName, version, eventBody}</c>; for the callback topic the body is a conversation.</summary>
internal sealed record NotificationWire(string? TopicName, CallbackConversationWire? EventBody);

/// <summary>The SDKs' <c>ConversationParticipantSearchRequest</c>, as far as used: criteria and the cursor.</summary>
internal sealed record ParticipantSearchBody(IReadOnlyList<SearchCriterionBody> Query, string? Cursor);

internal sealed record SearchCriterionBody(string Type, IReadOnlyList<string> Fields, string Value);

/// <summary>
/// Read leniently: a row's id as <c>conversation.id</c> or as <c>conversationId</c>, and the next page by
/// <c>cursor</c> (the SDKs' <c>JsonCursorSearchResponse</c>).
/// </summary>
internal sealed record ParticipantSearchAnswer(List<ParticipantSearchRowWire>? Results, string? Cursor);

internal sealed record ParticipantSearchRowWire(EntityRefWire? Conversation, string? ConversationId);

/// <summary>The SDKs' <c>MessageData</c>, as far as used: which conversation a message is in.</summary>
internal sealed record MessageDetailsWire(string? Id, string? ConversationId);

/// <summary>The SDKs' <c>Conversation</c>, as far as used: participants with their message and callback legs.</summary>
internal sealed record ConversationWire(string? Id, List<ConversationParticipantWire>? Participants);

internal sealed record ConversationParticipantWire(
    string? Id,
    string? Purpose,
    string? State,
    Dictionary<string, string>? Attributes,
    List<CommunicationWire>? Messages,
    List<CommunicationWire>? Callbacks);

internal sealed record CommunicationWire(string? Id, string? State);

internal sealed record NamedEntityWire(string? Id, string? Name);

internal sealed record EntityListingWire(List<NamedEntityWire>? Entities, int PageCount);

internal sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The API's error body and the login service's OAuth error, read leniently into one.</summary>
internal sealed record ErrorBodyWire(
    string? Code,
    string? Message,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

internal static class GenesysWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The Notifications API topic of a queue's callbacks.</summary>
    public static string CallbackTopic(string queueId) => $"v2.routing.queues.{queueId}.conversations.callbacks";

    /// <summary>
    /// The callback a notification frame tells of, or null for anything else (heartbeats, other topics, a frame that
    /// cannot be read).
    /// </summary>
    public static CallbackInfo? ReadCallbackEvent(string frame)
    {
        try
        {
            var notification = JsonSerializer.Deserialize<NotificationWire>(frame, Json);
            return notification is { TopicName: { } topic, EventBody: { Id: { Length: > 0 } id } body }
                && topic.StartsWith("v2.routing.queues.", StringComparison.Ordinal)
                && topic.EndsWith(".conversations.callbacks", StringComparison.Ordinal)
                ? CallbackInfo.FromParticipants(id, body.Participants ?? [])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Three seconds when a 429 gives no Retry-After, as the platform's SDKs do.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>Instants as the platform writes them: <c>2026-12-03T10:30:00.000Z</c>.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Turns a failed answer into the typed error: transient or not, Retry-After, the platform's code.</summary>
    public static async Task<ContactCenterException> ErrorAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ErrorBodyWire? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ErrorBodyWire>(Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // A proxy's HTML page, say: the status alone decides.
        }
        var code = body?.Code ?? body?.Error;
        var detail = body?.Message ?? body?.ErrorDescription ?? response.ReasonPhrase ?? "no detail";
        var transient = ContactCenterException.IsTransientStatus(status);
        return new ContactCenterException(
            $"Genesys {operation}: {status} {code ?? "error"}: {detail}",
            transient,
            status,
            code,
            transient ? RetryAfter(response) : null,
            response.Headers.TryGetValues("inin-correlation-id", out var ids) ? ids.FirstOrDefault() : null);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            if (header.Date is { } date && response.Headers.Date is { } sent)
            {
                return date > sent ? date - sent : TimeSpan.Zero;
            }
        }
        return response.StatusCode == HttpStatusCode.TooManyRequests ? DefaultRetryAfter : null;
    }
}
