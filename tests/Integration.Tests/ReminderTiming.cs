namespace VideoEngager.Integration.Tests;

/// <summary>
/// A slot and reminder offset whose reminder falls due a few seconds from now. The slot grid is on the half hour and
/// the offset in whole minutes, so the due time can only be chosen to the minute: the soonest whole minute at least a
/// few seconds ahead.
/// </summary>
internal sealed record ReminderTiming(DateTime Slot, int OffsetMinutes, DateTime Due)
{
    public static ReminderTiming Soonest()
    {
        var now = DateTime.UtcNow;
        var slot = now.Date.AddMinutes(Math.Ceiling((now - now.Date).TotalMinutes / 30) * 30);
        if (slot - now < TimeSpan.FromMinutes(2))
        {
            slot = slot.AddMinutes(30);
        }
        var offset = (int)Math.Floor((slot - now - TimeSpan.FromSeconds(5)).TotalMinutes);
        return new ReminderTiming(slot, offset, slot.AddMinutes(-offset));
    }
}
