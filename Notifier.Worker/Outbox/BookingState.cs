using System.Text.Json;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Outbox;

/// <summary>A booking as it stands now, with the queue's current flags and agents.</summary>
public sealed record BookingState(BookingSnapshot Snapshot, bool Immediate, NotificationFlags Flags, IReadOnlyList<Recipient> Agents);

/// <summary>Maps a <see cref="BookingRow"/> to a <see cref="BookingState"/>. Pure.</summary>
public static class BookingStates
{
    // Scheduling.Grpc writes its jsonb columns with the web defaults (camelCase).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record FlagsDocument(bool SendCustomerEmail = true, bool NotifyAgent = true,
        int? ReminderOffsetMinutes = null, bool SmsReminders = false, bool ReminderEmail = true);

    private sealed record AgentDocument(string? Name, string? Email);

    public static BookingState From(BookingRow row, string publicBaseUrl)
    {
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var snapshot = new BookingSnapshot(
            BookingId: row.Id,
            TenantId: row.TenantId,
            TenantName: row.TenantName,
            SenderEmail: row.SenderEmail,
            QueueName: row.QueueName,
            ScheduledTime: row.ScheduledTime,
            DurationMinutes: row.IntervalMinutes,
            Sequence: row.Sequence,
            Cancelled: string.Equals(row.Status, "Cancelled", StringComparison.OrdinalIgnoreCase),
            VisitorName: row.VisitorName,
            VisitorEmail: row.VisitorEmail,
            VisitorPhone: string.IsNullOrWhiteSpace(row.VisitorPhone) ? null : row.VisitorPhone,
            PreferredLang: row.PreferredLang,
            CustomerUrl: $"{baseUrl}/rooms/{Uri.EscapeDataString(row.Id)}?token={Uri.EscapeDataString(row.CustomerToken)}",
            AgentUrl: $"{baseUrl}/rooms/{Uri.EscapeDataString(row.Id)}?token={Uri.EscapeDataString(row.AgentToken)}",
            ManageUrl: $"{baseUrl}/bookings/{Uri.EscapeDataString(row.Id)}?token={Uri.EscapeDataString(row.ManageToken)}",
            TimeZone: row.TimeZone);

        var flags = JsonSerializer.Deserialize<FlagsDocument>(row.FlagsJson, Json) ?? new FlagsDocument();
        var agents = string.IsNullOrEmpty(row.AgentsJson)
            ? []
            : (JsonSerializer.Deserialize<List<AgentDocument>>(row.AgentsJson, Json) ?? [])
                .Where(a => !string.IsNullOrWhiteSpace(a.Email))
                .Select(a => Recipient.Agent(a.Name ?? string.Empty, a.Email!))
                .ToList();
        return new BookingState(
            snapshot,
            row.Immediate,
            new NotificationFlags(flags.SendCustomerEmail, flags.NotifyAgent, flags.ReminderOffsetMinutes, flags.SmsReminders, flags.ReminderEmail),
            agents);
    }
}
