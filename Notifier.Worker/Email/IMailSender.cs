using MimeKit;

namespace VideoEngager.Notifier.Email;

/// <summary>Sends a batch of composed messages.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends the messages in order over one connection and answers one <see cref="MailDelivery"/> per message, in the
    /// same order. A message the server refuses doesn't stop the others. None is started after
    /// <paramref name="budget"/> has passed (the first always is): those come back failed, not attempted, so a slow
    /// server cannot keep a batch past its claim.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing after that point was sent.</exception>
    /// <exception cref="Exception">Connecting or authenticating failed: nothing was sent, retry the whole batch.</exception>
    Task<IReadOnlyList<MailDelivery>> SendAsync(IReadOnlyList<MimeMessage> messages, TimeSpan budget, CancellationToken cancellationToken);
}
