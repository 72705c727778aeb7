// Load benchmark of Notifier.Worker against the real AppHost: 10 000 reminders due at the same instant, written straight
// into the outbox. Reports p50/p99 lateness (processed_at − due_at) and the send rate as a ratio to a plain MailKit
// loop sending as many equivalent messages over one connection to the same smtp4dev in the same run.
// Usage: dotnet run -c Release --project benchmarks/Notifier.Load [-- count]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;
using VideoEngager;
using VideoEngager.Benchmarks;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var drainTimeout = TimeSpan.FromMinutes(3);

var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project).WithEnvironment(env => env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
}
// smtp4dev logs three lines per message at Information, which would cost it (and this console) more than the mail.
builder.CreateResourceBuilder(builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == ResourceNames.Smtp))
    .WithEnvironment("Serilog__MinimumLevel__Default", "Warning");
// The resources' own log lines, relayed here, would bury the figures.
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
await using var app = await builder.BuildAsync();
await app.StartAsync();
foreach (var resource in new[] { ResourceNames.Database, ResourceNames.Smtp, ResourceNames.SchedulingGrpc, ResourceNames.NotifierWorker, ResourceNames.EscalationApi })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
}

var connectionString = (await app.GetConnectionStringAsync(ResourceNames.Database))!;
var tenantId = await CreateTenantAsync(app, "REMIND-Q");
using var smtpApi = app.CreateHttpClient(ResourceNames.Smtp, "http");
var mailbox = new Mailbox(smtpApi);
await mailbox.ClearAsync();

// A whole second with room for the insert: every row becomes claimable at that instant, none before.
var now = DateTime.UtcNow.AddSeconds(10);
var due = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
await ReminderSeed.InsertAsync(connectionString, tenantId, "REMIND-Q", due, count);
Console.WriteLine($"{count} reminders due at {due:HH:mm:ss} UTC (inserted {(due - DateTime.UtcNow).TotalSeconds:F0} s ahead).");

await using var db = new NpgsqlConnection(connectionString);
await db.OpenAsync();
var deadline = due + drainTimeout;
(long Processed, long Failed) progress;
while ((progress = await ReminderSeed.ProgressAsync(db, tenantId)).Processed + progress.Failed < count && DateTime.UtcNow < deadline)
{
    await Task.Delay(500);
}
var lateness = await ReminderSeed.LatenessAsync(db, tenantId);
var workerSeconds = (lateness.Last - due).TotalSeconds;
var workerRate = progress.Processed / workerSeconds;
// Everything left in the mailbox arrived after the clear: the reminders (the queue sends no other mail).
var workerMails = await mailbox.CountAsync();

// Baseline: one received reminder, re-addressed, sent count times over one connection by a plain MailKit loop.
var template = await mailbox.FirstAsync();
await mailbox.ClearAsync();
var smtp = app.GetEndpoint(ResourceNames.Smtp, "smtp");
var baseline = Stopwatch.StartNew();
using (var client = new SmtpClient())
{
    await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
    for (var i = 0; i < count; i++)
    {
        template.To.Clear();
        template.To.Add(MailboxAddress.Parse($"b{i}@load.example"));
        template.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("load.example");
        await client.SendAsync(template);
    }
    await client.DisconnectAsync(quit: true);
}
var baselineRate = count / baseline.Elapsed.TotalSeconds;
await Task.Delay(1000);
var baselineMails = await mailbox.CountAsync();

Console.WriteLine();
Console.WriteLine($"Notifier.Worker  {count} reminders: {progress.Processed} sent, {progress.Failed} parked, {workerMails} at smtp4dev");
Console.WriteLine($"  lateness p50 {lateness.P50 / 1000:F2} s  p99 {lateness.P99 / 1000:F2} s  max {lateness.Max / 1000:F2} s (goal p99 <= 1 s)");
Console.WriteLine($"  send rate {workerRate,8:F0} mails/s (due time to last sent, {workerSeconds:F1} s)");
Console.WriteLine($"MailKit loop (baseline) {count} mails, one connection: {baselineRate,8:F0} mails/s, {baselineMails} at smtp4dev");
Console.WriteLine($"  ratio worker / MailKit loop = {workerRate / baselineRate:F2} (goal >= 0.5)");
await app.StopAsync();
return progress.Processed == count && workerMails == count ? 0 : 1;

static async Task<string> CreateTenantAsync(DistributedApplication app, string queueId)
{
    using var admin = app.CreateHttpClient(ResourceNames.EscalationApi, "http");
    admin.DefaultRequestHeaders.Add("X-Admin-Key", "local-admin-key");
    var tenantId = "load" + Guid.NewGuid().ToString("N")[..8];
    (await admin.PostAsJsonAsync("/admin/tenants", new { id = tenantId, name = "Load", senderEmail = "load@example.com" }))
        .EnsureSuccessStatusCode();
    var allDay = new[] { new { from = "00:00", to = "00:00" } };
    var days = new[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }.ToDictionary(d => d, _ => allDay);
    var response = await admin.PostAsJsonAsync($"/admin/tenants/{tenantId}/queues", new
    {
        id = queueId, name = queueId, timeZone = "UTC", weeklyHours = days, intervalMinutes = 30, capacity = 1000,
        minNoticeMinutes = 0, bookingWindowDays = 60, averageHandleMinutes = 15,
        flags = new { sendCustomerEmail = true, notifyAgent = false, reminderOffsetMinutes = 15, smsReminders = false },
    });
    response.EnsureSuccessStatusCode();
    return tenantId;
}
