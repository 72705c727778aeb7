using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Rooms;

/// <summary>Lets a room link's holder in, and records when each party joins and leaves the call.</summary>
internal sealed class RoomCommands(
    SchedulingDbContext db,
    QueueSnapshots snapshots,
    BookingReplies replies,
    InteractionFeed feed,
    IOptions<RoomOptions> options,
    TimeProvider clock)
{
    private const string AgentLanguage = "en";

    public async Task<RoomReply> EnterAsync(RoomRef reference, CancellationToken cancellationToken)
    {
        var (booking, party) = await FindAsync(reference.BookingId, reference.Token, cancellationToken);
        return await ReplyAsync(booking, party, cancellationToken);
    }

    public async Task<RoomReply> RecordPresenceAsync(RecordPresenceRequest request, CancellationToken cancellationToken)
    {
        var (booking, party) = await FindAsync(request.BookingId, request.Token, cancellationToken);
        var now = clock.GetUtcNow();
        if (RoomAccess.StateAt(booking, options.Value, now) != RoomState.Open)
        {
            throw BookingErrors.Refused(BookingErrors.RoomNotOpen, "The room is not open.");
        }
        var bookings = db.Bookings.Where(b => b.Id == booking.Id);
        // One statement, so two parties' updates never overwrite each other's columns.
        // A reconnect or a reload of a party that is in the call keeps its join time (it neither joined nor left), so
        // a hang-up already recorded stays the end of the call; a join after a hang-up starts anew.
        _ = (party, request.Joined) switch
        {
            (RoomParty.Customer, true) => await bookings.ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.CustomerJoinedAt, b => b.CustomerJoinedAt != null && b.CustomerLeftAt == null ? b.CustomerJoinedAt : now)
                    .SetProperty(b => b.CustomerLeftAt, (DateTimeOffset?)null),
                cancellationToken),
            (RoomParty.Customer, false) => await bookings.ExecuteUpdateAsync(
                set => set.SetProperty(b => b.CustomerLeftAt, now), cancellationToken),
            (RoomParty.Agent, true) => await bookings.ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.AgentJoinedAt, b => b.AgentJoinedAt != null && b.AgentLeftAt == null ? b.AgentJoinedAt : now)
                    .SetProperty(b => b.AgentLeftAt, (DateTimeOffset?)null),
                cancellationToken),
            _ => await bookings.ExecuteUpdateAsync(set => set.SetProperty(b => b.AgentLeftAt, now), cancellationToken),
        };
        var (updated, _) = await FindAsync(request.BookingId, request.Token, cancellationToken);
        // The agent joining or a hang-up changes the interaction's status: the visitor's stream hears it now.
        await feed.PublishAsync(updated);
        return await ReplyAsync(updated, party, cancellationToken);
    }

    private async Task<(Booking Booking, RoomParty Party)> FindAsync(
        string bookingId, string token, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        // The same answer for an unknown booking and a wrong token: a link's holder learns nothing from it.
        return booking is not null && RoomAccess.PartyOf(booking, token) is { } party
            ? (booking, party)
            : throw BookingErrors.NotFound("Room");
    }

    private async Task<RoomReply> ReplyAsync(Booking booking, RoomParty party, CancellationToken cancellationToken)
    {
        var setup = await snapshots.GetSetupAsync(booking.TenantId, booking.QueueId, cancellationToken);
        var rules = options.Value;
        var links = replies.For(booking);
        var reply = new RoomReply
        {
            BookingId = booking.Id,
            Party = party.Name(),
            State = RoomAccess.StateAt(booking, rules, clock.GetUtcNow()).Name(),
            ScheduledTime = Timestamp.FromDateTimeOffset(booking.ScheduledTime),
            OpensAt = Timestamp.FromDateTimeOffset(RoomAccess.OpensAt(booking, rules)),
            ClosesAt = Timestamp.FromDateTimeOffset(RoomAccess.ClosesAt(booking, rules)),
            Immediate = booking.Immediate,
            Lang = party == RoomParty.Customer ? booking.PreferredLang : AgentLanguage,
            QueueId = booking.QueueId,
            QueueName = setup?.Queue.Name ?? booking.QueueId,
            TimeZone = setup?.Queue.TimeZone ?? "UTC",
            Presence = BookingReplies.PresenceOf(booking),
        };
        if (party == RoomParty.Agent)
        {
            reply.CustomerName = booking.VisitorName;
            reply.Attributes.Add(booking.Attributes);
        }
        else
        {
            reply.IcsUrl = links.IcsUrl;
            reply.ManageUrl = links.ManageUrl;
            reply.FrameOrigins.Add(await db.Tenants.AsNoTracking().Where(t => t.Id == booking.TenantId)
                .Select(t => t.AllowedOrigins).SingleOrDefaultAsync(cancellationToken) ?? []);
        }
        return reply;
    }
}
