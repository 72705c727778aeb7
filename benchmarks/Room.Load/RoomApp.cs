using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using VideoEngager;

namespace VideoEngager.Benchmarks;

/// <summary>A tenant of the benchmark's own, with one queue open around the clock, and its widget key.</summary>
internal sealed record BenchTenant(string TenantId, string WidgetKey, string QueueId);

/// <summary>An escalation booked through the public API: the customer's room link and the agent's token.</summary>
internal sealed record Escalation(string BookingId, Uri CustomerUrl, string CustomerToken)
{
    public string AgentToken { get; set; } = "";
}

/// <summary>One Escalation.Api replica: its own address, past DCP's load-balancing proxy.</summary>
/// <param name="Urls">Its <c>ASPNETCORE_URLS</c> as the orchestrator started it (also how its process is found).</param>
internal sealed record EdgeReplica(Uri Address, string Urls);

/// <summary>The real AppHost with two Escalation.Api replicas, and what the benchmarks need of it.</summary>
internal sealed class RoomApp : IAsyncDisposable
{
    public const string AdminKey = "local-admin-key";
    private const string UrlsVariable = "ASPNETCORE_URLS";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly DistributedApplication _app;
    private readonly HttpClient _admin;
    private readonly Dictionary<string, HttpClient> _widgets = [];
    private IReadOnlyList<EdgeReplica>? _replicas;

