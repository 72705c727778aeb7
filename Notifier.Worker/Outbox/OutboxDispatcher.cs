using System.Diagnostics;
using Microsoft.Extensions.Options;
using MimeKit;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Content;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Sms;
using VideoEngager.Outbox;

namespace VideoEngager.Notifier.Outbox;

/// <summary>Claims one batch of due jobs, sends what is still wanted, and records each outcome.</summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    EmailComposer composer,
    IMailSender mailer,
    ISmsSender sms,
    OutboxMetrics metrics,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    public const string ActivitySourceName = "VideoEngager.Notifier.Outbox";
    private static readonly ActivitySource Tracing = new(ActivitySourceName);

    /// <returns>How many jobs were claimed: a full batch means more may be waiting.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var rows = await store.ClaimAsync(now, settings.BatchSize, now + settings.Lease, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }
        NotifierLog.OutboxClaimed(logger, rows.Count);
        // Traced only when it claimed work (an idle poll starts no trace), linked to each booking change it serves.
        using var activity = StartSend(rows);

        var outgoing = new List<(OutboxRow Row, MimeMessage Message)>();
        foreach (var row in rows)
        {
            switch (OutboxDecision.For(row, now, sms.Enabled))
            {
                case OutboxDecision.Skip skip:
                    await store.CompleteAsync(row.Id, timeProvider.GetUtcNow(), cancellationToken);
                    metrics.Skipped(row.Kind);
                    NotifierLog.OutboxSkipped(logger, row.Id, row.Kind, skip.Reason);
                    break;
                case OutboxDecision.Park park:
                    await ParkAsync(row, park.Reason, countAttempt: false, cancellationToken);
                    break;
                case OutboxDecision.Send send:
                    if (send.Sms)
                    {
                        await SendSmsAsync(send.Job, cancellationToken);
                    }
                    if (send.Email)
                    {
                        if (Compose(send.Job) is { } message)
                        {
                            outgoing.Add((row, message));
                        }
                        else
                        {
                            await ParkAsync(row, "The message could not be composed.", countAttempt: true, cancellationToken);
                        }
                    }
                    else
                    {
                        await store.CompleteAsync(row.Id, timeProvider.GetUtcNow(), cancellationToken);
                        metrics.Sent(row.Kind);
                    }
                    break;
            }
        }

        if (outgoing.Count > 0)
        {
            await SendEmailsAsync(outgoing, settings, cancellationToken);
        }
        return rows.Count;
    }

    private async Task SendEmailsAsync(
        List<(OutboxRow Row, MimeMessage Message)> outgoing, OutboxOptions settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<MailDelivery> deliveries;
        try
        {
            // Half the lease to start messages in; the one in flight then has the other half (see OutboxOptions.Lease).
            deliveries = await mailer.SendAsync([.. outgoing.Select(o => o.Message)], settings.Lease / 2, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connecting failed (already logged by the mailer): nothing went out, every job waits for a retry.
            var error = $"{exception.GetType().Name}: {exception.Message}";
            deliveries = [.. outgoing.Select(o => new MailDelivery(o.Message.MessageId ?? string.Empty, DeliveryStatus.Failed, error))];
        }

        // The mailer answers in the order it was given; the sent state is committed only after the server accepted,
        // for the whole batch in one statement.
        var outcomes = outgoing.Zip(deliveries, (o, delivery) => (o.Row, Delivery: delivery)).ToLookup(o => o.Delivery.Status == DeliveryStatus.Sent);
        await store.CompleteAsync([.. outcomes[true].Select(o => o.Row.Id)], timeProvider.GetUtcNow(), cancellationToken);
        foreach (var (row, delivery) in outcomes[true])
        {
            metrics.Sent(row.Kind);
            NotifierLog.OutboxSent(logger, row.Id, row.Kind, delivery.MessageId);
        }
        foreach (var (row, delivery) in outcomes[false])
        {
            var error = delivery.Detail ?? delivery.Status.ToString();
            if (delivery.Status == DeliveryStatus.Rejected)
            {
                await ParkAsync(row, error, countAttempt: true, cancellationToken);
            }
            else
            {
                await RetryOrParkAsync(row, error, settings, cancellationToken);
            }
        }
    }

    private async Task RetryOrParkAsync(OutboxRow row, string error, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var attempt = row.Attempts + 1;
        if (attempt >= settings.MaxAttempts)
        {
            await ParkAsync(row, error, countAttempt: true, cancellationToken);
            return;
        }
        var retryAt = timeProvider.GetUtcNow()
            + Backoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared.NextDouble());
        await store.RetryAsync(row.Id, retryAt, error, cancellationToken);
        metrics.Retried(row.Kind);
        NotifierLog.OutboxRetry(logger, row.Id, row.Kind, attempt, error, retryAt);
    }

    private async Task ParkAsync(OutboxRow row, string error, bool countAttempt, CancellationToken cancellationToken)
    {
        await store.ParkAsync(row.Id, timeProvider.GetUtcNow(), error, countAttempt, cancellationToken);
        metrics.Parked(row.Kind);
        NotifierLog.OutboxParked(logger, row.Id, row.Kind, row.Attempts + (countAttempt ? 1 : 0), error);
    }

    /// <summary>The span of one batch: linked to the trace of each booking change whose notification it sends.</summary>
    public static Activity? StartSend(IReadOnlyList<OutboxRow> rows)
    {
        var links = rows.SelectMany(row => OutboxTrace.LinkTo(row.TraceParent,
            new KeyValuePair<string, object?>("videoengager.outbox.id", row.Id),
            new KeyValuePair<string, object?>("videoengager.notification.kind", row.Kind)));
        var activity = Tracing.StartActivity("send notifications", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("videoengager.outbox.claimed", rows.Count);
        return activity;
    }

    // Bad stored data (a link that is not http(s), an unparsable address) fails the same way on every attempt.
    private MimeMessage? Compose(NotificationJob job)
    {
        try
        {
            return composer.Compose(job);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return null;
        }
    }

    private async Task SendSmsAsync(NotificationJob job, CancellationToken cancellationToken)
    {
        var phone = job.Booking.VisitorPhone;
        if (phone is null)
        {
            return;
        }
        // The sender logs its own outcome; an SMS is never retried (see OutboxDecision), so the result stops here.
        await sms.SendAsync(new SmsMessage(phone, NotificationContent.SmsReminder(job.Booking)), cancellationToken);
    }
}
