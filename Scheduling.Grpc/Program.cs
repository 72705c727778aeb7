using VideoEngager;
using VideoEngager.Scheduling;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Tenancy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<SchedulingDbContext>(ResourceNames.Database);
builder.AddRedisClient(ResourceNames.Redis);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<DemoTenantOptions>()
    .BindConfiguration(DemoTenantOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddScoped<DemoTenantSeed>();
builder.Services.AddHostedService<DatabaseMigrator>();
builder.Services.AddScoped<AvailabilityQuery>();

builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();
builder.Services.AddGrpcReflection();

var app = builder.Build();

app.MapGrpcService<SchedulingService>();
app.MapGrpcService<TenantsService>();
app.MapGrpcHealthChecksService();
if (app.Environment.IsDevelopment())
{
    app.MapGrpcReflectionService();
}
app.MapDefaultEndpoints();

app.Run();
