namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// The callback <c>data</c> keys this product writes beside the visitor's attributes. They show on the conversation's
/// customer participant, so a chat that had a video leg before carries the old leg's values; those are never copied.
/// </summary>
internal static class CallbackData
{
    public const string BookingId = "bookingId";
    public const string AgentUrl = "agentUrl";
    public const string MessagingConversationId = "messagingConversationId";

    public static bool IsOurs(string key) => key is BookingId or AgentUrl or MessagingConversationId;
}
