namespace VideoEngager.Notifier.Outbox;

/// <summary>A claimed <c>outbox</c> row of channel <c>notification</c>.</summary>
/// <param name="Sequence">The booking's sequence when the row was written.</param>
/// <param name="Recipient">The agent's address for agent kinds; otherwise null.</param>
/// <param name="Attempts">Failed attempts so far (0 on the first try).</param>
public sealed record OutboxRow(long Id, string BookingId, string Kind, int Sequence, string? Recipient, int Attempts);
