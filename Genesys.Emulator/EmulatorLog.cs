namespace VideoEngager.Genesys.Emulator;

/// <summary>Every log line the emulator writes. Names, phone numbers and e-mail addresses are never parameters here.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(3000, LogLevel.Information, "Issued a token to client {ClientId}")]
    public static partial void TokenIssued(ILogger logger, string clientId);

    [LoggerMessage(3001, LogLevel.Warning, "Rejected client credentials for client {ClientId}")]
    public static partial void ClientRejected(ILogger logger, string clientId);

    [LoggerMessage(3002, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string path);

    [LoggerMessage(3010, LogLevel.Information, "Callback {ConversationId} created in queue {QueueId}, scheduled {ScheduledTime}")]
    public static partial void CallbackCreated(ILogger logger, Guid conversationId, Guid queueId, DateTimeOffset? scheduledTime);

    [LoggerMessage(3011, LogLevel.Information, "Callback {ConversationId} rescheduled in queue {QueueId} to {ScheduledTime}")]
    public static partial void CallbackRescheduled(ILogger logger, Guid conversationId, Guid queueId, DateTimeOffset? scheduledTime);

    [LoggerMessage(3012, LogLevel.Information, "Callback {ConversationId} offered to agent {AgentId}")]
    public static partial void CallbackOffered(ILogger logger, Guid conversationId, Guid agentId);

    [LoggerMessage(3013, LogLevel.Information, "Agent {AgentId} accepted callback {ConversationId}")]
    public static partial void OfferAccepted(ILogger logger, Guid conversationId, Guid agentId);

    [LoggerMessage(3014, LogLevel.Information, "Agent {AgentId} declined callback {ConversationId}")]
    public static partial void OfferDeclined(ILogger logger, Guid conversationId, Guid agentId);

    [LoggerMessage(3015, LogLevel.Information, "Offer of callback {ConversationId} to agent {AgentId} timed out")]
    public static partial void OfferTimedOut(ILogger logger, Guid conversationId, Guid agentId);

    [LoggerMessage(3016, LogLevel.Information, "Callback {ConversationId} disconnected ({Reason})")]
    public static partial void CallbackDisconnected(ILogger logger, Guid conversationId, string reason);

    [LoggerMessage(3017, LogLevel.Error, "A routing tick failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(3020, LogLevel.Information, "Injected fault {Fault} on {Method} {Path}")]
    public static partial void FaultApplied(ILogger logger, string fault, string method, string path);

    [LoggerMessage(3030, LogLevel.Information, "Seeded {Queues} queues, {Skills} skills, {Languages} languages and {Agents} agents")]
    public static partial void Seeded(ILogger logger, int queues, int skills, int languages, int agents);

    [LoggerMessage(3040, LogLevel.Information, "Web Messaging session started: conversation {ConversationId}, deployment {DeploymentId}")]
    public static partial void MessagingSessionStarted(ILogger logger, Guid conversationId, string deploymentId);

    [LoggerMessage(3041, LogLevel.Information, "A guest socket closed abnormally")]
    public static partial void GuestSocketFailed(ILogger logger, Exception exception);
}
