using System.Globalization;
using VideoEngager.Genesys.Emulator.RateLimits;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Faults;

/// <summary>
/// Journals every platform request (login, API, Web Messaging) and applies the faults registered for it.
/// Emulator and desktop routes are neither journaled nor faulted.
/// </summary>
internal sealed class FaultMiddleware(
    RequestDelegate next, FaultRegistry faults, RequestJournal journal, TimeProvider time, ILogger<FaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!IsPlatformPath(path))
        {
            await next(context);
            return;
        }

        var sequence = journal.NextSequence();
        var arrived = time.GetUtcNow();
        var started = time.GetTimestamp();
        var plan = faults.Take(context.Request.Method, path);
        var status = 0;
        try
        {
            if (plan.Delay > TimeSpan.Zero)
            {
                await Task.Delay(plan.Delay, time, context.RequestAborted);
            }
            switch (plan.Terminal)
            {
                case { Kind: FaultKind.Drop } fault:
                    EmulatorLog.FaultApplied(logger, fault.Describe(), context.Request.Method, path);
                    context.Abort();
                    return;
                case { Kind: FaultKind.Status } fault:
                    EmulatorLog.FaultApplied(logger, fault.Describe(), context.Request.Method, path);
                    await WriteStatusFault(context, fault);
                    break;
                case { Kind: FaultKind.LateAnswer or FaultKind.LostAnswer } fault:
                    EmulatorLog.FaultApplied(logger, fault.Describe(), context.Request.Method, path);
                    if (!await ServeThenWithholdAsync(context, fault))
                    {
                        return;
                    }
                    break;
                default:
                    await next(context);
                    break;
            }
            status = context.Response.StatusCode;
        }
        finally
        {
            journal.Add(new RecordedRequest(
                sequence, arrived, Math.Round(time.GetElapsedTime(0, started).TotalMilliseconds, 3), context.Request.Method, path,
                context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null,
                status,
                plan.IsEmpty ? null : string.Join(", ", new[]
                {
                    plan.Delay > TimeSpan.Zero ? $"latency {plan.Delay.TotalMilliseconds:0} ms" : null,
                    plan.Terminal?.Describe(),
                }.OfType<string>()),
                CorrelationId.Of(context),
                time.GetElapsedTime(started).TotalMilliseconds));
        }
    }

    internal static bool IsPlatformPath(string path) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/oauth/", StringComparison.OrdinalIgnoreCase)
        || string.Equals(path, "/v1", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A true ambiguous failure: the request is carried out in full, but its answer is buffered and then sent late
    /// (past the client's timeout) or never. False when no answer went out.
    /// </summary>
    private async Task<bool> ServeThenWithholdAsync(HttpContext context, FaultView fault)
    {
        var wire = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = wire;
        }
        if (fault.Kind == FaultKind.LostAnswer)
        {
            context.Abort();
            return false;
        }
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs ?? 0), time, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up waiting, as the fault intends.
            return false;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(wire, context.RequestAborted);
        return true;
    }

    private static async Task WriteStatusFault(HttpContext context, FaultView fault)
    {
        var status = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        var message = status == StatusCodes.Status429TooManyRequests
            ? $"Rate limit exceeded the maximum. Retry the request in [{fault.RetryAfterSeconds ?? 0}] seconds"
            : "The service is temporarily unable to answer (injected fault).";
        if (status == StatusCodes.Status429TooManyRequests)
        {
            RateLimitHeaders.SetExhausted(context, fault.RetryAfterSeconds ?? 0);
        }
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            GenesysError.Create(context, status, GenesysError.CodeFor(status), message), context.RequestAborted);
    }
}
