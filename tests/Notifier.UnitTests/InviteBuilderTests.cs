using Ical.Net;
using Ical.Net.CalendarComponents;
using VideoEngager.Notifications.Invites;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Content;
using VideoEngager.Notifications.V1;

namespace VideoEngager.Notifier.UnitTests;

public class InviteBuilderTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly InviteText Text = new("Video call with Demo Bank", "Join here", "https://video.example/room/bk-123?t=customer");

    private static CalendarEvent Parse(string ics, out Calendar calendar)
    {
        calendar = Calendar.Load(ics) ?? throw new InvalidOperationException("ICS did not parse.");
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public void Request_carries_uid_sequence_organizer_attendee_and_utc_times()
    {
        var booking = Bookings.Create() with { ScheduledTime = new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.FromHours(4)) };
        var ics = InviteBuilder.Build(InviteMethod.Request, booking, Recipient.Customer(booking), 0, Text, Stamp);

        var evt = Parse(ics, out var calendar);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("bk-123@videoengager", evt.Uid);
        Assert.Equal(0, evt.Sequence);
        Assert.Equal("CONFIRMED", evt.Status);
        Assert.Equal(new Uri("mailto:appointments@demo-bank.example"), evt.Organizer?.Value);
        Assert.Equal("Demo Bank", evt.Organizer?.CommonName);
        var attendee = Assert.Single(evt.Attendees);
        Assert.Equal(new Uri("mailto:layla.haddad@example.com"), attendee.Value);
        Assert.True(evt.DtStart!.IsUtc);
        Assert.True(evt.DtEnd!.IsUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), evt.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), evt.DtEnd.AsUtc);
        Assert.Contains("DTSTART:20261201T090000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261201T093000Z", ics, StringComparison.Ordinal);
        Assert.Equal(Text.RoomUrl, evt.Location);
        Assert.Equal(new Uri(Text.RoomUrl), evt.Url);
    }

    [Fact]
    public void Cancel_has_status_cancelled_and_the_sequence_given()
    {
        var booking = Bookings.Create() with { Cancelled = true, Sequence = 1 };
        var ics = InviteBuilder.Build(InviteMethod.Cancel, booking, Bookings.Agent, 2, Text, Stamp);

        var evt = Parse(ics, out var calendar);

        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", evt.Status);
        Assert.Equal(2, evt.Sequence);
        Assert.Equal("bk-123@videoengager", evt.Uid);
        Assert.Equal(new Uri("mailto:omar.farouk@demo-bank.example"), Assert.Single(evt.Attendees).Value);
    }

    [Fact]
    public void The_uid_is_the_same_for_every_version_of_a_booking()
    {
        var booking = Bookings.Create();
        var first = Parse(InviteBuilder.Build(InviteMethod.Request, booking, Recipient.Customer(booking), 0, Text, Stamp), out _);
        var moved = booking with { ScheduledTime = booking.ScheduledTime.AddDays(1), Sequence = 1 };
        var second = Parse(InviteBuilder.Build(InviteMethod.Request, moved, Recipient.Customer(moved), 1, Text, Stamp), out _);

        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(1, second.Sequence);
    }

    [Fact]
    public void A_line_break_in_a_name_cannot_forge_a_property()
    {
        var booking = Bookings.Create(visitorName: "Eve\r\nATTENDEE:mailto:mallory@example.com");
        var ics = InviteBuilder.Build(InviteMethod.Request, booking, Recipient.Customer(booking), 0, Text, Stamp);

        Assert.Single(Parse(ics, out _).Attendees);
    }
}
