using Microsoft.AspNetCore.Diagnostics;

namespace VideoEngager.Genesys.Emulator.Wire;

/// <summary>Unreadable requests and unexpected failures answer with the platform's error body, not ProblemDetails.</summary>
internal sealed class GenesysExceptionHandler(ILogger<GenesysExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception is BadHttpRequestException bad
            ? GenesysError.Create(httpContext, bad.StatusCode, GenesysError.CodeFor(bad.StatusCode),
                // The serializer's reason names the offending field, e.g. "Path: $.callbackScheduledTime".
                bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message)
            : GenesysError.Create(httpContext, StatusCodes.Status500InternalServerError, "internal.server.error",
                "The server encountered an unexpected error.");
        if (error.Status >= 500)
        {
            EmulatorLog.UnhandledError(logger, exception, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = error.Status;
        await httpContext.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }
}
