using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using VideoEngager;
using VideoEngager.AppHost;
using VideoEngager.AppHost.LocalInfrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Development defaults only: anywhere else the keys must be set (Parameters:admin-key, Parameters:demo-widget-key).
var development = builder.Environment.IsDevelopment();
var demoWidgetKey = development
    ? builder.AddParameter("demo-widget-key", "demo-widget-key", secret: true)
    : builder.AddParameter("demo-widget-key", secret: true);
var adminKey = development
    ? builder.AddParameter("admin-key", "local-admin-key", secret: true)
    : builder.AddParameter("admin-key", secret: true);

var database = builder.AddVideoEngagerDatabase();
var redis = builder.AddVideoEngagerRedis();
var smtp = builder.AddSmtpCatcher();
// The room's TURN relay checks credentials the edge derives from this secret; pages never see the secret itself.
var turnSecret = development
    ? builder.AddParameter("turn-secret", "local-turn-secret", secret: true)
    : builder.AddParameter("turn-secret", secret: true);
var turn = builder.AddVideoEngagerTurnServer(turnSecret);

// A real Genesys Cloud org when a region is configured (its OAuth client must then be given as parameters);
// otherwise the emulator, with the emulator's default client.
var genesysRegion = builder.Configuration["Genesys:Region"] ?? builder.Configuration["Parameters:genesys-region"];
var useEmulator = string.IsNullOrWhiteSpace(genesysRegion);
var genesysClientId = useEmulator
    ? builder.AddParameter("genesys-client-id", "local-client")
    : builder.AddParameter("genesys-client-id");
var genesysClientSecret = useEmulator
    ? builder.AddParameter("genesys-client-secret", "local-secret", secret: true)
    : builder.AddParameter("genesys-client-secret", secret: true);
IResourceBuilder<ProjectResource>? genesys = null;
if (useEmulator)
{
    genesys = builder.AddProject<Projects.Genesys_Emulator>(ResourceNames.Genesys, launchProfileName: null)
        .WithHttpEndpoint(port: 5090, name: "http")
        .WithHttpHealthCheck("/health")
        // The emulator accepts whatever client the parameters name, so both ends always agree.
        .WithEnvironment(async context =>
        {
            var clientId = await genesysClientId.Resource.GetValueAsync(context.CancellationToken);
            context.EnvironmentVariables[$"OAuth__Clients__{clientId}"] = genesysClientSecret.Resource;
        });
}

var schedulingReplicas = builder.Configuration.GetValue("Scheduling:Replicas", 1);
var scheduling = builder.AddProject<Projects.Scheduling_Grpc>(ResourceNames.SchedulingGrpc, launchProfileName: null)
    .WithReference(database).WaitFor(database)
    .WithReference(redis).WaitFor(redis)
    .WithEnvironment("DemoTenant__WidgetKey", demoWidgetKey)
    .WithEnvironment("Genesys__ClientId", genesysClientId)
    .WithEnvironment("Genesys__ClientSecret", genesysClientSecret)
    .WithReplicas(schedulingReplicas)
    .WithHttpHealthCheck("/health", endpointName: "http");
if (schedulingReplicas == 1)
{
    // One replica needs no load-balancing proxy in front of it: callers reach it directly, one hop less per call.
    scheduling.WithEndpoint("grpc", endpoint =>
    {
        endpoint.IsProxied = false;
        endpoint.Port = null;
        endpoint.TargetPort = null;
    });
}
if (genesys is not null)
{
    // The emulator serves login and API from one address.
    scheduling.WaitFor(genesys)
        .WithEnvironment("Genesys__ApiBaseUrl", genesys.GetEndpoint("http"))
        .WithEnvironment("Genesys__LoginBaseUrl", genesys.GetEndpoint("http"));
}
else
{
    scheduling.WithEnvironment("Genesys__Region", genesysRegion);
}

