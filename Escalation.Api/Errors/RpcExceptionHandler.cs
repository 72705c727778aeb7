using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace VideoEngager.Escalation.Errors;

/// <summary>Turns Scheduling.Grpc's status codes into the public contract's HTTP answers.</summary>
internal sealed class RpcExceptionHandler(IProblemDetailsService problemDetails, ILogger<RpcExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Scheduling's reason when an Idempotency-Key is replayed with another request.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>When Scheduling is unavailable and says nothing of when to come back.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RpcException rpc)
        {
            return false;
        }

        var problem = ToProblem(rpc);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            EscalationLog.SchedulingFailed(logger, rpc.StatusCode, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            var retryAfter = rpc.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan() ?? DefaultRetryAfter;
            httpContext.Response.Headers.RetryAfter =
                ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// Adds Scheduling's field errors to the edge's own, keeping the edge's reading of a field it already judged
    /// (e.g. an unparseable time says more than Scheduling's "missing").
    /// </summary>
    internal static void AddFieldErrors(RpcException invalidArgument, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in ((ValidationProblemDetails)ToProblem(invalidArgument)).Errors)
        {
            errors.TryAdd(field, messages);
        }
    }

    internal static ProblemDetails ToProblem(RpcException rpc)
    {
        if (rpc.StatusCode == StatusCode.InvalidArgument)
        {
            return new ValidationProblemDetails(FieldErrors(rpc))
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = rpc.Status.Detail,
            };
        }

        var reason = rpc.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
        var status = (rpc.StatusCode, reason) switch
        {
            (StatusCode.FailedPrecondition, IdempotencyKeyReused) => StatusCodes.Status422UnprocessableEntity,
            (StatusCode.NotFound, _) => StatusCodes.Status404NotFound,
            (StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.Aborted, _) => StatusCodes.Status409Conflict,
            (StatusCode.ResourceExhausted, _) => StatusCodes.Status429TooManyRequests,
            (StatusCode.Unauthenticated, _) => StatusCodes.Status401Unauthorized,
            (StatusCode.PermissionDenied, _) => StatusCodes.Status403Forbidden,
            (StatusCode.Unavailable or StatusCode.DeadlineExceeded, _) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        // Internal failures keep their detail in the logs, not in the answer.
        var detail = status == StatusCodes.Status500InternalServerError ? null : rpc.Status.Detail;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        // A refusal about one field (an unknown conversationId, say) names it as a validation error would.
        if (FieldErrors(rpc) is { Count: > 0 } fields)
        {
            problem.Extensions["errors"] = fields;
        }
        if (reason is not null)
        {
            problem.Extensions["reason"] = reason;
        }
        return problem;
    }

    /// <summary>Scheduling's field violations (a BadRequest detail), grouped by field.</summary>
    private static Dictionary<string, string[]> FieldErrors(RpcException rpc) =>
        (rpc.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray());
}
