namespace VideoEngager.AppHost.LocalInfrastructure;

/// <summary>PostgreSQL run from Debian's binaries; exposes the connection string the container resource would.</summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, string database)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public string DatabaseName { get; } = database;

    public EndpointReference Tcp => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Tcp.Property(EndpointProperty.Host)};Port={Tcp.Property(EndpointProperty.Port)};Username=postgres;Database={DatabaseName}");
}

/// <summary>Redis run from Debian's <c>redis-server</c>; exposes the connection string the container resource would.</summary>
public sealed class LocalRedisResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Tcp => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Tcp.Property(EndpointProperty.Host)}:{Tcp.Property(EndpointProperty.Port)}");
}

/// <summary>
/// coturn (Debian's <c>turnserver</c>) on loopback: the TURN relay the video room uses when peers cannot reach each
/// other directly. It checks the time-limited per-booking credentials the edge derives from the shared secret.
/// </summary>
public sealed class LocalTurnResource(string name, string workingDirectory)
    : ExecutableResource(name, "turnserver", workingDirectory)
{
    public EndpointReference Turn => new(this, "turn");
}
