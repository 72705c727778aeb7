using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace VideoEngager.Escalation.Errors;

/// <summary>
/// A body that is not JSON, or has a value of the wrong type, is the client's mistake: a 400 naming the field
/// (from the JSON path, e.g. <c>$.visitor.name</c> → <c>visitor.name</c>), never a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var json = badRequest.InnerException as JsonException;
        var field = FieldOf(json?.Path);
        var errors = new Dictionary<string, string[]>
        {
            [field] = [json is null ? "The request could not be read." : $"'{field}' has a value of the wrong type or is not valid JSON."],
        };
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ValidationProblemDetails(errors) { Status = badRequest.StatusCode },
            Exception = exception,
        });
    }

    internal static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
