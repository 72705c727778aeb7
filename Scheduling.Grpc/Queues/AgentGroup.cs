namespace VideoEngager.Scheduling.Queues;

/// <summary>The agents a queue invites to its calls.</summary>
public sealed class AgentGroup
{
    public required string TenantId { get; init; }
    public required string Id { get; init; }
    public List<Agent> Agents { get; set; } = [];
}

public sealed record Agent(string Name, string Email);
