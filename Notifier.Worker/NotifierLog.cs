namespace VideoEngager.Notifier;

/// <summary>
/// Every log line of the worker. No parameter carries personal data: messages are identified by their hashed
/// Message-ID, SMS by the provider's sid, never by address, number, name or text.
/// </summary>
public static partial class NotifierLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Could not connect or authenticate to SMTP server {Host}:{Port}")]
    public static partial void SmtpConnectFailed(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Sent message {MessageId}")]
    public static partial void MessageSent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "SMTP server refused message {MessageId}: {StatusCode} {ErrorCode}")]
    public static partial void MessageRefused(ILogger logger, string messageId, int statusCode, MailKit.Net.Smtp.SmtpErrorCode errorCode);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Sending message {MessageId} failed; it will be retried")]
    public static partial void MessageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Sent {Sent} of {Count} messages over one SMTP connection")]
    public static partial void BatchSent(ILogger logger, int sent, int count);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "SMS accepted by the provider as {Sid}")]
    public static partial void SmsSent(ILogger logger, string? sid);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "SMS provider refused the message: HTTP {StatusCode}, code {ErrorCode}")]
    public static partial void SmsRefused(ILogger logger, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "SMS provider could not be reached ({Failure})")]
    public static partial void SmsFailed(ILogger logger, string failure, Exception exception);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Outbox worker listening on channel {Channel}")]
    public static partial void OutboxListening(ILogger logger, string channel);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Outbox loop failed; retrying in {Delay}")]
    public static partial void OutboxLoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "Claimed {Count} outbox jobs")]
    public static partial void OutboxClaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "Outbox job {JobId} ({Kind}) skipped: {Reason}")]
    public static partial void OutboxSkipped(ILogger logger, long jobId, string kind, string reason);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Warning, Message = "Outbox job {JobId} ({Kind}) failed attempt {Attempt}: {Error}; next try at {RetryAt}")]
    public static partial void OutboxRetry(ILogger logger, long jobId, string kind, int attempt, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Error, Message = "Outbox job {JobId} ({Kind}) parked as failed after {Attempts} attempts: {Error}")]
    public static partial void OutboxParked(ILogger logger, long jobId, string kind, int attempts, string error);

    // Per message at Debug: a backlog sends thousands a second, and each batch is logged at Information.
    [LoggerMessage(EventId = 3027, Level = LogLevel.Debug, Message = "Outbox job {JobId} ({Kind}) sent as {MessageId}")]
    public static partial void OutboxSent(ILogger logger, long jobId, string kind, string messageId);
}
