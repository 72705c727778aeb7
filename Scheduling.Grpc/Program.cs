using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using VideoEngager;
using VideoEngager.Scheduling;
using VideoEngager.Scheduling.Administration;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Escalations;
using VideoEngager.Scheduling.Holds;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Rooms;
using VideoEngager.Scheduling.Tenancy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<SchedulingDbContext>(ResourceNames.Database,
    settings => settings.ConnectionString = DatabaseConnection.Tuned(settings.ConnectionString),
    options => options.UseSnakeCaseNamingConvention());
// Redis replies continue on the .NET thread pool rather than on the client's own dedicated threads: on a few cores
// the hand-over between the two pools cost more than the reads themselves.
builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.SocketManager = SocketManager.ThreadPool);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddValidatedOptions<DemoTenantOptions>(DemoTenantOptions.Section);
builder.Services.AddScoped<DemoTenantSeed>();
builder.Services.AddHostedService<DatabaseMigrator>();
builder.Services.AddValidatedOptions<BookingOptions>(BookingOptions.Section);
builder.Services.AddValidatedOptions<HoldOptions>(HoldOptions.Section);
builder.Services.AddValidatedOptions<OutboxRetentionOptions>(OutboxRetentionOptions.Section);
builder.Services.AddHostedService<OutboxRetention>();
builder.Services.AddSingleton<SlotHolds>();
builder.Services.AddValidatedOptions<CalendarLeaseOptions>(CalendarLeaseOptions.Section);
builder.Services.AddSingleton<CalendarLeases>();
builder.Services.AddSingleton<QueueSnapshots>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<BookingLinks>();
builder.Services.AddSingleton<BookingReplies>();
builder.Services.AddScoped<AvailabilityQuery>();
builder.Services.AddScoped<HoldCommands>();
builder.Services.AddScoped<BookingCommands>();
builder.Services.AddScoped<ChatLegs>();
builder.Services.AddSingleton<CallbackStates>();
builder.Services.AddSingleton<InteractionFeed>();
builder.Services.AddSingleton<InteractionEvents>();
builder.Services.AddHostedService(services => services.GetRequiredService<InteractionEvents>());
builder.Services.AddScoped<InteractionQuery>();
builder.Services.AddValidatedOptions<RoomOptions>(RoomOptions.Section);
builder.Services.AddScoped<RoomCommands>();
builder.AddContactCenter();

builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();
builder.Services.AddGrpcReflection();

var app = builder.Build();

app.MapGrpcService<SchedulingService>();
app.MapGrpcService<TenantsService>();
app.MapGrpcService<AdminService>();
app.MapGrpcHealthChecksService();
if (app.Environment.IsDevelopment())
{
    app.MapGrpcReflectionService();
}
app.MapDefaultEndpoints();

app.Run();
