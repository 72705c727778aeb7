using VideoEngager.Genesys.Emulator.Conversations;

namespace VideoEngager.Genesys.Emulator.Analytics;

// The SDK's ConversationQuery and AnalyticsConversationQueryResponse, as far as this platform serves them.

internal sealed record ConversationQuery(string? Interval, List<ConversationFilter>? ConversationFilters, PagingSpec? Paging);

internal sealed record ConversationFilter(string? Type, List<ConversationPredicate>? Predicates);

internal sealed record ConversationPredicate(string? Dimension, string? Value);

internal sealed record PagingSpec(int? PageSize, int? PageNumber);

internal sealed record AnalyticsQueryResponse(IReadOnlyList<AnalyticsConversation> Conversations, int TotalHits);

internal sealed record AnalyticsConversation(
    Guid ConversationId,
    DateTimeOffset ConversationStart,
    DateTimeOffset? ConversationEnd,
    string OriginatingDirection,
    IReadOnlyList<AnalyticsParticipant> Participants)
{
    public static AnalyticsConversation Of(ConversationView conversation) => new(
        conversation.Id,
        conversation.StartTime,
        conversation.EndTime,
        "inbound",
        [.. conversation.Participants.Select(p => new AnalyticsParticipant(
            p.Id, p.Purpose, p.UserId, p.Attributes,
            [
                .. (p.Messages ?? []).Select(m => new AnalyticsSession("message", m.Id, m.Direction, ["webmessaging"], null, null, null)),
                .. (p.Callbacks ?? []).Select(c => new AnalyticsSession(
                    "callback", c.Id, c.Direction, null, c.CallbackUserName, c.CallbackNumbers, c.CallbackScheduledTime)),
            ]))]);
}

internal sealed record AnalyticsParticipant(
    Guid ParticipantId,
    string Purpose,
    Guid? UserId,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<AnalyticsSession> Sessions);

internal sealed record AnalyticsSession(
    string MediaType,
    Guid SessionId,
    string Direction,
    IReadOnlyList<string>? MessageType,
    string? CallbackUserName,
    IReadOnlyList<string>? CallbackNumbers,
    DateTimeOffset? CallbackScheduledTime);
