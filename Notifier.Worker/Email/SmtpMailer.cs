using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Email;

/// <summary>MailKit SMTP: one connection per batch; a new client each time, since SmtpClient is not thread-safe.</summary>
public sealed class SmtpMailer(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpMailer> logger) : IMailSender
{
    public async Task<IReadOnlyList<MailDelivery>> SendAsync(
        IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }
        var settings = options.CurrentValue;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            NotifierLog.SmtpConnectFailed(logger, settings.Host, settings.Port, exception);
            throw;
        }

        var results = new List<MailDelivery>(messages.Count);
        foreach (var message in messages)
        {
            var delivery = await SendOneAsync(client, message, cancellationToken);
            results.Add(delivery);
            if (delivery.Status == DeliveryStatus.Failed && !client.IsConnected)
            {
                break;
            }
        }
        // The connection dropped: the rest were never attempted and go back for a retry.
        foreach (var unsent in messages.Skip(results.Count))
        {
            results.Add(new MailDelivery(IdOf(unsent), DeliveryStatus.Failed, "Not attempted: the connection was lost."));
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
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
