using System.Text.RegularExpressions;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Log lines of the contact-center dispatch. Ids, kinds and platform codes only: never the visitor's name or phone
/// (the platform's messages may quote them, so they are logged with digit runs masked).
/// </summary>
internal static partial class ContactCenterLog
{
    [LoggerMessage(2000, LogLevel.Information, "Contact-center {Kind} for booking {BookingId} done ({Note}): conversation {ConversationId}")]
    public static partial void Done(ILogger logger, string kind, string bookingId, string note, string? conversationId);

    [LoggerMessage(2001, LogLevel.Warning, "Contact-center {Kind} for booking {BookingId} failed (attempt {Attempt}, status {Status}, code {Code}, correlation {CorrelationId}); retrying at {DueAt}: {Reason}")]
    public static partial void Retrying(ILogger logger, string kind, string bookingId, int attempt, int? status, string? code,
        string? correlationId, DateTimeOffset dueAt, string reason);

    [LoggerMessage(2002, LogLevel.Error, "Contact-center {Kind} for booking {BookingId} failed for good (attempt {Attempt}, status {Status}, code {Code}, correlation {CorrelationId}): {Reason}")]
    public static partial void Failed(ILogger logger, string kind, string bookingId, int attempt, int? status, string? code,
        string? correlationId, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "Callback create for booking {BookingId} may have reached Genesys without an answer; before creating again it is searched for by booking id")]
    public static partial void AmbiguousCreate(ILogger logger, string bookingId);

    [LoggerMessage(2004, LogLevel.Information, "Callback create for booking {BookingId} skipped: conversation {ConversationId} already exists")]
    public static partial void AlreadyCreated(ILogger logger, string bookingId, string conversationId);

    [LoggerMessage(2005, LogLevel.Warning, "Contact-center message {MessageId} for booking {BookingId} was taken over by another dispatcher; its result is dropped")]
    public static partial void LeaseLost(ILogger logger, long messageId, string bookingId);

    [LoggerMessage(2006, LogLevel.Error, "Contact-center message {MessageId} for booking {BookingId} hit an unexpected error; retrying at {DueAt}")]
    public static partial void Unexpected(ILogger logger, Exception exception, long messageId, string bookingId, DateTimeOffset dueAt);

    [LoggerMessage(2008, LogLevel.Error, "The callback dispatch loop failed; it carries on in {Delay}")]
    public static partial void LoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(2016, LogLevel.Warning, "Dispatching booking {BookingId}'s callback within its request failed; the dispatcher takes it up")]
    public static partial void InRequestDispatchFailed(ILogger logger, string bookingId, Exception exception);

    [LoggerMessage(2010, LogLevel.Information, "Callback create for booking {BookingId} had reached Genesys after all: conversation {ConversationId} found by booking id and kept")]
    public static partial void FoundAfterAmbiguousCreate(ILogger logger, string bookingId, string conversationId);

    [LoggerMessage(2011, LogLevel.Warning, "Callback search for booking {BookingId} is refused (status {Status}, code {Code}); creating again, which may duplicate an unanswered create")]
    public static partial void SearchRefused(ILogger logger, string bookingId, int? status, string? code);

    /// <summary>Masks runs of digits that could be a phone number in text the platform wrote.</summary>
    public static string Mask(string text) => DigitRuns().Replace(text, "***");

    [GeneratedRegex(@"\+?\d[\d\s().-]{4,}\d")]
    private static partial Regex DigitRuns();

    [LoggerMessage(2009, LogLevel.Information, "Callback dispatcher started: {Api}, login {Login}")]
    public static partial void Started(ILogger logger, Uri api, Uri login);
}
