using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VideoEngager.AppHost.LocalInfrastructure;

/// <summary>The room's TURN relay: coturn as a local process on loopback, always (no container image is needed).</summary>
public static class TurnServerExtensions
{
    public static IResourceBuilder<LocalTurnResource> AddVideoEngagerTurnServer(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ParameterResource> secret)
    {
        var turn = new LocalTurnResource(ResourceNames.Turn, builder.AppHostDirectory);
        var healthCheck = $"{ResourceNames.Turn}-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new TurnReadyCheck(turn), HealthStatus.Unhealthy, tags: null));
        return builder.AddResource(turn)
            .WithEndpoint(name: "turn", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("-n"); // no configuration file: everything is here
                context.Args.Add(ReferenceExpression.Create($"--listening-port={turn.Turn.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--listening-ip=127.0.0.1");
                context.Args.Add("--relay-ip=127.0.0.1");
                // Local peers (browsers on this machine) sit on loopback, which coturn refuses to relay to by default.
                context.Args.Add("--allow-loopback-peers");
                context.Args.Add("--no-multicast-peers");
                // coturn's "TURN REST API": credentials are expiry:bookingId, HMAC-SHA1 keyed by the shared secret.
                context.Args.Add("--use-auth-secret");
                context.Args.Add(ReferenceExpression.Create($"--static-auth-secret={secret.Resource}"));
                context.Args.Add("--realm=videoengager.local");
                context.Args.Add("--fingerprint");
                context.Args.Add("--no-tls");
                context.Args.Add("--no-dtls");
                context.Args.Add("--no-cli");
                context.Args.Add("--log-file=stdout");
                context.Args.Add("--simple-log");
                // No pid file: nothing is written outside the process, nothing is left after a stop.
                context.Args.Add("--pidfile=");
            })
            .WithHealthCheck(healthCheck);
    }
}
