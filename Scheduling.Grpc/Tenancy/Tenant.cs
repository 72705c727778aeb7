namespace VideoEngager.Scheduling.Tenancy;

/// <summary>A contact-center customer of the product: owns queues, agent groups and a widget key.</summary>
public sealed class Tenant
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string SenderEmail { get; set; }

    /// <summary>SHA-256 of the widget key; the key itself is shown once, at creation.</summary>
    public required string WidgetKeyHash { get; set; }

    public List<string> AllowedOrigins { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}
