using VideoEngager.Scheduling.Bookings;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>A booking's callback as the booking row records it.</summary>
/// <param name="AcdId">The ACD callback id, when a create answered with one; null keeps the stored one.</param>
public sealed record CallbackState(string? CallbackId, CallbackStatus Status, string? Error, string? AcdId = null);

/// <summary>What became of one claimed contact-center message.</summary>
public abstract record DispatchOutcome
{
    private DispatchOutcome()
    {
    }

    /// <summary>Handled; the booking's callback becomes <paramref name="Callback"/> unless that is null (nothing to change).</summary>
    public sealed record Done(CallbackState? Callback, string Note) : DispatchOutcome;

    /// <summary>A transient failure: try again at <paramref name="DueAt"/>.</summary>
    public sealed record Retry(DateTimeOffset DueAt, string Reason, ContactCenterException? Error) : DispatchOutcome;

    /// <summary>Given up: the booking's callback is marked failed with <paramref name="Reason"/>.</summary>
    public sealed record Failed(string Reason, ContactCenterException? Error) : DispatchOutcome;
}
