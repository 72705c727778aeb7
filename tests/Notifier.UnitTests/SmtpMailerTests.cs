using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Content;
using VideoEngager.Notifications.V1;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.UnitTests;

public class SmtpMailerTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(1);

    private readonly EmailComposer _composer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)));

    private static SmtpMailer Mailer(int port, int idleSeconds = 30) => new(
        new StaticOptions(new SmtpOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 10, IdleSeconds = idleSeconds }),
        TimeProvider.System,
        NullLogger<SmtpMailer>.Instance);

    private MimeMessage Agent(string email) => _composer.Compose(NotificationJob.ForAgent(
        NotificationKind.AgentInvite, Bookings.Create(), Recipient.Agent("Agent", email)));

    [Fact]
    public async Task A_batch_goes_over_one_connection_and_arrives_intact()
    {
        await using var server = new LoopbackSmtpServer();
        var booking = Bookings.Create();
        var messages = new[]
        {
            _composer.Compose(NotificationJob.ForCustomer(NotificationKind.CustomerConfirmation, booking)),
            _composer.Compose(NotificationJob.ForAgent(NotificationKind.AgentInvite, booking, Bookings.Agent)),
        };

        var results = await Mailer(server.Port).SendAsync(messages, Budget, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(messages.Select(m => m.MessageId), results.Select(r => r.MessageId));
        Assert.Equal(1, server.Connections);
        Assert.Equal(2, server.Messages.Count);

        using var received = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(server.Messages[0])), TestContext.Current.CancellationToken);
        Assert.Equal(messages[0].MessageId, received.MessageId);
        var calendar = received.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MediaSubtype == "calendar");
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("bk-123@videoengager", Assert.Single(Ical.Net.Calendar.Load(calendar.Text)!.Events).Uid);
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(0, 2)]
    public async Task The_next_batch_reuses_the_connection_while_it_is_kept(int idleSeconds, int connections)
    {
        await using var server = new LoopbackSmtpServer();
        await using var mailer = Mailer(server.Port, idleSeconds);

        var first = await mailer.SendAsync([Agent("one@example.com")], Budget, TestContext.Current.CancellationToken);
        var second = await mailer.SendAsync([Agent("two@example.com")], Budget, TestContext.Current.CancellationToken);

        Assert.All(first.Concat(second), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(connections, server.Connections);
        Assert.Equal(2, server.Messages.Count);
        Assert.Equal(idleSeconds > 0 ? 1 : 0, server.Commands.Count(c => c.StartsWith("NOOP", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Past_its_budget_a_batch_starts_no_more_messages_and_hands_them_back_unsent()
    {
        await using var server = new LoopbackSmtpServer();
        var messages = new[] { Agent("one@example.com"), Agent("two@example.com"), Agent("three@example.com") };

        var results = await Mailer(server.Port).SendAsync(messages, TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Sent, results[0].Status); // the first always goes, or nothing would
        Assert.All(results.Skip(1), r => Assert.Equal((DeliveryStatus.Failed, "Not attempted: the batch ran out of time."), (r.Status, r.Detail)));
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task A_refused_recipient_does_not_stop_the_rest()
    {
        await using var server = new LoopbackSmtpServer();
        var messages = new[] { Agent("reject.me@example.com"), Agent("ok@example.com") };

        var results = await Mailer(server.Port).SendAsync(messages, Budget, TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.Rejected, DeliveryStatus.Sent], results.Select(r => r.Status));
        Assert.StartsWith("550", results[0].Detail, StringComparison.Ordinal);
        Assert.Single(server.Messages);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task An_empty_batch_opens_no_connection()
    {
        await using var server = new LoopbackSmtpServer();

        Assert.Empty(await Mailer(server.Port).SendAsync([], Budget, TestContext.Current.CancellationToken));
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        await using var server = new LoopbackSmtpServer();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Mailer(server.Port).SendAsync([Agent("ok@example.com")], Budget, cancelled.Token));
        Assert.Empty(server.Messages);
    }

    private sealed class StaticOptions(SmtpOptions value) : IOptionsMonitor<SmtpOptions>
    {
        public SmtpOptions CurrentValue => value;

        public SmtpOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SmtpOptions, string?> listener) => null;
    }
}
