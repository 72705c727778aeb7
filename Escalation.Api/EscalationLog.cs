namespace VideoEngager.Escalation;

/// <summary>Every log line Escalation.Api writes. Personal data is never a parameter here unless classified.</summary>
internal static partial class EscalationLog
{
    [LoggerMessage(2000, LogLevel.Warning, "Scheduling answered {StatusCode} for {Path}")]
    public static partial void SchedulingFailed(ILogger logger, Grpc.Core.StatusCode statusCode, string path);

    [LoggerMessage(2001, LogLevel.Information, "Rejected a widget key for tenant {TenantId} from origin {Origin}")]
    public static partial void OriginRejected(ILogger logger, string tenantId, string origin);

    [LoggerMessage(2002, LogLevel.Warning, "The room presence of booking {BookingId} was not recorded: Scheduling answered {StatusCode}")]
    public static partial void PresenceNotRecorded(ILogger logger, string bookingId, Grpc.Core.StatusCode statusCode);

    [LoggerMessage(2003, LogLevel.Warning, "Room signalling for booking {BookingId} could not reach Redis ({Error})")]
    public static partial void RelayUnavailable(ILogger logger, string bookingId, string error);

    [LoggerMessage(2004, LogLevel.Warning, "Room signalling for booking {BookingId} ended unexpectedly")]
    public static partial void SignallingFailed(ILogger logger, string bookingId, Exception exception);

    [LoggerMessage(2005, LogLevel.Warning, "Live status of booking {BookingId} cannot be pushed ({Error}); its stream reads it every few seconds instead")]
    public static partial void StatusUpdatesUnavailable(ILogger logger, string bookingId, string error);
}
