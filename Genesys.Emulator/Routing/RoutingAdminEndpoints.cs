using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>Not part of the platform: lets tests shape the org (skills, queues, languages, agents, presence).</summary>
internal static class RoutingAdminEndpoints
{
    public static IEndpointRouteBuilder MapRoutingAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/emulator").WithTags("Emulator");
        admin.MapPost("/skills", AddSkill).WithName("AddSkill");
        admin.MapPost("/queues", AddQueue).WithName("AddQueue");
        admin.MapPost("/languages", AddLanguage).WithName("AddLanguage");
        admin.MapGet("/agents", ListAgents).WithName("ListAgents");
        admin.MapPost("/agents", AddAgent).WithName("AddAgent");
        admin.MapPut("/agents/{agentId}/presence", SetPresence).WithName("SetAgentPresence");
        return routes;
    }

    internal static Results<Created<RoutingEntityResponse>, ValidationProblem, Conflict<string>> AddSkill(
        NewEntityRequest request, RoutingDirectory directory) => Add(RoutingKind.Skill, request, directory);

    internal static Results<Created<RoutingEntityResponse>, ValidationProblem, Conflict<string>> AddQueue(
        NewEntityRequest request, RoutingDirectory directory) => Add(RoutingKind.Queue, request, directory);

    internal static Results<Created<RoutingEntityResponse>, ValidationProblem, Conflict<string>> AddLanguage(
        NewEntityRequest request, RoutingDirectory directory) => Add(RoutingKind.Language, request, directory);

    private static Results<Created<RoutingEntityResponse>, ValidationProblem, Conflict<string>> Add(
        RoutingKind kind, NewEntityRequest request, RoutingDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name is required."] });
        }
        if (directory.TryAdd(kind, request.Name, request.Id) is not { } entity)
        {
            return TypedResults.Conflict($"A {kind.ToString().ToLowerInvariant()} with that name or id already exists.");
        }
        return TypedResults.Created($"/emulator/{kind.ToString().ToLowerInvariant()}s/{entity.Id}",
            new RoutingEntityResponse(entity.Id, entity.Name, "active"));
    }

    internal static Ok<List<AgentResponse>> ListAgents(RoutingDirectory directory) =>
        TypedResults.Ok(directory.Agents().Select(a => AgentResponse.Of(a, directory)).ToList());

    /// <summary>Skills, languages and queues may be given by id or by name.</summary>
    internal static Results<Created<AgentResponse>, ValidationProblem, Conflict<string>> AddAgent(
        NewAgentRequest request, RoutingDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["A name is required."];
        }
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = ["An e-mail address is required."];
        }
        var skills = Resolve(directory, RoutingKind.Skill, request.Skills, "skills", errors);
        var languages = Resolve(directory, RoutingKind.Language, request.Languages, "languages", errors);
        var queues = Resolve(directory, RoutingKind.Queue, request.Queues, "queues", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var agent = new Agent(request.Id ?? Guid.NewGuid(), request.Name!.Trim(), request.Email!.Trim(),
            skills, languages, queues, request.Presence ?? Presence.Available);
        if (directory.TryAddAgent(agent) is null)
        {
            return TypedResults.Conflict("An agent with that id or e-mail address already exists.");
        }
        return TypedResults.Created($"/emulator/agents/{agent.Id}", AgentResponse.Of(agent, directory));
    }

    internal static Results<Ok<AgentResponse>, NotFound> SetPresence(
        string agentId, PresenceRequest request, RoutingDirectory directory, RoutingEngine engine) =>
        directory.FindAgent(agentId) is { } found && engine.SetPresence(found.Id, request.Presence) is { } agent
            ? TypedResults.Ok(AgentResponse.Of(agent, directory))
            : TypedResults.NotFound();

    private static HashSet<Guid> Resolve(
        RoutingDirectory directory, RoutingKind kind, List<string>? idsOrNames, string field, Dictionary<string, string[]> errors)
    {
        var ids = new HashSet<Guid>();
        var unknown = new List<string>();
        foreach (var idOrName in idsOrNames ?? [])
        {
            if (directory.Find(kind, idOrName) is { } entity)
            {
                ids.Add(entity.Id);
            }
            else
            {
                unknown.Add($"Unknown {kind.ToString().ToLowerInvariant()} '{idOrName}'.");
            }
        }
        if (unknown.Count > 0)
        {
            errors[field] = [.. unknown];
        }
        return ids;
    }
}

internal sealed record NewEntityRequest(string? Name, Guid? Id);

internal sealed record NewAgentRequest(
    string? Name, string? Email, List<string>? Skills, List<string>? Languages, List<string>? Queues, Presence? Presence, Guid? Id);

internal sealed record PresenceRequest(Presence Presence);

internal sealed record AgentResponse(
    Guid Id, string Name, string Email, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Queues, Presence Presence, string DesktopUrl)
{
    public static AgentResponse Of(Agent agent, RoutingDirectory directory) => new(
        agent.Id, agent.Name, agent.Email,
        Names(directory, RoutingKind.Skill, agent.SkillIds),
        Names(directory, RoutingKind.Language, agent.LanguageIds),
        Names(directory, RoutingKind.Queue, agent.QueueIds),
        agent.Presence,
        $"/desktop?agent={agent.Id}");

    private static List<string> Names(RoutingDirectory directory, RoutingKind kind, IEnumerable<Guid> ids) =>
        [.. ids.Select(id => directory.Find(kind, id)?.Name ?? id.ToString()).Order(StringComparer.OrdinalIgnoreCase)];
}
