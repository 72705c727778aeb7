using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.WebMessaging;

namespace VideoEngager.Genesys.Emulator.Conversations;

/// <summary>
/// One conversation as the platform shows it: a guest's chat, the callback added to it (or a callback on its own), or
/// both — the "one interaction" a video leg on a chat makes. Built from snapshots, so it is safe to serialise anywhere.
/// </summary>
internal sealed record ConversationView(
    Guid Id,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyList<ConversationParticipant> Participants)
{
    public static ConversationView? Of(Guid id, MessagingSessionView? chat, CallbackSnapshot? callback)
    {
        if (chat is null && callback is null)
        {
            return null;
        }
        var participants = new List<ConversationParticipant>();
        if (chat is not null)
        {
            // The chat's customer carries the callback's data too: the platform shows one attribute set per conversation.
            var attributes = new Dictionary<string, string>(chat.CustomAttributes, StringComparer.Ordinal);
            foreach (var (key, value) in callback?.Request.Data ?? new Dictionary<string, string>())
            {
                attributes[key] = value;
            }
            var chatState = chat.ReadOnly ? "disconnected" : "connected";
            participants.Add(new ConversationParticipant(
                chat.CustomerParticipantId, "customer", chatState, chat.CreatedAt, chat.EndedAt, null, null, attributes,
                MessageMedia.Of(chat, chat.CustomerParticipantId, "inbound", chatState), null));
            if (chat.AgentId is { } agentId)
            {
                participants.Add(new ConversationParticipant(
                    chat.AgentParticipantId, "agent", chatState, chat.CreatedAt, chat.EndedAt, null, agentId, new Dictionary<string, string>(),
                    MessageMedia.Of(chat, chat.AgentParticipantId, "outbound", chatState), null));
            }
        }
        if (callback is not null)
        {
            var ended = callback.Status == CallbackStatus.Disconnected;
            foreach (var p in callback.Participants)
            {
                var state = p.State.ToString().ToLowerInvariant();
                participants.Add(new ConversationParticipant(
                    p.Id, p.Purpose.ToString().ToLowerInvariant(), state, callback.CreatedAt, ended ? callback.EndedAt : null,
                    callback.Request.QueueId, p.UserId, callback.Request.Data, null,
                    [new CallbackMedia(p.Purpose == ParticipantPurpose.Customer ? callback.ExternalCallbackId : callback.AcdCallbackId,
                        state, "outbound", callback.Request.CallbackNumbers, callback.Request.CallbackUserName,
                        callback.Request.ScheduledTime)]));
            }
        }
        var start = new[] { chat?.CreatedAt, callback?.CreatedAt }.Where(t => t is not null).Min()!.Value;
        var chatOver = chat is null || chat.EndedAt is not null;
        var callbackOver = callback is null || callback.Status == CallbackStatus.Disconnected;
        DateTimeOffset? end = chatOver && callbackOver ? new[] { chat?.EndedAt, callback?.EndedAt }.Max() : null;
        return new ConversationView(id, start, end, participants);
    }
}

/// <summary>The SDK's <c>Participant</c>, as far as this platform fills it; one of messages or callbacks is set.</summary>
internal sealed record ConversationParticipant(
    Guid Id,
    string Purpose,
    string State,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    Guid? QueueId,
    Guid? UserId,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<MessageMedia>? Messages,
    IReadOnlyList<CallbackMedia>? Callbacks);

/// <summary>The SDK's <c>Message</c> communication of a participant.</summary>
internal sealed record MessageMedia(Guid Id, string State, string Direction, string Type, int MessageCount)
{
    public static IReadOnlyList<MessageMedia> Of(MessagingSessionView chat, Guid id, string direction, string state) =>
        [new(id, state, direction, "webmessaging", chat.Messages.Count)];
}

/// <summary>The SDK's <c>Callback</c> communication of a participant.</summary>
internal sealed record CallbackMedia(
    Guid Id,
    string State,
    string Direction,
    IReadOnlyList<string> CallbackNumbers,
    string? CallbackUserName,
    DateTimeOffset? CallbackScheduledTime);
