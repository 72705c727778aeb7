using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Escalations;

/// <summary>
/// Start Video from a live chat: which chat the request means, whether it can still take a video leg, what the leg
/// carries, and the chat's leg that is already live. Nothing here writes a booking; the create does.
/// </summary>
internal sealed class ChatLegs(
    IContactCenter contactCenter, SchedulingDbContext db, IOptions<BookingOptions> options, TimeProvider clock)
{
    /// <summary>How long a caller should wait when the platform cannot be asked.</summary>
    internal static readonly TimeSpan PlatformRetryAfter = TimeSpan.FromSeconds(5);

    public static bool Names(CreateBookingRequest request) =>
        request.DesiredTimeNow && (request.ConversationId.Length > 0 || request.MessageId.Length > 0);

    /// <summary>The chat the request names, read from the platform; refusals name the field they are about.</summary>
    public async Task<ChatConversation> ResolveAsync(CreateBookingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var conversationId = request.ConversationId;
            if (request.MessageId.Length > 0)
            {
                var found = await contactCenter.FindConversationOfMessageAsync(request.MessageId, cancellationToken)
                    ?? throw FieldViolations.Refuse(Code.NotFound, "messageId", "No chat has a message with this id.");
                if (conversationId.Length > 0 && !string.Equals(conversationId, found, StringComparison.Ordinal))
                {
                    throw FieldViolations.Refuse(Code.InvalidArgument, "messageId",
                        "The message belongs to another conversation than conversationId.");
                }
                conversationId = found;
            }
            var chat = await contactCenter.GetChatAsync(conversationId, cancellationToken);
            if (chat?.CustomerParticipantId is null)
            {
                throw FieldViolations.Refuse(Code.NotFound, "conversationId", "No chat conversation has this id.");
            }
            if (!chat.CustomerConnected)
            {
                throw FieldViolations.Refuse(Code.FailedPrecondition, "conversationId", "The chat has ended.");
            }
            return chat;
        }
        catch (ContactCenterException e)
        {
            // Nothing is written: the visitor may click again once the platform answers.
            throw Unavailable(e.RetryAfter ?? PlatformRetryAfter);
        }
    }

    /// <summary>
    /// The leg's attributes: the chat's custom attributes under the request's (the request wins on a clash), without
    /// what an earlier leg wrote on the chat. The size limit holds for the merge.
    /// </summary>
    public Dictionary<string, string> MergeAttributes(ChatConversation chat, IDictionary<string, string> requested)
    {
        var merged = chat.Attributes.Where(a => !CallbackData.IsOurs(a.Key))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var (key, value) in requested)
        {
            merged[key] = value;
        }
        var limit = options.Value.MaxAttributesBytes;
        if (BookingRequestValidation.AttributesSize(merged) > limit)
        {
            throw FieldViolations.Refuse(Code.InvalidArgument, "attributes",
                $"The chat's attributes and the request's together must be at most {limit} bytes as JSON.");
        }
        return merged;
    }

    /// <summary>
    /// The chat's live video leg, or null. A leg that is over (cancelled, failed, hung up, or its callback gone from
    /// the chat) is let go here, so the next Start Video makes a new one.
    /// </summary>
    public async Task<Booking?> FindLiveAsync(string tenantId, ChatConversation chat, CancellationToken cancellationToken)
    {
        var leg = await FindMarkedAsync(tenantId, chat.Id, cancellationToken);
        if (leg is null)
        {
            return null;
        }
        var status = InteractionStatus.Of(leg, callback: null, clock.GetUtcNow());
        var over = status is InteractionStatus.Ended or InteractionStatus.Failed
            || (leg.CallbackStatus == CallbackStatus.Scheduled && !chat.CallbackInProgress);
        if (!over)
        {
            return leg;
        }
        await db.Bookings
            .Where(b => b.Id == leg.Id && b.LiveConversationId == chat.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.LiveConversationId, (string?)null), cancellationToken);
        return null;
    }

    /// <summary>The booking holding the chat's live-leg mark, whatever its state.</summary>
    public Task<Booking?> FindMarkedAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking()
            .SingleOrDefaultAsync(b => b.TenantId == tenantId && b.LiveConversationId == conversationId, cancellationToken);

    private static RpcException Unavailable(TimeSpan retryAfter) => new Google.Rpc.Status
    {
        Code = (int)Code.Unavailable,
        Message = "The contact center cannot be reached to check the chat; try again shortly.",
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
    }.ToRpcException();
}
