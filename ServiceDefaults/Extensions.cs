using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VideoEngager.ServiceDefaults.Compliance;
using VideoEngager.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every VideoEngager service shares: telemetry, health, service discovery, resilience, redaction.</summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPersonalDataRedaction();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Personal data is erased from every log line; it never leaves the process in clear.</summary>
    public static TBuilder AddPersonalDataRedaction<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(DataTaxonomy.PersonalData)));
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("VideoEngager.*"))
            .WithTracing(tracing => tracing
                // Workers' idle polls and keep-alives start no trace; their metrics still count the loop.
                .SetSampler(BackgroundChatterSampler.ParentBased())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("VideoEngager.*")
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(aspnet =>
                    // Health probes would drown the traces a person wants to read.
                    aspnet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddGrpcClientInstrumentation()
                // Query strings carry tokens: both instrumentations redact query values in url.full / url.query by
                // default; Aspire switches that off for development, so the AppHost sets
                // OTEL_DOTNET_EXPERIMENTAL_*_DISABLE_URL_QUERY_REDACTION back to false.
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // A gone dashboard must not hold a service ~10 s at shutdown: with nothing listening, each export would
            // retry until the process is killed.
            builder.Configuration["OTEL_EXPORTER_OTLP_TIMEOUT"] ??= "2000";
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check: ready to serve) and <c>/alive</c> (the process answers).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes come from the orchestrator's own address; they must never be rate limited away.
        app.MapHealthChecks(HealthEndpointPath).DisableRateLimiting();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .DisableRateLimiting();
        return app;
    }
}
