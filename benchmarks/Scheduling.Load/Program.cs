// Load benchmarks of Scheduling.Grpc against the real AppHost (local PostgreSQL and Redis), each reported as a ratio
// to a baseline measured in the same run:
//   1. GetAvailability (14 days, 30-minute slots, 10 000 bookings in the window) vs the no-op Ping on the same service.
//   2. Sustained CreateBooking vs pgbench running a one-row insert transaction on the same PostgreSQL; then counts
//      overbooked slots (must be 0).
// Usage: dotnet run -c Release --project benchmarks/Scheduling.Load [-- seconds callers]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using VideoEngager;
using VideoEngager.Benchmarks;
using VideoEngager.Scheduling.V1;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var phases = args.Length > 2 ? args[2] : "all"; // availability, booking or all
// Long enough for the booking path's code to reach its optimized tier; shorter, the run measures the JIT (after 10 s
// the tiering thread still took a sixth of the machine).
var bookingWarmUp = TimeSpan.FromSeconds(20);
var duration = TimeSpan.FromSeconds(seconds);
const int SeatsPerSlot = 100;

var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project).WithEnvironment(env => env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
}
// Measure the booking itself: its callback follows from the outbox, not inside the measured request.
builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.SchedulingGrpc))
    .WithEnvironment("ContactCenter__ShortBudget", "00:00:00");
await using var app = await builder.BuildAsync();
await app.StartAsync();
foreach (var resource in new[] { ResourceNames.Database, ResourceNames.Redis, ResourceNames.SchedulingGrpc, ResourceNames.EscalationApi })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
}

var connectionString = (await app.GetConnectionStringAsync(ResourceNames.Database))!;
var (tenantId, _) = await CreateTenantAsync(app, "BENCH-Q", capacity: 1000);
// Named after the emulator's routing queue (queue ids are Genesys queue names), so each booking's callback is really
// made, as in a configured org.
const string Contended = "VIP-Video-Q";
await CreateQueueAsync(app, tenantId, Contended, capacity: SeatsPerSlot);
var today = DateTime.UtcNow.Date;
await SeedBookingsAsync(connectionString, tenantId, "BENCH-Q", today.AddDays(1), 10_000);

using var http = app.CreateHttpClient(ResourceNames.SchedulingGrpc, "grpc");
using var channel = GrpcChannel.ForAddress(http.BaseAddress!, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
});
var scheduling = new Scheduling.SchedulingClient(channel);
var availability = new GetAvailabilityRequest
{
    TenantId = tenantId, QueueId = "BENCH-Q", Days = 14,
    StartDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
};
var calendarReply = await scheduling.GetAvailabilityAsync(availability);
var calendarSlots = SlotColumns.Parser.ParseFrom(calendarReply.Slots);
Console.WriteLine($"Availability answers {calendarSlots.StepsMinutes.Count} slots; {calendarSlots.Taken.Sum()} seats taken; {calendarReply.CalculateSize()} bytes.");

async Task<bool> Ping(int _) { await scheduling.PingAsync(new PingRequest()); return true; }
// Decoded as a caller would use it.
async Task<bool> Availability(int _) => SlotColumns.Parser.ParseFrom((await scheduling.GetAvailabilityAsync(availability)).Slots).StepsMinutes.Count > 0;
var report = new List<string>();
if (phases is "all" or "availability")
{
    await LoadRun.RunAsync("warm-up", callers, TimeSpan.FromSeconds(2), Ping);
    await LoadRun.RunAsync("warm-up", callers, TimeSpan.FromSeconds(2), Availability);
    var ping = await LoadRun.RunAsync("Ping (baseline)", callers, duration, Ping);
    var calendar = await LoadRun.RunAsync("GetAvailability 14 days", callers, duration, Availability);
    report.Add(ping.ToString());
    report.Add(calendar.ToString());
    report.Add($"  ratio GetAvailability / Ping           = {calendar.RequestsPerSecond / ping.RequestsPerSecond:F2} (goal >= 0.5)");
}

var overbooked = 0L;
if (phases is "all" or "booking")
{
    // Visitors spread over 1 000 slots of 100 seats (three weeks of 30-minute cells): enough room that the run
    // measures bookings, enough contention that slots fill up; checked for overbooking afterwards.
    var contended = Enumerable.Range(0, 1000).Select(i => today.AddDays(2).AddMinutes(30 * i)).ToArray();
    async Task<bool> Book(int n)
    {
        var request = new CreateBookingRequest
        {
            TenantId = tenantId, QueueId = Contended,
            Visitor = new Visitor { Name = $"Load {n}", Email = $"load{n}@example.com", Phone = "+971501234567", PreferredLang = "en" },
            ScheduledTime = Timestamp.FromDateTime(contended[Random.Shared.Next(contended.Length)]),
        };
        try
        {
            await scheduling.CreateBookingAsync(request);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return false; // a full slot: a correct answer, but not a booking, so not counted in the rate
        }
    }
    await LoadRun.RunAsync("warm-up", callers, bookingWarmUp, Book);
    var bookings = await LoadRun.RunAsync("CreateBooking", callers, duration, Book);
    var pgbench = await PgbenchAsync(connectionString, callers, seconds);
    overbooked = await OverbookedAsync(connectionString, tenantId, Contended, SeatsPerSlot);
    report.Add(bookings.ToString());
    report.Add($"{"pgbench one-row insert (baseline)",-28} {pgbench,10:F0} tx/s");
    report.Add($"  ratio CreateBooking / pgbench          = {bookings.RequestsPerSecond / pgbench:F2} (goal >= 0.4)");
    report.Add($"  overbooked slots                       = {overbooked} (must be 0)");
}

