using VideoEngager.Outbox;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed class OutboxAnnouncementTests
{
    [Fact]
    public void Reads_the_channel_and_its_earliest_due_time()
    {
        Assert.True(OutboxAnnouncement.TryParse("contact-center 1764097200123", out var announcement));

        Assert.Equal("contact-center", announcement.Channel);
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 19, 0, 0, 123, TimeSpan.Zero), announcement.DueAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("notification")]
    [InlineData("notification soon")]
    [InlineData(" 1764097200123")]
    [InlineData("notification -5")]
    public void A_payload_in_no_known_form_is_not_read(string? payload)
    {
        Assert.False(OutboxAnnouncement.TryParse(payload, out _));
    }
}
