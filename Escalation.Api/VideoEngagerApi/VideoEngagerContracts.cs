using System.Text.Json.Serialization;

namespace VideoEngager.Escalation.VideoEngagerApi;

// The VideoEngager callback API's shapes, field for field, so existing Genesys widgets and servers work unchanged.

/// <param name="DesiredTime">An ISO-8601 instant, or <c>now</c>.</param>
/// <param name="Duration">Minutes; echoed back.</param>
public sealed record VideoEngagerCallbackRequest(
    [property: JsonPropertyName("firstname")] string? FirstName,
    [property: JsonPropertyName("lastname")] string? LastName,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("_customer_number")] string? CustomerNumber,
    [property: JsonPropertyName("_desired_time")] string? DesiredTime,
    [property: JsonPropertyName("queueId")] string? QueueId,
    [property: JsonPropertyName("scriptId")] string? ScriptId,
    [property: JsonPropertyName("duration")] int? Duration);

public sealed record VideoEngagerRescheduleRequest([property: JsonPropertyName("date")] string? Date);

public sealed record VideoEngagerCallbackResponse(
    [property: JsonPropertyName("genesys")] VideoEngagerGenesys Genesys,
    [property: JsonPropertyName("videoengager")] VideoEngagerSchedule VideoEngager,
    [property: JsonPropertyName("emailSent")] bool EmailSent,
    [property: JsonPropertyName("icsCalendarData")] string? IcsCalendarData);

public sealed record VideoEngagerGenesys(
    [property: JsonPropertyName("queueId")] string QueueId,
    [property: JsonPropertyName("conversation")] VideoEngagerConversation Conversation);

/// <param name="Id">Null when the callback was not made within the request's budget (it is made later).</param>
public sealed record VideoEngagerConversation(
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Id);

/// <param name="Date">Milliseconds since the Unix epoch, as VideoEngager's API answers it.</param>
public sealed record VideoEngagerSchedule(
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("meetingUrl")] string MeetingUrl,
    [property: JsonPropertyName("agentUrl")] string AgentUrl,
    [property: JsonPropertyName("duration")] int Duration,
    [property: JsonPropertyName("scheduleId")] string ScheduleId,
    [property: JsonPropertyName("active")] bool Active);
