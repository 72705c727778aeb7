using System.Globalization;
using VideoEngager.Escalation.Availability;
using VideoEngager.Escalation.Bookings;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Escalation.VideoEngagerApi;

/// <summary>
/// The one place the VideoEngager callback API's fields meet the product's bookings, both ways, including the names
/// a field error is reported under.
/// </summary>
internal static class VideoEngagerMapping
{
    public const int DefaultDuration = 30;
    public const int MaxDuration = 240;
    public const int MaxDays = 30;
    private const string DurationAttribute = "duration";
    private const string ScriptAttribute = "scriptId";

    public static Scheduling.V1.CreateBookingRequest ToCreateRequest(
        VideoEngagerCallbackRequest body, string tenantId, string? defaultQueue, Dictionary<string, string[]> errors)
    {
        var request = new Scheduling.V1.CreateBookingRequest
        {
            TenantId = tenantId,
            QueueId = string.IsNullOrWhiteSpace(body.QueueId) ? defaultQueue ?? "" : body.QueueId.Trim(),
            Visitor = new Visitor
            {
                Name = $"{body.FirstName?.Trim()} {body.LastName?.Trim()}".Trim(),
                Email = body.CustomerEmail?.Trim() ?? "",
                Phone = body.CustomerNumber?.Trim() ?? "",
                // The API carries no language; the queue's agents are asked in English.
                PreferredLang = "en",
            },
        };
        if (string.IsNullOrWhiteSpace(body.DesiredTime))
        {
            errors["_desired_time"] = ["_desired_time is required: an ISO-8601 instant, or \"now\"."];
        }
        else if (string.Equals(body.DesiredTime.Trim(), "now", StringComparison.OrdinalIgnoreCase))
        {
            request.DesiredTimeNow = true;
        }
        else if (InstantParsing.TryParse(body.DesiredTime, out var at))
        {
            request.ScheduledTime = at;
        }
        else
        {
            errors["_desired_time"] = ["_desired_time must be an ISO-8601 instant such as 2026-12-03T06:30:00.000Z, or \"now\"."];
        }
        if (body.Duration is { } duration && duration is < 1 or > MaxDuration)
        {
            errors["duration"] = [$"duration must be between 1 and {MaxDuration} minutes."];
        }
        request.Attributes[DurationAttribute] = (body.Duration ?? DefaultDuration).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(body.ScriptId))
        {
            request.Attributes[ScriptAttribute] = body.ScriptId.Trim();
        }
        return request;
    }

    /// <summary>The product's field names in an error, as this API's callers know them.</summary>
    public static string FieldName(string field) => field switch
    {
        "visitor" or "visitor.name" => "firstname",
        "visitor.email" => "customer_email",
        "visitor.phone" => "_customer_number",
        "scheduledTime" or "desiredTime" => "_desired_time",
        "attributes.duration" => "duration",
        "attributes.scriptId" => "scriptId",
        _ => field,
    };

    public static Dictionary<string, string[]> RenameFields(IDictionary<string, string[]> errors)
    {
        var renamed = new Dictionary<string, string[]>();
        foreach (var (field, messages) in errors)
        {
            var name = FieldName(field);
            renamed[name] = renamed.TryGetValue(name, out var existing) ? [.. existing, .. messages] : messages;
        }
        return renamed;
    }

    /// <param name="ics">The booking's calendar invite, when there is one to give.</param>
    public static VideoEngagerCallbackResponse ToResponse(BookingReply reply, string? ics) => new(
        new VideoEngagerGenesys(reply.QueueId, new VideoEngagerConversation(reply.CallbackId.Length == 0 ? null : reply.CallbackId)),
        new VideoEngagerSchedule(
            // VideoEngager's public API documents the schedule's date as a number: milliseconds since the Unix epoch
            // (ReturnedCallback.videoengager.date, https://api.videoengager.com/genesys_callback_api; its examples at
            // https://github.com/VideoEngager/videoengager.github.io).
            reply.ScheduledTime.ToDateTimeOffset().ToUnixTimeMilliseconds(),
            reply.BookingId,
            reply.CustomerUrl,
            reply.AgentUrl,
            reply.Attributes.TryGetValue(DurationAttribute, out var stored)
                && int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : DefaultDuration,
            reply.BookingId,
            reply.Status == "confirmed"),
        reply.ConfirmationMail,
        ics);

    /// <summary>
    /// Open slots from <paramref name="from"/> and before <paramref name="until"/>:
    /// <c>{ "2026-12-03T06:30:00.000Z": seats left }</c>.
    /// </summary>
    public static SortedDictionary<string, int> ToAvailability(AvailabilityResponse calendar, DateTimeOffset? from, DateTimeOffset? until = null)
    {
        var open = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var slot in calendar.Slots)
        {
            if (slot.Status == "open" && (from is null || slot.Start >= from.Value.UtcDateTime)
                && (until is null || slot.Start < until.Value.UtcDateTime))
            {
                open[slot.Start.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)] = slot.Remaining;
            }
        }
        return open;
    }
}
