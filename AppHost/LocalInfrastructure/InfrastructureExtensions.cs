using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VideoEngager.AppHost.LocalInfrastructure;

/// <summary>
/// PostgreSQL and Redis as containers when a container runtime answers, otherwise as local processes from Debian's
/// binaries. Either way the resources expose the same connection names, so services cannot tell the difference.
/// <c>Infrastructure:Mode</c> forces <c>containers</c> or <c>local</c>; the default <c>auto</c> asks Docker.
/// </summary>
public static class InfrastructureExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddVideoEngagerDatabase(this IDistributedApplicationBuilder builder)
    {
        if (builder.UseContainers())
        {
            return builder.AddPostgres("postgres").AddDatabase(ResourceNames.Database, ResourceNames.DatabaseName);
        }

        var script = Path.Combine(builder.AppHostDirectory, "LocalInfrastructure", "run-postgres.sh");
        var postgres = new LocalPostgresResource(ResourceNames.Database, builder.AppHostDirectory, ResourceNames.DatabaseName);
        var healthCheck = $"{ResourceNames.Database}-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new PostgresReadyCheck(postgres), HealthStatus.Unhealthy, tags: null));
        return builder.AddResource(postgres)
            // Straight to the process: every query would otherwise take one more hop through DCP's proxy.
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithEnvironment("PG_DATABASE", ResourceNames.DatabaseName)
            .WithArgs(script)
            .WithHealthCheck(healthCheck);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddVideoEngagerRedis(this IDistributedApplicationBuilder builder)
    {
        if (builder.UseContainers())
        {
            return builder.AddRedis(ResourceNames.Redis);
        }

        var redis = new LocalRedisResource(ResourceNames.Redis, builder.AppHostDirectory);
        var healthCheck = $"{ResourceNames.Redis}-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new RedisReadyCheck(redis), HealthStatus.Unhealthy, tags: null));
        return builder.AddResource(redis)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.Tcp.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                // Throw-away: nothing is written to disk.
                context.Args.Add("--save");
                context.Args.Add("");
                context.Args.Add("--appendonly");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheck);
    }

    private static bool UseContainers(this IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration["Infrastructure:Mode"] ?? "auto";
        return mode.ToUpperInvariant() switch
        {
            "CONTAINERS" => true,
            "LOCAL" => false,
            _ => ContainerRuntimeAnswers(),
        };
    }

    private static bool? s_containerRuntimeAnswers;

    /// <summary>`docker info` fails in ~0.1 s when no daemon answers.</summary>
    private static bool ContainerRuntimeAnswers()
    {
        if (s_containerRuntimeAnswers is { } known)
        {
            return known;
        }
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return (s_containerRuntimeAnswers = false).Value;
            }
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill();
                return (s_containerRuntimeAnswers = false).Value;
            }
            return (s_containerRuntimeAnswers = docker.ExitCode == 0).Value;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (s_containerRuntimeAnswers = false).Value; // no docker CLI at all
        }
    }
}
