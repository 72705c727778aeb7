using System.Text.Json.Serialization;
using VideoEngager.Genesys.Emulator;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Analytics;
using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Conversations;
using VideoEngager.Genesys.Emulator.Desktop;
using VideoEngager.Genesys.Emulator.Faults;
using VideoEngager.Genesys.Emulator.Notifications;
using VideoEngager.Genesys.Emulator.RateLimits;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.Seed;
using VideoEngager.Genesys.Emulator.WebMessaging;
using VideoEngager.Genesys.Emulator.Wire;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.ConfigureHttpJsonOptions(json =>
{
    // The platform leaves absent values out and writes instants as 2026-12-03T10:30:00.000Z.
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    json.SerializerOptions.Converters.Add(new UtcInstantConverter());
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
});
// Unreadable bodies and parameters throw, so that the exception handler answers with the platform's error body.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<GenesysExceptionHandler>();
// UseExceptionHandler() needs it registered; the Genesys handler above answers first.
builder.Services.AddProblemDetails();

builder.Services.AddValidatedOptions<OAuthOptions>(OAuthOptions.Section);
builder.Services.AddValidatedOptions<RoutingOptions>(RoutingOptions.Section);
builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
builder.Services.AddValidatedOptions<WebMessagingOptions>(WebMessagingOptions.Section);
builder.Services.AddValidatedOptions<NotificationOptions>(NotificationOptions.Section);

builder.Services.AddSingleton<TokenStore>();
builder.Services.AddSingleton<ClientRateLimiter>();
builder.Services.AddSingleton<RoutingDirectory>();
builder.Services.AddSingleton<AgentEventHub>();
builder.Services.AddSingleton<RoutingEngine>();
builder.Services.AddHostedService<RoutingTicker>();
builder.Services.AddSingleton<FaultRegistry>();
builder.Services.AddSingleton<RequestJournal>();
builder.Services.AddSingleton<WebMessagingHub>();
builder.Services.AddSingleton<NotificationChannels>();

var app = builder.Build();

DemoOrg.SeedInto(app.Services.GetRequiredService<RoutingDirectory>(), app.Logger);
// Every change of a callback reaches the notification channels subscribed to its queue.
app.Services.GetRequiredService<RoutingEngine>().Changed += app.Services.GetRequiredService<NotificationChannels>().Publish;

app.UseCorrelationId();
app.UseMiddleware<FaultMiddleware>();
app.UseExceptionHandler();
app.UseGenesysStatusCodePages();
app.UseGenesysRateLimits();
app.UseWebSockets();

app.MapDefaultEndpoints();
app.MapOAuthEndpoints();
app.MapRoutingEndpoints();
app.MapCallbackEndpoints();
app.MapConversationEndpoints();
app.MapAnalyticsEndpoints();
app.MapDesktopEndpoints();
app.MapRoutingAdminEndpoints();
app.MapCallbackAdminEndpoints();
app.MapFaultEndpoints();
app.MapWebMessagingEndpoints();
app.MapNotificationEndpoints();
app.MapSmsEndpoints();

app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
