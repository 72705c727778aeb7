using Google.Protobuf.WellKnownTypes;
using VideoEngager.Escalation.Availability;
using VideoEngager.Escalation.VideoEngagerApi;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Escalation.UnitTests.VideoEngagerApi;

/// <summary>Each field of the VideoEngager callback API, one test each way.</summary>
public sealed class VideoEngagerMappingTests
{
    private static readonly VideoEngagerCallbackRequest Full = new(
        " Fatima ", " Al-Ali ", " fatima@example.com ", " +971501234567 ", "2026-12-03T10:30:00.000Z", "VIP-Video-Q", "script-7", 45);

    private static Scheduling.V1.CreateBookingRequest Map(VideoEngagerCallbackRequest body, Dictionary<string, string[]>? errors = null) =>
        VideoEngagerMapping.ToCreateRequest(body, "demo", "First-Q", errors ?? []);

    [Fact]
    public void Firstname_and_lastname_make_the_visitors_name() =>
        Assert.Equal("Fatima Al-Ali", Map(Full).Visitor.Name);

    [Fact]
    public void Customer_email_is_the_visitors_email() =>
        Assert.Equal("fatima@example.com", Map(Full).Visitor.Email);

    [Fact]
    public void Customer_number_is_the_visitors_phone() =>
        Assert.Equal("+971501234567", Map(Full).Visitor.Phone);

    [Fact]
    public void Desired_time_is_the_scheduled_time_or_now()
    {
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero)), Map(Full).ScheduledTime);
        var now = Map(Full with { DesiredTime = "now" });
        Assert.True(now.DesiredTimeNow);
        Assert.Null(now.ScheduledTime);
        var errors = new Dictionary<string, string[]>();
        Map(Full with { DesiredTime = "next tuesday" }, errors);
        Assert.True(errors.ContainsKey("_desired_time"));
        errors.Clear();
        Map(Full with { DesiredTime = null }, errors);
        Assert.True(errors.ContainsKey("_desired_time"));
    }

    [Fact]
    public void Queue_id_is_the_queue_or_the_tenants_first()
    {
        Assert.Equal("VIP-Video-Q", Map(Full).QueueId);
        Assert.Equal("First-Q", Map(Full with { QueueId = null }).QueueId);
    }

    [Fact]
    public void Script_id_and_duration_travel_as_attributes()
    {
        var request = Map(Full);
        Assert.Equal(("script-7", "45"), (request.Attributes["scriptId"], request.Attributes["duration"]));
        Assert.Equal("30", Map(Full with { Duration = null }).Attributes["duration"]);
        var errors = new Dictionary<string, string[]>();
        Map(Full with { Duration = 0 }, errors);
        Assert.True(errors.ContainsKey("duration"));
    }

    [Fact]
    public void The_products_field_errors_are_named_as_this_api_names_them()
    {
        var renamed = VideoEngagerMapping.RenameFields(new Dictionary<string, string[]>
        {
            ["visitor.name"] = ["a"], ["visitor.email"] = ["b"], ["visitor.phone"] = ["c"], ["scheduledTime"] = ["d"], ["queueId"] = ["e"],
        });
        Assert.Equal(["_customer_number", "_desired_time", "customer_email", "firstname", "queueId"], renamed.Keys.Order());
    }

    [Fact]
    public void The_answer_carries_every_field_of_the_videoengager_shape()
    {
        var reply = new BookingReply
        {
            BookingId = "bk_1", Status = "confirmed", QueueId = "VIP-Video-Q", CallbackId = "conv-1",
            ScheduledTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero)),
            CustomerUrl = "https://edge/rooms/bk_1?token=c", AgentUrl = "https://edge/rooms/bk_1?token=a",
            ConfirmationMail = true, Attributes = { ["duration"] = "45" },
        };

        var answer = VideoEngagerMapping.ToResponse(reply, "BEGIN:VCALENDAR");

        Assert.Equal(("VIP-Video-Q", "conv-1"), (answer.Genesys.QueueId, answer.Genesys.Conversation.Id));
        Assert.Equal(1796293800000, answer.VideoEngager.Date);
        Assert.Equal(("bk_1", "bk_1"), (answer.VideoEngager.Code, answer.VideoEngager.ScheduleId));
        Assert.Equal(("https://edge/rooms/bk_1?token=c", "https://edge/rooms/bk_1?token=a"), (answer.VideoEngager.MeetingUrl, answer.VideoEngager.AgentUrl));
        Assert.Equal((45, true), (answer.VideoEngager.Duration, answer.VideoEngager.Active));
        Assert.Equal((true, "BEGIN:VCALENDAR"), (answer.EmailSent, answer.IcsCalendarData));

        var pending = VideoEngagerMapping.ToResponse(new BookingReply { Status = "cancelled", ScheduledTime = reply.ScheduledTime }, null);
        Assert.Null(pending.Genesys.Conversation.Id);
        Assert.False(pending.VideoEngager.Active);
        Assert.Equal(VideoEngagerMapping.DefaultDuration, pending.VideoEngager.Duration);
    }

    [Fact]
    public void Availability_lists_open_slots_from_start_with_their_seats_left()
    {
        var at = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        var calendar = new AvailabilityResponse("Q", "UTC", 30,
        [
            new SlotResponse(at, at.AddMinutes(30), 2, 2, "open", 0),
            new SlotResponse(at.AddMinutes(30), at.AddMinutes(60), 2, 0, "full", 0),
            new SlotResponse(at.AddMinutes(60), at.AddMinutes(90), 2, 1, "open", 15),
        ]);

        Assert.Equal(new Dictionary<string, int> { ["2026-12-03T09:00:00.000Z"] = 2, ["2026-12-03T10:00:00.000Z"] = 1 },
            VideoEngagerMapping.ToAvailability(calendar, null));
        Assert.Equal(["2026-12-03T10:00:00.000Z"], VideoEngagerMapping.ToAvailability(calendar, new DateTimeOffset(at.AddMinutes(45))).Keys);
        Assert.Equal(["2026-12-03T09:00:00.000Z"],
            VideoEngagerMapping.ToAvailability(calendar, new DateTimeOffset(at), new DateTimeOffset(at.AddMinutes(60))).Keys);
    }
}
