using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Escalation.Bookings;

/// <summary>Maps the widget's JSON to Scheduling's messages, naming each field the edge itself can judge.</summary>
internal static class BookingMapping
{
    public static Scheduling.V1.CreateBookingRequest ToGrpc(
        CreateBookingRequest body, string tenantId, string? idempotencyKey, Dictionary<string, string[]> errors)
    {
        var request = new Scheduling.V1.CreateBookingRequest
        {
            TenantId = tenantId,
            QueueId = body.QueueId ?? "",
            HoldId = body.HoldId ?? "",
            ConversationId = body.ConversationId ?? "",
            MessageId = body.MessageId ?? "",
            AdvisorEmail = body.AdvisorEmail ?? "",
            Visitor = body.Visitor is null ? null : new Visitor
            {
                Name = body.Visitor.Name ?? "",
                Email = body.Visitor.Email ?? "",
                Phone = body.Visitor.Phone ?? "",
                PreferredLang = body.Visitor.PreferredLang ?? "",
            },
        };
        if (body.DesiredTime is not null)
        {
            if (string.Equals(body.DesiredTime, "now", StringComparison.OrdinalIgnoreCase))
            {
                request.DesiredTimeNow = true;
            }
            else
            {
                errors["desiredTime"] = ["desiredTime can only be \"now\"; send scheduledTime for a slot."];
            }
        }
        if (body.ScheduledTime is not null)
        {
            if (InstantParsing.TryParse(body.ScheduledTime, out var scheduled))
            {
                request.ScheduledTime = scheduled;
            }
            else
            {
                errors["scheduledTime"] = ["scheduledTime must be an ISO-8601 instant such as 2026-12-03T06:30:00Z."];
            }
        }
        if (body.Skills is not null)
        {
            request.Skills.AddRange(body.Skills.Select(s => s ?? ""));
        }
        if (body.Priority is { } priority)
        {
            request.Priority = priority;
        }
        foreach (var (key, value) in body.Attributes ?? new Dictionary<string, JsonElement>())
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                request.Attributes[key] = value.GetString()!;
            }
            else
            {
                errors[$"attributes.{key}"] = ["Attribute values must be strings."];
            }
        }
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            request.IdempotencyKey = idempotencyKey;
            request.RequestHash = Hash(body);
        }
        return request;
    }

    public static BookingCreatedResponse ToCreated(BookingReply reply) => new(
        reply.BookingId, reply.Status, reply.ScheduledTime.ToDateTime(), NullIfEmpty(reply.CallbackId),
        reply.CustomerUrl, reply.IcsUrl, reply.ManageUrl, reply.InteractionStatus, reply.EventsUrl);

    public static BookingResponse ToResponse(BookingReply reply) => new(
        reply.BookingId, reply.Status, reply.ScheduledTime.ToDateTime(), NullIfEmpty(reply.CallbackId), reply.CallbackStatus,
        reply.CustomerUrl, reply.IcsUrl, reply.ManageUrl, reply.QueueId, reply.Sequence, NullIfEmpty(reply.CallbackError),
        new RoomPresenceResponse(
            new PartyPresence(reply.Presence?.CustomerJoinedAt?.ToDateTime(), reply.Presence?.CustomerLeftAt?.ToDateTime()),
            new PartyPresence(reply.Presence?.AgentJoinedAt?.ToDateTime(), reply.Presence?.AgentLeftAt?.ToDateTime())),
        NullIfEmpty(reply.QueueName));

    /// <summary>The request as parsed, so formatting differences are not a different request.</summary>
    private static string Hash(CreateBookingRequest body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body))));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