var notifier = builder.AddProject<Projects.Notifier_Worker>(ResourceNames.NotifierWorker, launchProfileName: null)
    .WithHttpEndpoint(name: "http")
    // The outbox table only: each row carries its notification (see docs/architecture.md).
    .WithReference(database)
    .WithReference(smtp.GetEndpoint("smtp"))
    // Scheduling.Grpc owns the schema and migrates it before it reports healthy.
    .WaitFor(scheduling)
    .WaitFor(smtp)
    // Jobs are claimed with SKIP LOCKED and a lease, so replicas share the outbox without sending twice.
    .WithReplicas(builder.Configuration.GetValue("Notifier:Replicas", 1))
    // The local catcher answers in milliseconds, so a short timeout makes a stalled server a quick retry instead of
    // a 30-second stall per batch.
    .WithEnvironment("Smtp__TimeoutSeconds", "10")
    .WithHttpHealthCheck("/health");
if (genesys is not null)
{
    // SMS reminders of local runs go to the emulator's Twilio-compatible API; both ends get the same account.
    var smsAccountSid = builder.AddParameter("sms-account-sid", "AC-local");
    var smsAuthToken = builder.AddParameter("sms-auth-token", "local-sms-token", secret: true);
    notifier
        .WithEnvironment("Sms__BaseAddress", genesys.GetEndpoint("http"))
        .WithEnvironment("Sms__AccountSid", smsAccountSid)
        .WithEnvironment("Sms__AuthToken", smsAuthToken)
        .WithEnvironment("Sms__From", builder.AddParameter("sms-from", "+15005550006"));
    genesys.WithEnvironment(async context =>
    {
        var accountSid = await smsAccountSid.Resource.GetValueAsync(context.CancellationToken);
        context.EnvironmentVariables[$"Sms__Accounts__{accountSid}"] = smsAuthToken.Resource;
    });
}

var api = builder.AddProject<Projects.Escalation_Api>(ResourceNames.EscalationApi, launchProfileName: null)
    .WithHttpEndpoint(port: 5080, name: "http")
    .WithReference(scheduling).WaitFor(scheduling)
    // Room signalling is relayed between replicas through Redis.
    .WithReference(redis).WaitFor(redis)
    .WaitFor(turn)
    .WithEnvironment("Rooms__IceServers__0__Urls__0",
        ReferenceExpression.Create($"turn:127.0.0.1:{turn.Resource.Turn.Property(EndpointProperty.Port)}?transport=udp"))
    .WithEnvironment("Rooms__IceServers__0__Urls__1",
        ReferenceExpression.Create($"turn:127.0.0.1:{turn.Resource.Turn.Property(EndpointProperty.Port)}?transport=tcp"))
    .WithEnvironment("Rooms__IceServers__0__UsesTurnSecret", "true")
    .WithEnvironment("Rooms__TurnSecret", turnSecret)
    .WithReplicas(builder.Configuration.GetValue("Escalation:Replicas", 1))
    .WithEnvironment("Admin__Key", adminKey)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Public API");

// The chat page's guests use the platform's Web Messaging socket: the emulator's locally, the region's otherwise.
if (genesys is not null)
{
    api.WithEnvironment("Chat__WebMessagingUrl",
            ReferenceExpression.Create($"ws://{genesys.GetEndpoint("http").Property(EndpointProperty.HostAndPort)}/v1"))
        .WithEnvironment("Chat__DeploymentId", "local-messenger");
}
else
{
    api.WithEnvironment("Chat__WebMessagingUrl", $"wss://webmessaging.{genesysRegion}/v1")
        .WithEnvironment("Chat__DeploymentId", builder.AddParameter("genesys-messenger-deployment-id"));
}

// Booking answers carry links to the public edge.
scheduling.WithEnvironment("Booking__PublicBaseUrl", api.GetEndpoint("http"));

// Launch profiles are not used (ports come from here), so hand every service the AppHost's environment.
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
        // Aspire turns the instrumentations' query redaction off for development; booking links carry their tokens in
        // the query, and traces must not show them.
        .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "false")
        .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION", "false");
}

builder.Build().Run();
