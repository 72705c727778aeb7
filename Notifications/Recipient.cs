namespace VideoEngager.Notifications;

/// <summary>Who a notification goes to: the booking's customer or one agent of the queue's agent group.</summary>
/// <param name="Lang">Preferred language tag; null means English.</param>
public sealed record Recipient(string Name, string Email, string? Lang = null)
{
    public static Recipient Customer(BookingSnapshot booking) =>
        new(booking.VisitorName, booking.VisitorEmail, booking.PreferredLang);

    public static Recipient Agent(string name, string email) => new(name, email);

    /// <summary>The only part of a name that may appear in a subject line.</summary>
    public string FirstName
    {
        get
        {
            var trimmed = Name.AsSpan().Trim();
            var space = trimmed.IndexOfAny(' ', '\t');
            return (space < 0 ? trimmed : trimmed[..space]).ToString();
        }
    }
}
