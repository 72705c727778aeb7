using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoEngager.Genesys.Emulator.Wire;

/// <summary>The SDKs' <c>Detail</c>: what an error is about, when it is about one entity or field.</summary>
internal sealed record ErrorDetail(string? ErrorCode, string? FieldName, string? EntityId, string? EntityName);

/// <summary>The Platform API error body, field for field, so a client's error parsing is exercised as in production.</summary>
internal sealed record GenesysError(
    int Status,
    string Code,
    string Message,
    string MessageWithParams,
    IReadOnlyDictionary<string, string> MessageParams,
    string ContextId,
    IReadOnlyList<ErrorDetail> Details,
    IReadOnlyList<GenesysError> Errors)
{
    public static GenesysError Create(HttpContext context, int status, string code, string message) =>
        new(status, code, message, message, new Dictionary<string, string>(), CorrelationId.Of(context), [], []);

    public static JsonHttpResult<GenesysError> Result(HttpContext context, int status, string code, string message) =>
        TypedResults.Json(Create(context, status, code, message), statusCode: status);

    public static JsonHttpResult<GenesysError> BadRequest(HttpContext context, string message) =>
        Result(context, StatusCodes.Status400BadRequest, "bad.request", message);

    public static JsonHttpResult<GenesysError> NotFound(HttpContext context, string message) =>
        Result(context, StatusCodes.Status404NotFound, "not.found", message);

    /// <summary>The code the platform uses for each status it may answer with no more specific reason.</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad.request",
        401 => "bad.credentials",
        403 => "missing.any.permissions",
        404 => "not.found",
        405 => "method.not.allowed",
        408 => "request.timeout",
        409 => "conflict",
        415 => "unsupported.media.type",
        429 => "too.many.requests",
        502 => "bad.gateway",
        503 => "service.unavailable",
        504 => "gateway.timeout",
        >= 500 => "internal.server.error",
        _ => "bad.request",
    };
}
