namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// The contact center as the booking domain sees it: callbacks named by queue, skill and language names.
/// <see cref="GenesysCloudClient"/> speaks Genesys Cloud; failures surface as <see cref="ContactCenterException"/>.
/// </summary>
public interface IContactCenter
{
    Task<CreatedCallback> CreateCallbackAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the callback to the chat <paramref name="conversationId"/> as a leg of the customer
    /// <paramref name="participantId"/>: chat and video stay one conversation, whose id is the callback's.
    /// </summary>
    Task<CreatedCallback> CreateCallbackOnConversationAsync(
        string conversationId, string participantId, CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>The conversation a guest's Web Messaging message belongs to, or null when no message has that id.</summary>
    Task<string?> FindConversationOfMessageAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>A new notification channel (the Notifications API).</summary>
    Task<NotificationChannelInfo> CreateNotificationChannelAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets the channel's topics to the callback topics of the queues named (unknown names are left out) and so
    /// extends its life. Returns how many topics it holds.
    /// </summary>
    Task<int> SubscribeToCallbacksAsync(string channelId, IReadOnlyCollection<string> queueNames, CancellationToken cancellationToken);

    /// <summary>The conversation as a chat a video leg can join, or null when the contact center does not know it.</summary>
    Task<ChatConversation?> GetChatAsync(string conversationId, CancellationToken cancellationToken);

    Task RescheduleCallbackAsync(string conversationId, DateTimeOffset scheduledTime, CancellationToken cancellationToken);

    /// <summary>Ends the callback whatever its state; ending an ended one is no error.</summary>
    /// <param name="callbackId">The ACD callback id from the create's answer; null when it is not known.</param>
    Task CancelCallbackAsync(string conversationId, string? callbackId, CancellationToken cancellationToken);

    /// <summary>The callback, or null when the contact center does not know it.</summary>
    Task<CallbackInfo?> FindCallbackAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation id of a callback made for <paramref name="bookingId"/> (its <c>bookingId</c> attribute), or
    /// null when there is none. Only for after an ambiguous create: a search, slower and costlier than a read.
    /// </summary>
    Task<string?> FindCallbackIdByBookingAsync(string bookingId, CancellationToken cancellationToken);
}

/// <param name="Language">A language code (<c>ar</c>, <c>en-GB</c>); routed on only when the org has that language.</param>
/// <param name="ScheduledTime">Null for "now".</param>
/// <param name="Data">Shown to the agent as the customer's attributes.</param>
public sealed record CallbackRequest(
    string QueueName,
    IReadOnlyList<string> SkillNames,
    string? Language,
    int Priority,
    string CustomerName,
    string PhoneNumber,
    DateTimeOffset? ScheduledTime,
    IReadOnlyDictionary<string, string> Data);

public sealed record CreatedCallback(string ConversationId, string? CallbackId);

/// <param name="Ended">The customer's leg is disconnected: handled or cancelled.</param>
/// <param name="AgentConnected">An agent has accepted the callback and is on it.</param>
/// <param name="Offered">An agent is being alerted with it.</param>
public sealed record CallbackInfo(
    string ConversationId,
    string? QueueId,
    DateTimeOffset? ScheduledTime,
    bool Ended,
    IReadOnlyDictionary<string, string> Data,
    bool AgentConnected = false,
    bool Offered = false)
{
    /// <summary>The callback as the platform's participants show it: its customer leg, and the agents' legs.</summary>
    internal static CallbackInfo FromParticipants(string conversationId, IReadOnlyList<ParticipantWire> participants)
    {
        var customer = participants.FirstOrDefault(p => p.Purpose == "customer");
        var acd = participants.FirstOrDefault(p => p.Purpose == "acd");
        return new CallbackInfo(
            conversationId,
            acd?.Queue?.Id ?? customer?.Queue?.Id,
            customer?.CallbackScheduledTime ?? acd?.CallbackScheduledTime,
            customer?.State is "disconnected" or "terminated",
            customer?.Attributes ?? acd?.Attributes ?? [],
            participants.Any(p => p.Purpose == "agent" && p.State == "connected"),
            participants.Any(p => p.Purpose == "agent" && p.State == "alerting"));
    }
}

/// <summary>A notification channel: its id, the socket to read events from, and when it expires.</summary>
public sealed record NotificationChannelInfo(string Id, Uri ConnectUri, DateTimeOffset Expires);

/// <param name="CustomerParticipantId">The guest's participant on the message media; null when the conversation is no chat.</param>
/// <param name="CustomerConnected">The guest is still in the chat.</param>
/// <param name="Attributes">The guest participant's attributes: the chat's custom attributes.</param>
/// <param name="CallbackInProgress">A callback leg on the conversation has not ended.</param>
public sealed record ChatConversation(
    string Id,
    string? CustomerParticipantId,
    bool CustomerConnected,
    IReadOnlyDictionary<string, string> Attributes,
    bool CallbackInProgress);
