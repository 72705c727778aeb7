using System.Text.Json;

namespace VideoEngager.Escalation.Bookings;

public sealed record VisitorRequest(string? Name, string? Email, string? Phone, string? PreferredLang);

/// <summary>The widget's booking request: a <see cref="ScheduledTime"/>, or <see cref="DesiredTime"/> "now".</summary>
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
    string? AdvisorEmail = null);

public sealed record BookingCreatedResponse(
    string BookingId, string Status, DateTime ScheduledTime, string? CallbackId,
    string CustomerUrl, string IcsUrl, string ManageUrl);

/// <param name="CallbackError">Why the contact center refused the callback, when <c>callbackStatus</c> is <c>failed</c>.</param>
/// <param name="Presence">When each party last joined and left the video room.</param>
public sealed record BookingResponse(
    string BookingId, string Status, DateTime ScheduledTime, string? CallbackId, string CallbackStatus,
    string CustomerUrl, string IcsUrl, string ManageUrl, string QueueId, int Sequence, string? CallbackError,
    RoomPresenceResponse Presence);

public sealed record RoomPresenceResponse(PartyPresence Customer, PartyPresence Agent);

public sealed record PartyPresence(DateTime? JoinedAt, DateTime? LeftAt);

public sealed record RescheduleRequest(string? ScheduledTime);

public sealed record HoldRequest(string? QueueId, string? Start);

public sealed record HoldResponse(string HoldId, DateTime ExpiresAt);