    private RoomApp(DistributedApplication app, string connectionString)
    {
        _app = app;
        ConnectionString = connectionString;
        _admin = app.CreateHttpClient(ResourceNames.EscalationApi, "http");
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public string ConnectionString { get; }

    /// <summary>The public edge (DCP's proxy in front of the replicas), as a visitor's link names it.</summary>
    public Uri Edge => _app.GetEndpoint(ResourceNames.EscalationApi, "http");

    /// <summary>The Genesys emulator (platform API and Web Messaging), where the benchmark's guests chat.</summary>
    public Uri Genesys => _app.GetEndpoint(ResourceNames.Genesys, "http");

    public static async Task<RoomApp> StartAsync(int replicas, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Escalation:Replicas={replicas}"], timeout.Token);
        // Nothing collects telemetry here; without an endpoint the services do not retry exports during the run.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(env => env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        // Every booking and every signalling connection of the run comes from 127.0.0.1: the per-address limit meant
        // for visitors would measure the limiter, not the room.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.EscalationApi))
            .WithEnvironment("RateLimiting__PermitsPerSecond", "100000")
            .WithEnvironment("RateLimiting__Burst", "100000");
        // The services' output is forwarded to this console line by line: at Information a line per request, which
        // this process would format on the cores it measures with. Their warnings and errors still show; failed
        // health checks do not, as every resource fails them until it is up (a start that never ends names its resource).
        builder.Services.AddLogging(logging => logging
            .AddFilter("AppHost.Resources", LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            foreach (var resource in new[] { ResourceNames.Database, ResourceNames.Redis, ResourceNames.Turn, ResourceNames.SchedulingGrpc, ResourceNames.EscalationApi })
            {
                try
                {
                    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"'{resource}' was not healthy within {StartTimeout.TotalMinutes:F0} minutes of the start.");
                }
            }
            return new RoomApp(app, (await app.GetConnectionStringAsync(ResourceNames.Database, timeout.Token))!);
        }
        catch
        {
            await StopAsync(app);
            throw;
        }
    }

    /// <summary>Each replica's own address, as the orchestrator started it (cached after the first call).</summary>
    public async Task<IReadOnlyList<EdgeReplica>> ReplicasAsync(int count, CancellationToken cancellationToken)
    {
        if (_replicas is { } known && known.Count >= count)
        {
            return known;
        }
        var seen = new Dictionary<string, string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var update in _app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var urls = update.Resource.Name == ResourceNames.EscalationApi
                ? update.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == UrlsVariable)?.Value
                : null;
            if (urls is not null)
            {
                seen[update.ResourceId] = urls;
                if (seen.Values.Distinct().Count() >= count)
                {
                    break;
                }
            }
        }
        return _replicas = [.. seen.Values.Distinct().Order(StringComparer.Ordinal).Select(urls => new EdgeReplica(new Uri(urls.Split(';')[0]), urls))];
    }

    public async Task<BenchTenant> CreateTenantAsync(CancellationToken cancellationToken)
    {
        var tenantId = "room-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = await _admin.PostAsJsonAsync("/admin/tenants",
            new { id = tenantId, name = "Room bench", senderEmail = "bench@example.com" }, cancellationToken);
        tenant.EnsureSuccessStatusCode();
        var widgetKey = (await tenant.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("widgetKey").GetString()!;
        var allDay = new[] { new { from = "00:00", to = "00:00" } };
        var days = new[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }.ToDictionary(d => d, _ => allDay);
        // An escalation takes no seat; mails are off so the notifier does not compete for the two cores.
        var queue = await _admin.PostAsJsonAsync($"/admin/tenants/{tenantId}/queues", new
        {
            id = "ROOM-Q", name = "Room bench queue", timeZone = "UTC", weeklyHours = days, intervalMinutes = 30, capacity = 1,
            minNoticeMinutes = 0, bookingWindowDays = 30, averageHandleMinutes = 15,
            flags = new { sendCustomerEmail = false, notifyAgent = false },
        }, cancellationToken);
        queue.EnsureSuccessStatusCode();
        return new BenchTenant(tenantId, widgetKey, "ROOM-Q");
    }

    /// <summary>An ad-hoc escalation (<c>desiredTime: "now"</c>): its room is open at once.</summary>
    public async Task<Escalation> EscalateAsync(BenchTenant tenant, CancellationToken cancellationToken)
    {
        HttpClient widget;
        lock (_widgets)
        {
            if (!_widgets.TryGetValue(tenant.WidgetKey, out widget!))
            {
                widget = _app.CreateHttpClient(ResourceNames.EscalationApi, "http");
                widget.DefaultRequestHeaders.Add("X-Tenant-Key", tenant.WidgetKey);
                _widgets[tenant.WidgetKey] = widget;
            }
        }
        var response = await widget.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Layla Haddad", email = $"v-{Guid.NewGuid():N}@visitor.example", phone = "+971501234567", preferredLang = "en" },
            queueId = tenant.QueueId,
            desiredTime = "now",
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var customerUrl = new Uri(booking.GetProperty("customerUrl").GetString()!);
        return new Escalation(booking.GetProperty("bookingId").GetString()!, customerUrl,
            Uri.UnescapeDataString(customerUrl.Query["?token=".Length..]));
    }

    /// <summary>
    /// Fills in each escalation's agent token. It travels only in the callback's data and the agent invite, so it is
    /// read at the source, as the integration tests do.
    /// </summary>
    public async Task ReadAgentTokensAsync(IReadOnlyCollection<Escalation> escalations, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync(cancellationToken);
        await using var read = new NpgsqlCommand("SELECT id, agent_token FROM bookings WHERE id = ANY(@ids)", db);
        read.Parameters.AddWithValue("ids", escalations.Select(e => e.BookingId).ToArray());
        var tokens = new Dictionary<string, string>();
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tokens[reader.GetString(0)] = reader.GetString(1);
            }
        }
        foreach (var escalation in escalations)
        {
            escalation.AgentToken = tokens[escalation.BookingId];
        }
    }

    public static string RoomPath(string bookingId, string token) => $"/rooms/{bookingId}?token={Uri.EscapeDataString(token)}";

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        foreach (var widget in _widgets.Values)
        {
            widget.Dispose();
        }
        await StopAsync(_app);
    }

    private static async Task StopAsync(DistributedApplication app)
    {
        // Stop, then dispose: the orchestrator (DCP) ends every process it started, and with it its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
