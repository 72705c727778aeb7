using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Conversations;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.WebMessaging;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Analytics;

/// <summary>
/// <c>POST /api/v2/analytics/conversations/details/query</c>: conversations that started in the interval, filtered by
/// <c>conversationId</c> predicates, each with its participants' sessions by media — what reporting sees.
/// </summary>
internal static class AnalyticsEndpoints
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v2/analytics/conversations/details/query", Query)
            .RequireBearerToken()
            .WithTags("Analytics")
            .WithName("PostAnalyticsConversationsDetailsQuery");
        return routes;
    }

    internal static Results<Ok<AnalyticsQueryResponse>, JsonHttpResult<GenesysError>> Query(
        ConversationQuery query, HttpContext context, WebMessagingHub chats, RoutingEngine engine)
    {
        if (!TryParseInterval(query.Interval, out var from, out var to))
        {
            return GenesysError.BadRequest(context, "interval is required, as two ISO-8601 instants: <start>/<end>.");
        }
        var ids = new List<Guid>();
        foreach (var predicate in (query.ConversationFilters ?? []).SelectMany(f => f.Predicates ?? []))
        {
            if (!string.Equals(predicate.Dimension, "conversationId", StringComparison.Ordinal))
            {
                return GenesysError.BadRequest(context, $"Filtering by dimension '{predicate.Dimension}' is not supported here.");
            }
            if (!Guid.TryParse(predicate.Value, out var id))
            {
                return GenesysError.BadRequest(context, $"'{predicate.Value}' is not a conversation id.");
            }
            ids.Add(id);
        }
        var pageSize = Math.Clamp(query.Paging?.PageSize ?? 25, 1, MaxPageSize);
        var pageNumber = Math.Max(1, query.Paging?.PageNumber ?? 1);

        var candidates = ids.Count > 0
            ? ids.Distinct()
            : chats.Sessions().Select(s => s.ConversationId).Concat(engine.List().Select(c => c.Id)).Distinct();
        var matches = candidates
            .Select(id => ConversationView.Of(id, chats.Find(id), engine.Find(id)))
            .OfType<ConversationView>()
            .Where(c => c.StartTime >= from && c.StartTime < to)
            .OrderBy(c => c.StartTime)
            .ToList();
        var page = matches.Skip((pageNumber - 1) * pageSize).Take(pageSize).Select(AnalyticsConversation.Of).ToList();
        return TypedResults.Ok(new AnalyticsQueryResponse(page, matches.Count));
    }

    private static bool TryParseInterval(string? interval, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = default;
        var parts = interval?.Split('/') ?? [];
        return parts.Length == 2
            && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from)
            && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out to)
            && from < to;
    }
}
