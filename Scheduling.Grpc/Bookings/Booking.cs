namespace VideoEngager.Scheduling.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}

public enum CallbackStatus
{
    Pending,
    Scheduled,
    Failed,
    Cancelled,
}

/// <summary>A visitor's video appointment, or an immediate escalation from a chat.</summary>
public sealed class Booking
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string QueueId { get; init; }
    public BookingStatus Status { get; set; }

    /// <summary>An ad-hoc escalation: no slot, desired time now.</summary>
    public bool Immediate { get; init; }

    /// <summary>UTC start of the booked slot (or the escalation's creation time).</summary>
    public DateTimeOffset ScheduledTime { get; set; }

    /// <summary>Bumped on every reschedule and on cancel; the calendar invite's SEQUENCE.</summary>
    public int Sequence { get; set; }

    public required string VisitorName { get; init; }
    public required string VisitorEmail { get; init; }
    public required string VisitorPhone { get; init; }
    public required string PreferredLang { get; init; }

    public List<string> Skills { get; init; } = [];
    public int Priority { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];
    /// <summary>The chat this video leg belongs to (an escalation from Web Messaging).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The guest's participant on the chat: the video leg is added to it.</summary>
    public string? ConversationParticipantId { get; init; }

    /// <summary>
    /// The chat's id while this is its live video leg, else null: a unique index allows one live leg per chat, also
    /// across replicas. Cleared when a later Start Video finds the leg over.
    /// </summary>
    public string? LiveConversationId { get; set; }

    /// <summary>A pre-assigned advisor (an agent of the queue's group): the only agent invited.</summary>
    public string? AdvisorEmail { get; init; }

    public required string CustomerToken { get; init; }
    public required string AgentToken { get; init; }
    public required string ManageToken { get; init; }

    /// <summary>The contact center's conversation id of the callback.</summary>
    public string? CallbackId { get; set; }

    /// <summary>The ACD callback id Genesys answered the create with; its bulk disconnect names it.</summary>
    public string? CallbackAcdId { get; set; }
    public CallbackStatus CallbackStatus { get; set; }
    public string? CallbackError { get; set; }

    /// <summary>When each party last joined and left the video room (a reload is neither).</summary>
    public DateTimeOffset? CustomerJoinedAt { get; set; }
    public DateTimeOffset? CustomerLeftAt { get; set; }
    public DateTimeOffset? AgentJoinedAt { get; set; }
    public DateTimeOffset? AgentLeftAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
