using System.Text.Json;

namespace VideoEngager.Interactions;

/// <summary>
/// The Redis pub/sub contract between Scheduling.Grpc (which learns of status changes from the platform's events and
/// the room's presence) and every Escalation.Api replica (which streams them to the visitor's page).
/// </summary>
public static class InteractionUpdates
{
    /// <summary>The channel a booking's status changes are published on.</summary>
    public static string ChannelFor(string bookingId) => $"videoengager:interaction:{bookingId}";

    /// <summary>Version 1 of the message: <c>{"v":1,"status":"agent-joined"}</c>.</summary>
    public static string Message(string status) => JsonSerializer.Serialize(new InteractionUpdate(1, status), JsonSerializerOptions.Web);

    /// <summary>The status a message carries, or null for one this version cannot read.</summary>
    public static string? StatusOf(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<InteractionUpdate>(message, JsonSerializerOptions.Web) is { V: 1, Status: { Length: > 0 } status }
                ? status
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record InteractionUpdate(int V, string Status);
}