Console.WriteLine();
report.ForEach(Console.WriteLine);
await app.StopAsync();
return overbooked == 0 ? 0 : 1;

static async Task<(string TenantId, string WidgetKey)> CreateTenantAsync(DistributedApplication app, string queueId, int capacity)
{
    using var admin = AdminClient(app);
    var tenantId = "bench-" + Guid.NewGuid().ToString("N")[..8];
    var tenant = await admin.PostAsJsonAsync("/admin/tenants", new { id = tenantId, name = "Bench", senderEmail = "bench@example.com" });
    tenant.EnsureSuccessStatusCode();
    var key = (await tenant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("widgetKey").GetString()!;
    await CreateQueueAsync(app, tenantId, queueId, capacity);
    return (tenantId, key);
}

static async Task CreateQueueAsync(DistributedApplication app, string tenantId, string queueId, int capacity)
{
    using var admin = AdminClient(app);
    var allDay = new[] { new { from = "00:00", to = "00:00" } };
    var days = new[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }.ToDictionary(d => d, _ => allDay);
    var response = await admin.PostAsJsonAsync($"/admin/tenants/{tenantId}/queues", new
    {
        id = queueId, name = queueId, timeZone = "UTC", weeklyHours = days, intervalMinutes = 30, capacity,
        minNoticeMinutes = 0, bookingWindowDays = 60, averageHandleMinutes = 15,
        flags = new { sendCustomerEmail = false, notifyAgent = false },
    });
    response.EnsureSuccessStatusCode();
}

static HttpClient AdminClient(DistributedApplication app)
{
    var client = app.CreateHttpClient(ResourceNames.EscalationApi, "http");
    client.DefaultRequestHeaders.Add("X-Admin-Key", "local-admin-key");
    return client;
}

// Bookings spread evenly over the 14-day window, inserted with their inventory in one statement each.
static async Task SeedBookingsAsync(string connectionString, string tenantId, string queueId, DateTime from, int count)
{
    await using var db = new NpgsqlConnection(connectionString);
    await db.OpenAsync();
    await using var insert = new NpgsqlCommand("""
        INSERT INTO bookings (id, tenant_id, queue_id, status, immediate, scheduled_time, sequence, visitor_name,
            visitor_email, visitor_phone, preferred_lang, skills, priority, attributes, customer_token, agent_token,
            manage_token, callback_status, created_at, updated_at)
        SELECT 'seed_' || n, @tenant, @queue, 'Confirmed', false, @from + ((n % 672) * interval '30 minutes'), 0,
            'Seed', 'seed@example.com', '+971501234567', 'en', '{}', 5, '{}', md5(n::text), md5('a' || n), md5('m' || n),
            'Pending', now(), now()
        FROM generate_series(1, @count) AS n;
        INSERT INTO slot_inventory (tenant_id, queue_id, slot_start, booked)
        SELECT tenant_id, queue_id, scheduled_time, count(*) FROM bookings
        WHERE tenant_id = @tenant AND queue_id = @queue GROUP BY tenant_id, queue_id, scheduled_time;
        """, db);
    insert.Parameters.AddWithValue("tenant", tenantId);
    insert.Parameters.AddWithValue("queue", queueId);
    insert.Parameters.AddWithValue("from", from);
    insert.Parameters.AddWithValue("count", count);
    await insert.ExecuteNonQueryAsync();
}

// The database's own limit for a one-row insert transaction of similar width, from the same machine.
static async Task<double> PgbenchAsync(string connectionString, int clients, int seconds)
{
    var cs = new NpgsqlConnectionStringBuilder(connectionString);
    await using (var db = new NpgsqlConnection(connectionString))
    {
        await db.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS pgbench_booking (id bigserial primary key, tenant_id text, slot timestamptz, name text, email text, created_at timestamptz)", db);
        await create.ExecuteNonQueryAsync();
    }
    var script = Path.GetTempFileName();
    await File.WriteAllTextAsync(script,
        "INSERT INTO pgbench_booking (tenant_id, slot, name, email, created_at) VALUES ('bench', now(), md5(random()::text), md5(random()::text), now());\n");
    var pgbench = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin/pgbench";
    var start = new ProcessStartInfo(pgbench,
        ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
         "-f", script, "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", cs.Database!])
    { RedirectStandardOutput = true };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    File.Delete(script);
    var line = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
    return double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);
}

static async Task<long> OverbookedAsync(string connectionString, string tenantId, string queueId, int capacity)
{
    await using var db = new NpgsqlConnection(connectionString);
    await db.OpenAsync();
    await using var check = new NpgsqlCommand("""
        SELECT count(*) FROM (
            SELECT b.scheduled_time, count(*) AS confirmed, max(i.booked) AS booked
            FROM bookings b JOIN slot_inventory i
              ON i.tenant_id = b.tenant_id AND i.queue_id = b.queue_id AND i.slot_start = b.scheduled_time
            WHERE b.tenant_id = @tenant AND b.queue_id = @queue AND b.status = 'Confirmed'
            GROUP BY b.scheduled_time) s
        WHERE s.confirmed > @capacity OR s.confirmed <> s.booked
        """, db);
    check.Parameters.AddWithValue("tenant", tenantId);
    check.Parameters.AddWithValue("queue", queueId);
    check.Parameters.AddWithValue("capacity", capacity);
    return (long)(await check.ExecuteScalarAsync())!;
}
