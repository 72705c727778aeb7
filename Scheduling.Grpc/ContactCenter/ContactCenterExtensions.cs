using Microsoft.Extensions.Options;

namespace VideoEngager.Scheduling.ContactCenter;

public static class ContactCenterExtensions
{
    /// <summary>The Genesys Cloud client behind <see cref="IContactCenter"/>, and the dispatcher that drives it from the outbox.</summary>
    public static IHostApplicationBuilder AddContactCenter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenesysOptions>().BindConfiguration(GenesysOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GenesysOptions>, GenesysOptionsValidation>();
        builder.Services.AddValidatedOptions<DispatchOptions>(DispatchOptions.Section);

        builder.Services.AddSingleton<GenesysAccessTokens>();
        builder.Services.AddSingleton<RoutingIdCache>();
#pragma warning disable EXTEXP0001 // The supported way to opt one client out of ConfigureHttpClientDefaults' handler.
        builder.Services.AddHttpClient<IContactCenter, GenesysCloudClient>((services, http) =>
                http.Timeout = services.GetRequiredService<IOptions<GenesysOptions>>().Value.RequestTimeout)
            // No standard resilience handler here: the dispatcher owns retries, keeping their state in the outbox
            // so they survive restarts and honour Retry-After however long; a second, in-memory layer would multiply
            // attempts and could re-send a create whose answer was lost. HttpClient.Timeout bounds each attempt.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddSingleton<ContactCenterTelemetry>();
        builder.Services.AddScoped<CallbackProcessor>();
        builder.Services.AddSingleton<CallbackDispatch>();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddHostedService<CallbackDispatcher>();
        return builder;
    }
}
