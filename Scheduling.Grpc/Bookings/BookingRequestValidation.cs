using System.Text;
using System.Text.Json;
using NodaTime;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Everything about a booking request that can be checked before touching a seat.</summary>
internal static class BookingRequestValidation
{
    public const int MaxSkills = 20;
    public const int MaxSkillLength = 64;
    public const int MaxPriority = 100;
    public const int MaxConversationIdLength = 64;

    public static void CheckTime(
        CreateBookingRequest request, QueueCalendar calendar, Instant now, FieldViolations violations)
    {
        if (request.DesiredTimeNow)
        {
            if (request.ScheduledTime is not null)
            {
                violations.Add("scheduledTime", "Send either scheduledTime or desiredTime \"now\", not both.");
            }
            return;
        }
        if (request.ScheduledTime is null)
        {
            violations.Add("scheduledTime", "A scheduled time (or desiredTime \"now\") is required.");
            return;
        }
        CheckSlot(Instant.FromDateTimeOffset(request.ScheduledTime.ToDateTimeOffset()), calendar, now, violations);
    }

    public static void CheckSlot(Instant start, QueueCalendar calendar, Instant now, FieldViolations violations)
    {
        var check = SlotChecks.Check(calendar, start, now);
        if (check != SlotCheck.Bookable)
        {
            violations.Add("scheduledTime", SlotChecks.Describe(check, calendar));
        }
    }

    public static void CheckRouting(CreateBookingRequest request, int maxAttributesBytes, FieldViolations violations)
    {
        if (request.Skills.Count > MaxSkills)
        {
            violations.Add("skills", $"At most {MaxSkills} skills.");
        }
        for (var i = 0; i < request.Skills.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Skills[i]) || request.Skills[i].Length > MaxSkillLength
                || VisitorValidation.HasControlCharacters(request.Skills[i]))
            {
                violations.Add($"skills[{i}]", $"A skill is a name of 1 to {MaxSkillLength} characters.");
            }
        }
        if (request.HasPriority && request.Priority is < 0 or > MaxPriority)
        {
            violations.Add("priority", $"Priority must be between 0 and {MaxPriority}.");
        }
        if (request.ConversationId.Length > MaxConversationIdLength)
        {
            violations.Add("conversationId", $"A conversation id has at most {MaxConversationIdLength} characters.");
        }
        if (AttributesSize(request.Attributes) > maxAttributesBytes)
        {
            violations.Add("attributes", $"Attributes must be at most {maxAttributesBytes} bytes as JSON.");
        }
        foreach (var (key, value) in request.Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || VisitorValidation.HasControlCharacters(key))
            {
                violations.Add("attributes", "Attribute names must not be empty or hold control characters.");
            }
            // Tabs and line breaks are fair in a free-text value; NUL is not storable.
            else if (value.Contains('\0', StringComparison.Ordinal))
            {
                violations.Add($"attributes.{key}", "Attribute values must not contain NUL characters.");
            }
        }
        if (request.ConversationId.Any(char.IsControl))
        {
            violations.Add("conversationId", "A conversation id must not contain control characters.");
        }
        if (request.MessageId.Length > MaxConversationIdLength || request.MessageId.Any(char.IsControl))
        {
            violations.Add("messageId", $"A message id has at most {MaxConversationIdLength} characters and no control characters.");
        }
    }

    /// <summary>UTF-8 size of the attributes as the JSON object the visitor sent.</summary>
    internal static int AttributesSize(IDictionary<string, string> attributes) =>
        Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(attributes));
}
