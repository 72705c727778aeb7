using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Queues;
using VideoEngager.Scheduling.Tenancy;

namespace VideoEngager.Scheduling.Persistence;

public sealed class DemoTenantOptions
{
    public const string Section = "DemoTenant";

    /// <summary>The demo tenant's widget key; no demo tenant is seeded without one.</summary>
    public string? WidgetKey { get; set; }

    [Required]
    public string Id { get; set; } = "demo";

    [Required, EmailAddress]
    public string SenderEmail { get; set; } = "video@demo.videoengager.local";

    public List<string> AllowedOrigins { get; set; } = ["http://localhost:5080"];
}

/// <summary>Seeds the demo tenant, its <c>VIP-Video-Q</c> queue and agent group on first start.</summary>
internal sealed class DemoTenantSeed(IOptions<DemoTenantOptions> options, TimeProvider clock, ILogger<DemoTenantSeed> logger)
{
    public async Task SeedAsync(SchedulingDbContext db, CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (string.IsNullOrEmpty(demo.WidgetKey) || await db.Tenants.AnyAsync(t => t.Id == demo.Id, cancellationToken))
        {
            return;
        }

        db.Tenants.Add(new Tenant
        {
            Id = demo.Id,
            Name = "Demo",
            SenderEmail = demo.SenderEmail,
            WidgetKeyHash = WidgetKey.Hash(demo.WidgetKey),
            AllowedOrigins = demo.AllowedOrigins,
            CreatedAt = clock.GetUtcNow(),
        });
        db.AgentGroups.Add(new AgentGroup
        {
            TenantId = demo.Id,
            Id = "vip-agents",
            Agents = [new Agent("Layla Haddad", "layla.haddad@demo.videoengager.local"), new Agent("Omar Saleh", "omar.saleh@demo.videoengager.local")],
        });
        var workday = new List<TimeRange> { new(new TimeOnly(9, 0), new TimeOnly(17, 0)) };
        db.Queues.Add(new Queue
        {
            TenantId = demo.Id,
            Id = "VIP-Video-Q",
            Name = "VIP video",
            TimeZone = "Asia/Dubai",
            Hours = new OpeningHours(
                new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>
                {
                    [DayOfWeek.Sunday] = workday,
                    [DayOfWeek.Monday] = workday,
                    [DayOfWeek.Tuesday] = workday,
                    [DayOfWeek.Wednesday] = workday,
                    [DayOfWeek.Thursday] = workday,
                },
                []),
            IntervalMinutes = 30,
            Capacity = 2,
            MinNoticeMinutes = 60,
            BookingWindowDays = 30,
            AverageHandleMinutes = 15,
            Skills = ["Arabic", "Video"],
            Priority = 5,
            AgentGroupId = "vip-agents",
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            SchedulingLog.DemoTenantSeeded(logger, demo.Id);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded it first.
            db.ChangeTracker.Clear();
        }
    }
}
