using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoEngager.Genesys.Emulator.Faults;

/// <summary>Not part of the platform: tests inject faults and read the request journal here.</summary>
internal static class FaultEndpoints
{
    private static readonly int[] AllowedStatuses = [400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504];

    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/emulator").WithTags("Emulator");
        admin.MapPost("/faults", AddFault).WithName("AddFault");
        admin.MapGet("/faults", ListFaults).WithName("ListFaults");
        admin.MapDelete("/faults", ClearFaults).WithName("ClearFaults");
        admin.MapGet("/requests", ListRequests).WithName("ListRequests");
        admin.MapDelete("/requests", ClearRequests).WithName("ClearRequests");
        return routes;
    }

    /// <summary>
    /// <c>{"path":"/api/v2/conversations/callbacks","method":"POST","kind":"Status","status":429,"retryAfterSeconds":2,"times":3}</c>;
    /// a path ending in <c>*</c> matches by prefix. Status, drop and late/lost-answer faults apply once unless <c>times</c> says otherwise;
    /// latency applies to every request until cleared unless <c>times</c> is set.
    /// </summary>
    internal static Results<Created<FaultView>, ValidationProblem> AddFault(FaultRequest request, FaultRegistry faults)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Path) || !request.Path.StartsWith('/'))
        {
            errors["path"] = ["A path starting with '/' is required, e.g. /api/v2/conversations/callbacks or /api/v2/*."];
        }
        if (request.Kind is null)
        {
            errors["kind"] = ["kind is required: Latency, Status, Drop, LateAnswer or LostAnswer."];
        }
        if (request.Kind == FaultKind.Status && (request.Status is not { } status || !AllowedStatuses.Contains(status)))
        {
            errors["status"] = [$"status must be one of {string.Join(", ", AllowedStatuses)}."];
        }
        if (request.Kind is FaultKind.Latency or FaultKind.LateAnswer && request.LatencyMs is not (> 0 and <= 300_000))
        {
            errors["latencyMs"] = ["latencyMs must be between 1 and 300000."];
        }
        if (request.RetryAfterSeconds is < 0 or > 3600)
        {
            errors["retryAfterSeconds"] = ["retryAfterSeconds must be between 0 and 3600."];
        }
        if (request.Times is < 1)
        {
            errors["times"] = ["times must be 1 or more; leave it out for a lasting latency."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rule = new FaultRule
        {
            Id = Guid.NewGuid(),
            Path = request.Path!.Trim(),
            Method = string.IsNullOrWhiteSpace(request.Method) ? null : request.Method.Trim().ToUpperInvariant(),
            Kind = request.Kind!.Value,
            Status = request.Status ?? 0,
            RetryAfterSeconds = request.RetryAfterSeconds,
            Latency = TimeSpan.FromMilliseconds(request.LatencyMs ?? 0),
            Remaining = request.Times ?? (request.Kind == FaultKind.Latency ? null : 1),
        };
        faults.Add(rule);
        return TypedResults.Created($"/emulator/faults/{rule.Id}", FaultView.Of(rule));
    }

    internal static Ok<IReadOnlyList<FaultView>> ListFaults(FaultRegistry faults) => TypedResults.Ok(faults.List());

    internal static NoContent ClearFaults(FaultRegistry faults)
    {
        faults.Clear();
        return TypedResults.NoContent();
    }

    /// <param name="path">Only requests whose path starts with this.</param>
    /// <param name="method">Only requests with this method.</param>
    internal static Ok<IReadOnlyList<RecordedRequest>> ListRequests(string? path, string? method, RequestJournal journal) =>
        TypedResults.Ok(journal.List(path, method));

    internal static NoContent ClearRequests(RequestJournal journal)
    {
        journal.Clear();
        return TypedResults.NoContent();
    }
}

internal sealed record FaultRequest(
    string? Path, string? Method, FaultKind? Kind, int? Status, int? RetryAfterSeconds, int? LatencyMs, int? Times);
