using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;
using VideoEngager;
using VideoEngager.Escalation;
using VideoEngager.Escalation.Administration;
using VideoEngager.Escalation.Bookings;
using VideoEngager.Escalation.Availability;
using VideoEngager.Escalation.Errors;
using VideoEngager.Escalation.Interactions;
using VideoEngager.Escalation.Pages;
using VideoEngager.Escalation.Rooms;
using VideoEngager.Escalation.Tenancy;
using VideoEngager.Escalation.VideoEngagerApi;
using VideoEngager.Tenancy.V1;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<RpcExceptionHandler>();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
// Widgets run on tenants' own sites. CORS lets browsers send the headers; the widget key's origin list is what
// decides, in WidgetKeyAuthentication.
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .SetIsOriginAllowed(_ => true)
    .WithHeaders(WidgetKeyAuthentication.HeaderName, "Idempotency-Key", "Content-Type")
    .WithMethods("GET", "POST", "DELETE")));
builder.Services.AddOpenApi();
// Bounded: every unknown widget key a client invents is cached briefly.
builder.Services.AddMemoryCache(cache => cache.SizeLimit = 10_000);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTrustedProxies();
builder.Services.AddClientRateLimiting();

// Scheduling.Grpc serves gRPC on its HTTP/2-only "grpc" endpoint (plain HTTP/2 without TLS needs an endpoint of its own).
var scheduling = new Uri($"http://_grpc.{ResourceNames.SchedulingGrpc}");
// No HTTP-level retries for gRPC: a retried CreateBooking without Idempotency-Key could book twice.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
builder.Services.AddGrpcClient<VideoEngager.Scheduling.V1.Scheduling.SchedulingClient>(o => o.Address = scheduling)
    .RemoveAllResilienceHandlers();
builder.Services.AddGrpcClient<Tenants.TenantsClient>(o => o.Address = scheduling)
    .RemoveAllResilienceHandlers();
builder.Services.AddGrpcClient<VideoEngager.Admin.V1.Admin.AdminClient>(o => o.Address = scheduling)
    .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

// Room signalling between replicas: both parties of a room may be connected to different ones.
// Not a readiness check of the edge: without Redis only rooms stop, bookings and availability go on.
builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableHealthChecks = true);
builder.Services.AddValidatedOptions<RoomOptions>(RoomOptions.Section);
builder.Services.AddValidatedOptions<ChatOptions>(ChatOptions.Section);
builder.Services.AddSingleton<RoomRelay>();
builder.Services.AddSingleton<PageTemplates>();

builder.Services.AddTransient<CalendarInvites>();
builder.Services.AddSingleton<TenantDirectory>();
builder.Services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
builder.Services.AddAuthentication(WidgetKeyAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, WidgetKeyAuthentication>(WidgetKeyAuthentication.SchemeName, null)
    .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthentication>(AdminKeyAuthentication.SchemeName, null)
    .AddScheme<AuthenticationSchemeOptions, TenantSecretAuthentication>(TenantSecretAuthentication.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AuthorizationPolicies.Widget, policy => policy
        .AddAuthenticationSchemes(WidgetKeyAuthentication.SchemeName)
        .RequireClaim(WidgetKeyAuthentication.TenantClaim))
    .AddPolicy(AuthorizationPolicies.TenantServer, policy => policy
        .AddAuthenticationSchemes(TenantSecretAuthentication.SchemeName)
        .RequireClaim(WidgetKeyAuthentication.TenantClaim))
    .AddPolicy(AdminEndpoints.Policy, policy => policy
        .AddAuthenticationSchemes(AdminKeyAuthentication.SchemeName)
        .RequireRole("admin"));

var app = builder.Build();

// First: everything after it (the rate limiter above all) sees the visitor's address, not the proxy's.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
// Pages' own files before the rate limiter: they reach nothing behind the edge, and a room page loads some twenty of
// them, which a few agents behind one address would otherwise spend a burst on.
app.UsePageSecurityHeaders();
app.UseStaticFiles();
// Before authentication: a flood of invented keys must not reach Scheduling.Grpc.
app.UseRateLimiter();
// The timeout notices a page whose network vanished, so the other page is told and the subscription freed.
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapAvailabilityEndpoints();
app.MapBookingEndpoints();
app.MapInteractionEndpoints();
app.MapAdminEndpoints();
app.MapRoomEndpoints();
app.MapBookingPages();
app.MapChatPages();
app.MapVideoEngagerApi();
app.MapManagePages();

app.Run();
public partial class Program;
