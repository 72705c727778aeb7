using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;

namespace VideoEngager.Notifier.UnitTests;

public class MessageIdsTests
{
    [Fact]
    public void Same_inputs_give_the_same_id_whatever_the_address_casing()
    {
        Assert.Equal(
            MessageIds.For("bk-1", NotificationKind.Reminder, "Layla@Example.com", 0),
            MessageIds.For("bk-1", NotificationKind.Reminder, "layla@example.com", 0));
    }

    [Fact]
    public void Each_input_changes_the_id()
    {
        var id = MessageIds.For("bk-1", NotificationKind.Reminder, "a@example.com", 0);

        Assert.NotEqual(id, MessageIds.For("bk-2", NotificationKind.Reminder, "a@example.com", 0));
        Assert.NotEqual(id, MessageIds.For("bk-1", NotificationKind.VideoStarting, "a@example.com", 0));
        Assert.NotEqual(id, MessageIds.For("bk-1", NotificationKind.Reminder, "b@example.com", 0));
        Assert.NotEqual(id, MessageIds.For("bk-1", NotificationKind.Reminder, "a@example.com", 1));
    }
}
