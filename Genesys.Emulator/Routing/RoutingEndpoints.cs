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

    internal static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> GetQueues(
        string? name, int? pageSize, int? pageNumber, HttpContext context, RoutingDirectory directory) =>
        Page(context, directory, RoutingKind.Queue, name, pageSize, pageNumber);

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
        var users = directory.Agents().Select(a => new UserResponse(a.Id, a.Name, "active", a.Email)).ToList();
        return TypedResults.Ok(PagedEntities<UserResponse>.Page(users, Size(pageSize), pageNumber ?? 1));
    }

    private static Results<Ok<PagedEntities<RoutingEntityResponse>>, JsonHttpResult<GenesysError>> Page(
        HttpContext context, RoutingDirectory directory, RoutingKind kind, string? namePattern, int? pageSize, int? pageNumber)
    {
        if (PagingError(pageSize, pageNumber) is { } error)
        {
            return GenesysError.BadRequest(context, error);
        }
        var matches = directory.List(kind)
            .Where(e => string.IsNullOrEmpty(namePattern) || NamePattern.Matches(namePattern, e.Name))
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

internal sealed record UserResponse(Guid Id, string Name, string State, string Email);
