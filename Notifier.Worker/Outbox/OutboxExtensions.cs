namespace VideoEngager.Notifier.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The outbox consumer: claims notification jobs written by Scheduling.Grpc and sends them. Needs
    /// <c>AddNotifications()</c> and an <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<OutboxOptions>(OutboxOptions.SectionName);
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<NotifyWakeUp>();
        services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
