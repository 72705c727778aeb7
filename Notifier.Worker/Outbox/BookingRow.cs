namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// A booking joined with its tenant, queue and agent group, as read from Scheduling.Grpc's tables; JSON columns are
/// kept as text for <see cref="BookingStates"/> to parse.
/// </summary>
public sealed record BookingRow(
    string Id,
    string Status,
    bool Immediate,
    DateTimeOffset ScheduledTime,
    int Sequence,
    string VisitorName,
    string VisitorEmail,
    string VisitorPhone,
    string PreferredLang,
    string CustomerToken,
    string AgentToken,
    string ManageToken,
    string TenantId,
    string TenantName,
    string SenderEmail,
    string QueueName,
    string TimeZone,
    int IntervalMinutes,
    string FlagsJson,
    string? AgentsJson);
