using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>The look-ups a client uses to turn queue, skill and language names into ids.</summary>
internal static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v2").RequireBearerToken().WithTags("Routing");
        api.MapGet("/routing/skills", GetSkills).WithName("GetRoutingSkills");
        api.MapGet("/routing/queues", GetQueues).WithName("GetRoutingQueues");
        api.MapGet("/routing/languages", GetLanguages).WithName("GetRoutingLanguages");
        api.MapGet("/users", GetUsers).WithName("GetUsers");
        return routes;
    }

    // The platform filters skills and languages by leading name, queues by whole name; both allow '*' wildcards.
    internal static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> GetSkills(
        string? name, int? pageSize, int? pageNumber, HttpContext context, RoutingDirectory directory) =>
        Page(context, directory, RoutingKind.Skill, name is null ? null : name + "*", pageSize, pageNumber);

    /// <param name="id">Queue ids, repeated (<c>id=a&amp;id=b</c>) or comma-joined, as the SDKs send them.</param>
    internal static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> GetQueues(
        string? name, string[]? id, int? pageSize, int? pageNumber, HttpContext context, RoutingDirectory directory)
    {
        var ids = (id ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => Guid.TryParse(v, out var parsed) ? parsed : Guid.Empty)
            .ToHashSet();
        return Page(context, directory, RoutingKind.Queue, name, pageSize, pageNumber, ids.Count == 0 ? null : ids);
    }

    internal static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> GetLanguages(
        string? name, int? pageSize, int? pageNumber, HttpContext context, RoutingDirectory directory) =>
        Page(context, directory, RoutingKind.Language, name is null ? null : name + "*", pageSize, pageNumber);

    internal static Results<Ok<PagedEntities<UserResponse>>, JsonHttpResult<GenesysError>> GetUsers(
        int? pageSize, int? pageNumber, HttpContext context, RoutingDirectory directory)
    {
        if (PagingError(pageSize, pageNumber) is { } error)
        {
            return GenesysError.BadRequest(context, error);
        }
        // Agents never change here once added: every user is at version 1.
        var users = directory.Agents().Select(a => new UserResponse(a.Id, a.Name, "active", a.Email, 1)).ToList();
        return TypedResults.Ok(PagedEntities<UserResponse>.Page(users, Size(pageSize), pageNumber ?? 1));
    }

    private static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> Page(
        HttpContext context, RoutingDirectory directory, RoutingKind kind, string? namePattern, int? pageSize, int? pageNumber,
        HashSet<Guid>? ids = null)
    {
        if (PagingError(pageSize, pageNumber) is { } error)
        {
            return GenesysError.BadRequest(context, error);
        }
        var matches = directory.List(kind)
            .Where(e => string.IsNullOrEmpty(namePattern) || NamePattern.Matches(namePattern, e.Name))
            .Where(e => ids is null || ids.Contains(e.Id))
            .Select(e => new RoutingEntityResponse(e.Id, e.Name, "active"))
            .ToList();
        return TypedResults.Ok(PagedEntities<RoutingEntityResponse>.Page(matches, Size(pageSize), pageNumber ?? 1));
    }

    private static int Size(int? pageSize) => pageSize ?? PagedEntities<RoutingEntityResponse>.DefaultPageSize;

    private static string? PagingError(int? pageSize, int? pageNumber) =>
        pageSize is < 1 or > PagedEntities<RoutingEntityResponse>.MaxPageSize
            ? $"pageSize must be between 1 and {PagedEntities<RoutingEntityResponse>.MaxPageSize}."
            : pageNumber is < 1 ? "pageNumber must be 1 or more." : null;
}

internal sealed record RoutingEntityResponse(Guid Id, string Name, string State);

/// <summary>The SDKs' <c>User</c>, as far as served: <c>version</c> is required there.</summary>
internal sealed record UserResponse(Guid Id, string Name, string State, string Email, int Version);
