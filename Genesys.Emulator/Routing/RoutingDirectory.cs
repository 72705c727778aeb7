namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>The org's skills, queues, languages and agents. Names are unique per kind, case-insensitively.</summary>
internal sealed class RoutingDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RoutingKind, Dictionary<Guid, RoutingEntity>> _entities = new()
    {
        [RoutingKind.Skill] = [],
        [RoutingKind.Queue] = [],
        [RoutingKind.Language] = [],
    };
    private readonly Dictionary<Guid, Agent> _agents = [];

    /// <summary>Adds an entity, or answers null when one of that kind already has the name.</summary>
    public RoutingEntity? TryAdd(RoutingKind kind, string name, Guid? id = null)
    {
        lock (_lock)
        {
            var entities = _entities[kind];
            if (entities.Values.Any(e => SameName(e.Name, name)) || (id is { } taken && entities.ContainsKey(taken)))
            {
                return null;
            }
            var entity = new RoutingEntity(id ?? Guid.NewGuid(), name.Trim());
            entities.Add(entity.Id, entity);
            return entity;
        }
    }

    public RoutingEntity? Find(RoutingKind kind, Guid id)
    {
        lock (_lock)
        {
            return _entities[kind].GetValueOrDefault(id);
        }
    }

    /// <summary>Finds by id when <paramref name="idOrName"/> is a GUID, else by name.</summary>
    public RoutingEntity? Find(RoutingKind kind, string idOrName)
    {
        lock (_lock)
        {
            var entities = _entities[kind];
            return Guid.TryParse(idOrName, out var id)
                ? entities.GetValueOrDefault(id)
                : entities.Values.FirstOrDefault(e => SameName(e.Name, idOrName));
        }
    }

    public IReadOnlyList<RoutingEntity> List(RoutingKind kind)
    {
        lock (_lock)
        {
            return [.. _entities[kind].Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Adds an agent, or answers null when the e-mail address is already taken.</summary>
    public Agent? TryAddAgent(Agent agent)
    {
        lock (_lock)
        {
            if (_agents.ContainsKey(agent.Id) || _agents.Values.Any(a => SameName(a.Email, agent.Email)))
            {
                return null;
            }
            _agents.Add(agent.Id, agent);
            return agent;
        }
    }

    public Agent? FindAgent(Guid id)
    {
        lock (_lock)
        {
            return _agents.GetValueOrDefault(id);
        }
    }

    /// <summary>Finds an agent by id or e-mail address, as the desktop page's <c>agent</c> parameter allows.</summary>
    public Agent? FindAgent(string? idOrEmail)
    {
        if (string.IsNullOrWhiteSpace(idOrEmail))
        {
            return null;
        }
        lock (_lock)
        {
            return Guid.TryParse(idOrEmail, out var id)
                ? _agents.GetValueOrDefault(id)
                : _agents.Values.FirstOrDefault(a => SameName(a.Email, idOrEmail.Trim()));
        }
    }

    public IReadOnlyList<Agent> Agents()
    {
        lock (_lock)
        {
            return [.. _agents.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id)];
        }
    }

    /// <summary>Only the routing engine calls this, so that offers follow a change of presence.</summary>
    public Agent? SetPresence(Guid agentId, Presence presence)
    {
        lock (_lock)
        {
            if (!_agents.TryGetValue(agentId, out var agent))
            {
                return null;
            }
            agent = agent with { Presence = presence };
            _agents[agentId] = agent;
            return agent;
        }
    }

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
