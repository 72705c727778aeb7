using VideoEngager;
using VideoEngager.Notifier.Invites;
using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Outbox;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Both register health checks: /health is unhealthy while either cannot be reached.
builder.AddNpgsqlDataSource(ResourceNames.Database);
builder.AddRedisClient(ResourceNames.Redis);
builder.AddNotifications();
builder.AddOutboxDelivery();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapInviteEndpoints();

app.Run();
