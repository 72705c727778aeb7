using System.Globalization;

namespace VideoEngager.Notifications.Content;

/// <summary>
/// One language's wording. Templates name their values in braces ({first}, {tenant}, {queue}, {when}, {minutes},
/// {visitor}); values are filled in, and HTML-encoded for the HTML body, by <see cref="EmailComposer"/>.
/// Subjects use only {first} (the recipient's own first name), {tenant} and {queue}: no other personal data.
/// </summary>
public sealed record EmailTexts
{
    public required string Lang { get; init; }
    public bool RightToLeft { get; init; }
    public required CultureInfo Culture { get; init; }

    public required string SubjectConfirmed { get; init; }
    public required string SubjectRescheduled { get; init; }
    public required string SubjectCancelled { get; init; }
    public required string SubjectReminder { get; init; }
    public required string SubjectStarting { get; init; }
    public required string SubjectAgentInvite { get; init; }
    public required string SubjectAgentRescheduled { get; init; }
    public required string SubjectAgentCancelled { get; init; }

    public required string Greeting { get; init; }
    public required string BodyConfirmed { get; init; }
    public required string BodyRescheduled { get; init; }
    public required string BodyCancelled { get; init; }
    public required string BodyReminder { get; init; }
    public required string BodyStarting { get; init; }
    public required string BodyAgentInvite { get; init; }
    public required string BodyAgentRescheduled { get; init; }
    public required string BodyAgentCancelled { get; init; }

    public required string When { get; init; }
    public required string Duration { get; init; }
    public required string Customer { get; init; }
    public required string JoinLink { get; init; }
    public required string AgentLink { get; init; }
    public required string ManageLink { get; init; }
    public required string EventSummary { get; init; }
    public required string AgentEventSummary { get; init; }
    public required string SmsReminder { get; init; }

    public static EmailTexts English { get; } = new()
    {
        Lang = "en",
        Culture = CultureFor("en"),
        SubjectConfirmed = "{first}, your video call with {tenant} is confirmed",
        SubjectRescheduled = "{first}, your video call with {tenant} has a new time",
        SubjectCancelled = "{first}, your video call with {tenant} is cancelled",
        SubjectReminder = "{first}, your video call with {tenant} starts soon",
        SubjectStarting = "{first}, your video call with {tenant} is starting",
        SubjectAgentInvite = "Video call booked: {queue}",
        SubjectAgentRescheduled = "Video call rescheduled: {queue}",
        SubjectAgentCancelled = "Video call cancelled: {queue}",
        Greeting = "Hello {first},",
        BodyConfirmed = "Your video call with {tenant} is booked.",
        BodyRescheduled = "Your video call with {tenant} has moved to a new time.",
        BodyCancelled = "Your video call with {tenant} has been cancelled.",
        BodyReminder = "This is a reminder that your video call with {tenant} starts soon.",
        BodyStarting = "Your video call with {tenant} is starting. An agent will join you shortly.",
        BodyAgentInvite = "A customer has booked a video call in {queue}.",
        BodyAgentRescheduled = "A video call in {queue} has moved to a new time.",
        BodyAgentCancelled = "A video call in {queue} has been cancelled.",
        When = "When: {when}",
        Duration = "Duration: {minutes} minutes",
        Customer = "Customer: {visitor}",
        JoinLink = "Join the video call",
        AgentLink = "Open the agent room",
        ManageLink = "Change or cancel this booking",
        EventSummary = "Video call with {tenant}",
        AgentEventSummary = "Video call: {queue}",
        SmsReminder = "Your video call with {tenant} starts at {when}. Join: {url}",
    };

    public static EmailTexts Arabic { get; } = new()
    {
        Lang = "ar",
        RightToLeft = true,
        Culture = CultureFor("ar"),
        SubjectConfirmed = "{first}، تم تأكيد مكالمة الفيديو مع {tenant}",
        SubjectRescheduled = "{first}، تم تغيير موعد مكالمة الفيديو مع {tenant}",
        SubjectCancelled = "{first}، تم إلغاء مكالمة الفيديو مع {tenant}",
        SubjectReminder = "{first}، مكالمة الفيديو مع {tenant} ستبدأ قريباً",
        SubjectStarting = "{first}، مكالمة الفيديو مع {tenant} تبدأ الآن",
        SubjectAgentInvite = "تم حجز مكالمة فيديو: {queue}",
        SubjectAgentRescheduled = "تم تغيير موعد مكالمة فيديو: {queue}",
        SubjectAgentCancelled = "تم إلغاء مكالمة فيديو: {queue}",
        Greeting = "مرحباً {first}،",
        BodyConfirmed = "تم حجز مكالمة الفيديو مع {tenant}.",
        BodyRescheduled = "تم نقل مكالمة الفيديو مع {tenant} إلى موعد جديد.",
        BodyCancelled = "تم إلغاء مكالمة الفيديو مع {tenant}.",
        BodyReminder = "تذكير: مكالمة الفيديو مع {tenant} ستبدأ قريباً.",
        BodyStarting = "مكالمة الفيديو مع {tenant} تبدأ الآن. سينضم إليك أحد الموظفين قريباً.",
        BodyAgentInvite = "حجز عميل مكالمة فيديو في {queue}.",
        BodyAgentRescheduled = "تم نقل مكالمة فيديو في {queue} إلى موعد جديد.",
        BodyAgentCancelled = "تم إلغاء مكالمة فيديو في {queue}.",
        When = "الموعد: {when}",
        Duration = "المدة: {minutes} دقيقة",
        Customer = "العميل: {visitor}",
        JoinLink = "انضم إلى مكالمة الفيديو",
        AgentLink = "افتح غرفة الموظف",
        ManageLink = "تغيير الموعد أو إلغاؤه",
        EventSummary = "مكالمة فيديو مع {tenant}",
        AgentEventSummary = "مكالمة فيديو: {queue}",
        SmsReminder = "مكالمة الفيديو مع {tenant} تبدأ في {when}. للانضمام: {url}",
    };

    /// <summary>Arabic for any <c>ar</c> tag (ar, ar-AE, AR_sa); English for everything else.</summary>
    public static EmailTexts For(string? lang)
    {
        var primary = (lang ?? string.Empty).Trim().Split('-', '_')[0];
        return primary.Equals("ar", StringComparison.OrdinalIgnoreCase) ? Arabic : English;
    }

    // Some Arabic locales default to the Hijri calendar; the invite's dates are Gregorian, so the body's must be too.
    private static CultureInfo CultureFor(string name)
    {
        CultureInfo culture;
        try
        {
            culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        }
        catch (CultureNotFoundException)
        {
            // Globalization-invariant hosts have no locale data; the invariant culture still formats correctly.
            return CultureInfo.InvariantCulture;
        }
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar
            && culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }
        return CultureInfo.ReadOnly(culture);
    }
}
