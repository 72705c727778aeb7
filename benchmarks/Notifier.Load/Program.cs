// Load benchmark of Notifier.Worker against the real AppHost: 10 000 reminders written straight into the outbox,
// due in the same minute (spread over it), then the same number due at one instant. Reports p50/p99 lateness
// (processed_at − due_at) and the send rate as a ratio to a plain MailKit loop sending as many of the same messages
// over one connection to the same SMTP server in the same run.
// Usage: dotnet run -c Release --project benchmarks/Notifier.Load [-- count]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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

await using var sink = new SmtpSink();
sink.Start();

var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project).WithEnvironment(env => env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
}
// The worker mails the sink instead of smtp4dev (explicit Smtp:* settings win over the service reference).
builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.NotifierWorker))
    .WithEnvironment("Smtp__Host", "127.0.0.1")
    .WithEnvironment("Smtp__Port", sink.Port.ToString(CultureInfo.InvariantCulture));
// The resources' own log lines, relayed here, would bury the figures.
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
await using var app = await builder.BuildAsync();
await app.StartAsync();
foreach (var resource in new[] { ResourceNames.Database, ResourceNames.SchedulingGrpc, ResourceNames.NotifierWorker, ResourceNames.EscalationApi })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
}

var connectionString = (await app.GetConnectionStringAsync(ResourceNames.Database))!;
await using var db = new NpgsqlConnection(connectionString);
await db.OpenAsync();

// Spread first: it also warms the worker up for the burst.
var spread = await RunAsync("spread over one minute", TimeSpan.FromMinutes(1));
var burst = await RunAsync("due at one instant", TimeSpan.Zero);

// Baseline: one received reminder, re-addressed, sent count times over one connection by a plain MailKit loop.
var template = MimeMessage.Load(new MemoryStream(sink.First));
sink.Clear();
var baseline = Stopwatch.StartNew();
using (var client = new SmtpClient())
{
    await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None);
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

Console.WriteLine();
foreach (var run in new[] { spread, burst })
{
    Console.WriteLine($"Notifier.Worker, {count} reminders {run.Name}: {run.Processed} sent, {run.Failed} parked, " +
        $"{run.Received} received, {run.Duplicates} duplicate Message-IDs");
    Console.WriteLine($"  lateness p50 {run.P50Ms / 1000:F2} s  p99 {run.P99Ms / 1000:F2} s  max {run.MaxMs / 1000:F2} s");
    Console.WriteLine($"  send rate {run.Rate,8:F0} mails/s (first due time to last sent, {run.Seconds:F1} s)");
}
Console.WriteLine($"MailKit loop (baseline), {count} mails over one connection: {baselineRate,8:F0} mails/s, {sink.Received} received");
Console.WriteLine($"  goal p99 lateness <= 1 s (reminders due in the same minute): {spread.P99Ms / 1000:F2} s");
Console.WriteLine($"  ratio worker / MailKit loop (reminders due at one instant) = {burst.Rate / baselineRate:F2} (goal >= 0.5)");
await app.StopAsync();
var complete = new[] { spread, burst }.All(r => r.Processed == count && r.Received == count && r.Duplicates == 0);
return complete ? 0 : 1;

async Task<Run> RunAsync(string name, TimeSpan over)
{
    var tenantId = await CreateTenantAsync(app, "REMIND-Q");
    sink.Clear();
    // A whole second with room for the insert: no row becomes claimable before the first due time.
    var soon = DateTime.UtcNow.AddSeconds(10);
    var first = new DateTime(soon.Ticks - soon.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    await ReminderSeed.InsertAsync(connectionString, tenantId, "REMIND-Q", first, over, count);
    Console.WriteLine($"{count} reminders {name} from {first:HH:mm:ss} UTC (inserted {(first - DateTime.UtcNow).TotalSeconds:F0} s ahead).");

    var deadline = first + over + drainTimeout;
    (long Processed, long Failed) progress;
    while ((progress = await ReminderSeed.ProgressAsync(db, tenantId)).Processed + progress.Failed < count && DateTime.UtcNow < deadline)
    {
        await Task.Delay(500);
    }
    var lateness = await ReminderSeed.LatenessAsync(db, tenantId);
    var seconds = (lateness.Last - first).TotalSeconds;
    await Task.Delay(500); // the last accepted mails are committed before the sink is read
    return new Run(name, progress.Processed, progress.Failed, sink.Received, sink.Duplicates,
        lateness.P50, lateness.P99, lateness.Max, seconds, progress.Processed / seconds);
}

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

internal sealed record Run(
    string Name, long Processed, long Failed, int Received, int Duplicates, double P50Ms, double P99Ms, double MaxMs,
    double Seconds, double Rate);
