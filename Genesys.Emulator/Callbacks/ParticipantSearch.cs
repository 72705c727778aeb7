using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>
/// <c>POST /api/v2/conversations/participants/attributes/search</c> over the callbacks: EXACT criteria on
/// participant attributes (a callback's <c>data</c>), all of which must match. The platform pages this search by an
/// opaque <c>cursor</c>; the emulator also takes <c>pageSize</c>/<c>pageNumber</c> and reports both ways.
/// </summary>
internal static class ParticipantSearch
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    internal static Results<Ok<ParticipantSearchResponse>, JsonHttpResult<GenesysError>> Search(
        ParticipantSearchRequest request, HttpContext context, RoutingEngine engine)
    {
        if (request.Query is not { Count: > 0 } query)
        {
            return GenesysError.BadRequest(context, "query is required and must not be empty.");
        }
        foreach (var criterion in query)
        {
            // The platform answers an unsupported criterion with a bare 400 "Search not supported.".
            if (!string.Equals(criterion.Type, "EXACT", StringComparison.OrdinalIgnoreCase)
                || criterion.Fields is not { Count: > 0 } || string.IsNullOrEmpty(criterion.Value))
            {
                return GenesysError.BadRequest(context, "Search not supported.");
            }
        }
        var pageSize = request.PageSize ?? DefaultPageSize;
        var pageNumber = request.PageNumber ?? 1;
        // A cursor carries the page after the one it came with, at that page's size.
        if (request.Cursor is { } cursor && !TryReadCursor(cursor, out pageNumber, out pageSize))
        {
            return GenesysError.BadRequest(context, "cursor is not valid.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            return GenesysError.BadRequest(context, $"pageSize must be between 1 and {MaxPageSize}.");
        }
        if (pageNumber < 1)
        {
            return GenesysError.BadRequest(context, "pageNumber must be 1 or more.");
        }

        var matches = engine.List()
            .Where(c => query.All(q => q.Fields!.Any(f => c.Request.Data.TryGetValue(f, out var v) && v == q.Value)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToList();
        var page = PagedEntities<CallbackSnapshot>.Page(matches, pageSize, pageNumber);
        return TypedResults.Ok(new ParticipantSearchResponse(
            ["conversations"], page.Total, page.PageCount, page.PageSize, page.PageNumber,
            pageNumber < page.PageCount ? Cursor(pageNumber + 1, pageSize) : null,
            [.. page.Entities.Select(c => new ParticipantSearchResult(
                new EntityRef(c.Id), CallbackConversationResponse.Of(c).Participants))]));
    }

    private static string Cursor(int pageNumber, int pageSize) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"page:{pageNumber}:{pageSize}")));

    private static bool TryReadCursor(string cursor, out int pageNumber, out int pageSize)
    {
        pageNumber = pageSize = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return parts is ["page", var number, var size]
                && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber)
                && int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

internal sealed record ParticipantSearchCriterion(string? Type, List<string>? Fields, string? Value);

internal sealed record ParticipantSearchRequest(List<ParticipantSearchCriterion>? Query, string? Cursor, int? PageSize, int? PageNumber);

internal sealed record ParticipantSearchResult(EntityRef Conversation, IReadOnlyList<CallbackParticipantResponse> Participants);

/// <summary>The SDKs' <c>JsonCursorSearchResponse</c> (<c>types</c> is required there), with the page fields kept.</summary>
internal sealed record ParticipantSearchResponse(
    IReadOnlyList<string> Types,
    int Total, int PageCount, int PageSize, int PageNumber, string? Cursor, IReadOnlyList<ParticipantSearchResult> Results);
