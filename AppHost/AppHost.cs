using Microsoft.Extensions.Configuration;
using VideoEngager;
using VideoEngager.AppHost;
using VideoEngager.AppHost.LocalInfrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var demoWidgetKey = builder.AddParameter("demo-widget-key", "demo-widget-key", secret: true);
var adminKey = builder.AddParameter("admin-key", "local-admin-key", secret: true);

var database = builder.AddVideoEngagerDatabase();
var redis = builder.AddVideoEngagerRedis();
var smtp = builder.AddSmtpCatcher();

var genesys = builder.AddProject<Projects.Genesys_Emulator>(ResourceNames.Genesys, launchProfileName: null)
    .WithHttpEndpoint(port: 5090, name: "http")
    .WithHttpHealthCheck("/health");

var scheduling = builder.AddProject<Projects.Scheduling_Grpc>(ResourceNames.SchedulingGrpc, launchProfileName: null)
    .WithReference(database).WaitFor(database)
    .WithReference(redis).WaitFor(redis)
    .WithReference(genesys).WaitFor(genesys)
    .WithEnvironment("DemoTenant__WidgetKey", demoWidgetKey)
    .WithReplicas(builder.Configuration.GetValue("Scheduling:Replicas", 1))
    .WithHttpHealthCheck("/health", endpointName: "http");

builder.AddProject<Projects.Notifier_Worker>(ResourceNames.NotifierWorker, launchProfileName: null)
    .WithHttpEndpoint(name: "http")
    .WithReference(database)
    .WithReference(redis).WaitFor(redis)
    .WithReference(smtp.GetEndpoint("smtp"))
    // Scheduling.Grpc owns the schema and migrates it before it reports healthy.
    .WaitFor(scheduling)
    .WaitFor(smtp)
    .WithHttpHealthCheck("/health");

var api = builder.AddProject<Projects.Escalation_Api>(ResourceNames.EscalationApi, launchProfileName: null)
    .WithHttpEndpoint(port: 5080, name: "http")
    .WithReference(scheduling).WaitFor(scheduling)
    .WithEnvironment("Admin__Key", adminKey)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Public API");

// Booking answers carry links to the public edge.
scheduling.WithEnvironment("Booking__PublicBaseUrl", api.GetEndpoint("http"));

// Launch profiles are not used (ports come from here), so hand every service the AppHost's environment.
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName);
}

builder.Build().Run();
