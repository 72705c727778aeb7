using VideoEngager;
using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Outbox;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Registers a health check: /health is unhealthy while the database cannot be reached.
builder.AddNpgsqlDataSource(ResourceNames.Database);
builder.AddNotifications();
builder.AddOutboxDelivery();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
