using Microsoft.Extensions.Time.Testing;
using VideoEngager.Genesys.Emulator.Sms;

namespace VideoEngager.Genesys.Emulator.UnitTests.Sms;

public sealed class SmsInboxTests
{
    [Fact]
    public void Messages_are_kept_in_arrival_order_and_the_oldest_go_past_capacity()
    {
        var inbox = new SmsInbox(new FakeTimeProvider());
        for (var i = 0; i <= SmsInbox.Capacity; i++)
        {
            inbox.Add("AC-local", "+15551234567", "+15005550006", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var all = inbox.All();

        Assert.Equal(SmsInbox.Capacity, all.Count);
        Assert.Equal(("1", SmsInbox.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)), (all[0].Body, all[^1].Body));
        Assert.Equal(all.Count, all.Select(m => m.Sid).Distinct().Count());
        Assert.Equal(SmsInbox.Capacity, inbox.Clear());
        Assert.Empty(inbox.All());
    }
}
