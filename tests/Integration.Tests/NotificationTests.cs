using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>Bookings → outbox → Notifier.Worker → smtp4dev, read back through smtp4dev's API.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationTests(AppHostFixture app)
{
    public const string AgentEmail = "agent.one@test.example";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_mails_the_customer_and_the_agent_each_a_valid_invite_to_their_own_room()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var call = await new BookingRequests(app, tenant).BookAsync(TestTenant.Slot(3, 10), Token);
        using var mailbox = new Smtp4devMailbox(app.App);

        var mails = await mailbox.WaitForAsync(m => m.IsFrom(tenant), 2, MailTimeout, Token);

        var customer = Assert.Single(mails, m => m.To() == call.VisitorEmail);
        var agent = Assert.Single(mails, m => m.To() == AgentEmail);
        foreach (var mail in new[] { customer, agent })
        {
            var invite = mail.Invite() ?? throw new Xunit.Sdk.XunitException("no text/calendar part");
            Assert.Equal("REQUEST", invite.Method);
            var evt = Assert.Single(invite.Events);
            Assert.Equal((call.BookingId + "@videoengager", 0), (evt.Uid, evt.Sequence));
            Assert.Equal(TestTenant.Slot(3, 10), evt.DtStart!.AsUtc);
            Assert.Equal(TestTenant.Slot(3, 10, 30), evt.DtEnd!.AsUtc);
            Assert.Equal(mail.To(), evt.Attendees.Single().Value?.ToString().Replace("mailto:", "", StringComparison.Ordinal));
            // The attachment is the same calendar, for clients that ignore the alternative part.
            Assert.Equal(evt.Uid, Calendar.Load(mail.AttachedIcs()!)!.Events.Single().Uid);
        }
        var customerRoom = customer.Invite()!.Events.Single().Url!.ToString();
        var agentRoom = agent.Invite()!.Events.Single().Url!.ToString();
        Assert.Equal(call.CustomerUrl, customerRoom);
        Assert.Contains(customerRoom, customer.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/rooms/{call.BookingId}?token=", agentRoom, StringComparison.Ordinal);
        Assert.NotEqual(customerRoom, agentRoom);
        Assert.DoesNotContain(agentRoom, customer.TextBody + customer.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(agentRoom, agent.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(customer.MessageId, agent.MessageId);
    }

    [Fact]
    public async Task Rescheduling_twice_sends_sequence_1_then_2_for_the_same_uid()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var bookings = new BookingRequests(app, tenant);
        var call = await bookings.BookAsync(TestTenant.Slot(4, 9), Token);
        using var mailbox = new Smtp4devMailbox(app.App);
        bool ToCustomer(MimeMessage m) => m.IsFrom(tenant) && m.To() == call.VisitorEmail;

        // Each step waits for its mail: a REQUEST still pending when the next change lands is superseded, not sent.
        await mailbox.WaitForAsync(ToCustomer, 1, MailTimeout, Token);
        await bookings.RescheduleAsync(call, TestTenant.Slot(4, 11), Token);
        await mailbox.WaitForAsync(ToCustomer, 2, MailTimeout, Token);
        await bookings.RescheduleAsync(call, TestTenant.Slot(4, 13, 30), Token);
        var mails = await mailbox.WaitForAsync(ToCustomer, 3, MailTimeout, Token);

        var events = mails.Select(m => (m.Invite()!.Method, Event: m.Invite()!.Events.Single())).ToList();
        Assert.Equal([0, 1, 2], events.Select(e => e.Event.Sequence));
        Assert.All(events, e => Assert.Equal(("REQUEST", call.BookingId + "@videoengager"), (e.Method, e.Event.Uid)));
        Assert.Equal(
            [TestTenant.Slot(4, 9), TestTenant.Slot(4, 11), TestTenant.Slot(4, 13, 30)],
            events.Select(e => e.Event.DtStart!.AsUtc));
        Assert.Equal(3, mails.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Cancelling_sends_customer_and_agent_a_CANCEL_above_the_last_sequence()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var bookings = new BookingRequests(app, tenant);
        var call = await bookings.BookAsync(TestTenant.Slot(5, 9), Token);
        using var mailbox = new Smtp4devMailbox(app.App);
        await mailbox.WaitForAsync(m => m.IsFrom(tenant), 2, MailTimeout, Token);

        await bookings.CancelAsync(call, Token);
        var mails = await mailbox.WaitForAsync(m => m.IsFrom(tenant), 4, MailTimeout, Token);

        var cancels = mails.Where(m => m.Invite()?.Method == "CANCEL").ToList();
        Assert.Equal([AgentEmail, call.VisitorEmail], cancels.Select(m => m.To()).Order(StringComparer.Ordinal));
        Assert.All(cancels, m =>
        {
            var evt = m.Invite()!.Events.Single();
            Assert.Equal((call.BookingId + "@videoengager", 1, "CANCELLED"), (evt.Uid, evt.Sequence, evt.Status));
        });
    }

    [Fact]
    public async Task A_reminder_arrives_at_its_due_time_with_the_customer_room()
    {
        var (slot, offset, due) = ReminderTiming.Soonest();
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token,
            new { sendCustomerEmail = true, notifyAgent = false, reminderOffsetMinutes = offset });
        var call = await new BookingRequests(app, tenant).BookAsync(slot, Token);
        // A queue that sends reminders but no confirmations (the reminder's channels are its own flags).
        var remindersOnly = await TestTenant.CreateAsync(app, capacity: 1, Token,
            new { sendCustomerEmail = false, notifyAgent = false, reminders = new { email = true, offsetMinutes = offset } });
        var remindedOnly = await new BookingRequests(app, remindersOnly).BookAsync(slot, Token);
        using var mailbox = new Smtp4devMailbox(app.App);
        // Other bookings' contact-center rows keep announcing themselves meanwhile: they must not hold the reminder up.
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var chatter = AnnounceContactCenterRowsAsync(done.Token);

        var mails = await mailbox.WaitForAsync(m => m.IsFrom(tenant), 2, due - DateTime.UtcNow + MailTimeout, Token);
        await done.CancelAsync();
        await chatter;

        var reminder = Assert.Single(mails, m => m.Invite() is null);
        Assert.Equal(call.VisitorEmail, reminder.To());
        // The Date header is the moment of sending, to the second.
        Assert.InRange(reminder.Date.UtcDateTime, due.AddSeconds(-1), due.AddSeconds(3));
        Assert.Contains(call.CustomerUrl, reminder.TextBody, StringComparison.Ordinal);

        var only = Assert.Single(await mailbox.WaitForAsync(m => m.IsFrom(remindersOnly), 1, MailTimeout, Token));
        Assert.Equal(remindedOnly.VisitorEmail, only.To());
        Assert.Null(only.Invite()); // the reminder, and no confirmation
        Assert.Contains(remindedOnly.CustomerUrl, only.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escalation_mails_the_customer_that_the_call_is_starting_with_the_room_link()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var call = await new BookingRequests(app, tenant).EscalateAsync(Token);
        using var mailbox = new Smtp4devMailbox(app.App);

        var mail = Assert.Single(await mailbox.WaitForAsync(m => m.IsFrom(tenant), 1, MailTimeout, Token));

        Assert.Equal(call.VisitorEmail, mail.To());
        Assert.EndsWith("is starting", mail.Subject, StringComparison.Ordinal);
        Assert.Null(mail.Invite());
        Assert.Contains(call.CustomerUrl, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_written_while_SMTP_is_down_arrives_exactly_once_after_it_returns()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 3, Token);
        var bookings = new BookingRequests(app, tenant);
        var commands = app.App.Services.GetRequiredService<ResourceCommandService>();
        var stop = await commands.ExecuteCommandAsync(ResourceNames.Smtp, KnownResourceCommands.StopCommand, Token);
        Assert.True(stop.Success, stop.Message);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await bookings.BookAsync(TestTenant.Slot(6, 9), Token);
            }
            // Every job has failed at least once: the worker saw the outage and is backing off.
            await WaitForFailedAttemptsAsync(tenant);
        }
        finally
        {
            var start = await commands.ExecuteCommandAsync(ResourceNames.Smtp, KnownResourceCommands.StartCommand, Token);
            Assert.True(start.Success, start.Message);
        }
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Smtp, Token);
        using var mailbox = new Smtp4devMailbox(app.App);

        // smtp4dev keeps mail in memory, so everything counted here arrived after the restart.
        await mailbox.WaitForAsync(m => m.IsFrom(tenant), 6, TimeSpan.FromSeconds(60), Token);
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        var mails = (await mailbox.AllAsync(Token)).Where(m => m.IsFrom(tenant)).ToList();

        Assert.Equal(6, mails.Count);
        Assert.Equal(6, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, mails.Count(m => m.To() == AgentEmail));
    }

    private async Task WaitForFailedAttemptsAsync(TestTenant tenant)
    {
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // While stopped, the endpoint's proxy accepts and stays silent: an attempt fails at the 10-second SMTP timeout.
        timeout.CancelAfter(TimeSpan.FromSeconds(45));
        while (true)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE o.attempts = 0), count(*) FILTER (WHERE o.processed_at IS NOT NULL)
                FROM outbox o JOIN bookings b ON b.id = o.booking_id
                WHERE b.tenant_id = @tenant AND o.channel = 'notification' AND o.kind <> 'reminder'
                """, db);
            command.Parameters.AddWithValue("tenant", tenant.TenantId);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            Assert.Equal(0, reader.GetInt64(1));
            if (reader.GetInt64(0) == 0)
            {
                return;
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    private async Task AnnounceContactCenterRowsAsync(CancellationToken stop)
    {
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);
        await using var announce = new NpgsqlCommand("SELECT pg_notify('outbox', 'contact-center ' || floor(extract(epoch FROM now()) * 1000)::bigint)", db);
        try
        {
            while (true)
            {
                await announce.ExecuteNonQueryAsync(stop);
                await Task.Delay(5, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
