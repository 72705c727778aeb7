namespace VideoEngager.Scheduling;

/// <summary>Every log line Scheduling.Grpc writes. Personal data is never a parameter here unless classified.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(1000, LogLevel.Information, "Database migrations applied")]
    public static partial void MigrationsApplied(ILogger logger);

    [LoggerMessage(1001, LogLevel.Information, "Seeded demo tenant {TenantId}")]
    public static partial void DemoTenantSeeded(ILogger logger, string tenantId);
}
