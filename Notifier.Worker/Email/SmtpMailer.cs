using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Email;

/// <summary>
/// MailKit SMTP. A batch goes over one connection; after it the connection is kept for the next batch (checked with
/// NOOP before reuse, not reused once idle for <see cref="SmtpOptions.IdleSeconds"/>), so a backlog does not pay a TCP,
/// EHLO and STARTTLS handshake per batch. SmtpClient is not thread-safe: a connection serves one batch at a time. At
/// most 32 wait idle; the server's own idle timeout ends the ones nobody comes back for.
/// </summary>
public sealed class SmtpMailer(IOptionsMonitor<SmtpOptions> options, TimeProvider clock, ILogger<SmtpMailer> logger)
    : IMailSender, IAsyncDisposable
{
    private const int MaxIdleConnections = 32;
    private readonly ConcurrentQueue<(SmtpClient Client, long IdleSince)> _idle = new();

    public async Task<IReadOnlyList<MailDelivery>> SendAsync(
        IReadOnlyList<MimeMessage> messages, TimeSpan budget, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }
        var settings = options.CurrentValue;
        var started = clock.GetTimestamp();
        var client = await RentAsync(settings, cancellationToken);
        var reusable = false;
        try
        {
            var results = await SendAllAsync(client, messages, () => clock.GetElapsedTime(started) >= budget, cancellationToken);
            reusable = client.IsConnected && results.All(r => r.Status != DeliveryStatus.Failed);
            return results;
        }
        finally
        {
            if (reusable && settings.IdleSeconds > 0 && _idle.Count < MaxIdleConnections)
            {
                _idle.Enqueue((client, clock.GetTimestamp()));
            }
            else
            {
                await CloseAsync(client);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryDequeue(out var idle))
        {
            await CloseAsync(idle.Client);
        }
    }

    /// <summary>A kept connection that still answers, else a new one.</summary>
    /// <exception cref="Exception">Connecting or authenticating failed.</exception>
    private async Task<SmtpClient> RentAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        while (_idle.TryDequeue(out var idle))
        {
            if (idle.Client.IsConnected && clock.GetElapsedTime(idle.IdleSince).TotalSeconds < settings.IdleSeconds)
            {
                try
                {
                    await idle.Client.NoOpAsync(cancellationToken);
                    return idle.Client;
                }
                catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
                {
                    // The server let it go while it was idle: try the next, or a new one.
                }
            }
            await CloseAsync(idle.Client);
        }

        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
            return client;
        }
        catch (Exception exception)
        {
            if (exception is not OperationCanceledException)
            {
                NotifierLog.SmtpConnectFailed(logger, settings.Host, settings.Port, exception);
            }
            client.Dispose();
            throw;
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Closing is a courtesy; the socket goes with the client either way.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<IReadOnlyList<MailDelivery>> SendAllAsync(
        SmtpClient client, IReadOnlyList<MimeMessage> messages, Func<bool> overBudget, CancellationToken cancellationToken)
    {
        var results = new List<MailDelivery>(messages.Count);
        foreach (var message in messages)
        {
            if (results.Count > 0 && overBudget())
            {
                break;
            }
            var delivery = await SendOneAsync(client, message, cancellationToken);
            results.Add(delivery);
            if (delivery.Status == DeliveryStatus.Failed && !client.IsConnected)
            {
                break;
            }
        }
        // The connection dropped or the time ran out: the rest were never attempted and go back for a retry.
        var reason = client.IsConnected ? "Not attempted: the batch ran out of time." : "Not attempted: the connection was lost.";
        foreach (var unsent in messages.Skip(results.Count))
        {
            results.Add(new MailDelivery(IdOf(unsent), DeliveryStatus.Failed, reason));
        }

        var sent = results.Count(r => r.Status == DeliveryStatus.Sent);
        NotifierLog.BatchSent(logger, sent, results.Count);
        return results;
    }

    // Composed messages always carry one; an empty id only reaches the result, never the wire.
    private static string IdOf(MimeMessage message) => message.MessageId ?? string.Empty;

    private async Task<MailDelivery> SendOneAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        var id = IdOf(message);
        try
        {
            var reply = await client.SendAsync(message, cancellationToken);
            NotifierLog.MessageSent(logger, id);
            return new MailDelivery(id, DeliveryStatus.Sent, reply);
        }
        catch (SmtpCommandException exception)
        {
            var status = (int)exception.StatusCode >= 500 ? DeliveryStatus.Rejected : DeliveryStatus.Failed;
            NotifierLog.MessageRefused(logger, id, (int)exception.StatusCode, exception.ErrorCode);
            return new MailDelivery(id, status, $"{(int)exception.StatusCode} {exception.ErrorCode}");
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or ServiceNotConnectedException)
        {
            NotifierLog.MessageFailed(logger, id, exception);
            return new MailDelivery(id, DeliveryStatus.Failed, exception.GetType().Name);
        }
    }
}
