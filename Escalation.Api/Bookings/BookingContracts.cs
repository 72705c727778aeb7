using System.Text.Json;

namespace VideoEngager.Escalation.Bookings;

public sealed record VisitorRequest(string? Name, string? Email, string? Phone, string? PreferredLang);

/// <summary>
/// The widget's booking request: a <see cref="ScheduledTime"/>, or <see cref="DesiredTime"/> "now". With "now", a
/// <see cref="ConversationId"/> or <see cref="MessageId"/> (any message the guest's chat received) adds the video leg to
/// that chat.
/// </summary>
public sealed record CreateBookingRequest(
    VisitorRequest? Visitor,
    string? QueueId,
    string? ScheduledTime,
    string? DesiredTime,
    string? HoldId,
    IReadOnlyList<string>? Skills,
    int? Priority,
    IReadOnlyDictionary<string, JsonElement>? Attributes,
    string? ConversationId,
    string? AdvisorEmail = null,
    string? MessageId = null);

/// <param name="InteractionStatus"><c>scheduled</c> or <c>waiting</c> for a new booking; a chat's live leg may be further on.</param>
/// <param name="EventsUrl">The live status stream (Server-Sent Events), with its token.</param>
public sealed record BookingCreatedResponse(
    string BookingId, string Status, DateTime ScheduledTime, string? CallbackId,
    string CustomerUrl, string IcsUrl, string ManageUrl, string InteractionStatus, string EventsUrl);

/// <param name="CallbackError">Why the contact center refused the callback, when <c>callbackStatus</c> is <c>failed</c>.</param>
/// <param name="Presence">When each party last joined and left the video room.</param>
/// <param name="QueueName">The queue's display name.</param>
public sealed record BookingResponse(
    string BookingId, string Status, DateTime ScheduledTime, string? CallbackId, string CallbackStatus,
    string CustomerUrl, string IcsUrl, string ManageUrl, string QueueId, int Sequence, string? CallbackError,
    RoomPresenceResponse Presence, string? QueueName = null);

public sealed record RoomPresenceResponse(PartyPresence Customer, PartyPresence Agent);

public sealed record PartyPresence(DateTime? JoinedAt, DateTime? LeftAt);

public sealed record RescheduleRequest(string? ScheduledTime);

public sealed record HoldRequest(string? QueueId, string? Start);

public sealed record HoldResponse(string HoldId, DateTime ExpiresAt);
