using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace VideoEngager.Integration.Tests;

/// <summary>Starts the real AppHost once for a test class and waits until every resource is healthy.</summary>
public class AppHostFixture : IAsyncLifetime
{
    public const string DemoWidgetKey = "demo-widget-key";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] Resources =
    [
        ResourceNames.Database, ResourceNames.Redis, ResourceNames.Smtp, ResourceNames.Genesys,
        ResourceNames.SchedulingGrpc, ResourceNames.NotifierWorker, ResourceNames.EscalationApi,
    ];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Extra AppHost configuration, as <c>Key=Value</c>.</summary>
    protected virtual string[] AppHostArgs => [];

    public HttpClient CreateApiClient(string? widgetKey = DemoWidgetKey)
    {
        var client = App.CreateHttpClient(ResourceNames.EscalationApi, "http");
        if (widgetKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Tenant-Key", widgetKey);
        }
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            AppHostArgs, timeout.Token);

        // Nothing collects telemetry in tests; without an endpoint services stop in ~2 s instead of ~13 s.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(env =>
                env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        // Tests call from one address far faster than a visitor; the limiter itself has its own test.
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.EscalationApi);
        builder.CreateResourceBuilder(api)
            .WithEnvironment("RateLimiting__PermitsPerSecond", "10000")
            .WithEnvironment("RateLimiting__Burst", "10000");
        // Old settled outbox rows are looked for every 2 s instead of hourly, so their deletion can be watched.
        var scheduling = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.SchedulingGrpc);
        builder.CreateResourceBuilder(scheduling).WithEnvironment("OutboxRetention__Interval", "00:00:02");
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await Task.WhenAll(Resources.Select(name => _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
