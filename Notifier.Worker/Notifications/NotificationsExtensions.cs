using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifier.Sms;

namespace VideoEngager.Notifier.Notifications;

public static class NotificationsExtensions
{
    /// <summary>Composing, SMTP sending, and SMS; options are validated at start-up.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmailComposer>();

        // The service reference is applied first so that explicit Smtp:* settings override it.
        services.AddSingleton<IConfigureOptions<SmtpOptions>, SmtpServiceReference>();
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<IMailSender, SmtpMailer>();

        services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        // A retried POST can send the same SMS twice: keep the timeouts and circuit breaker, drop the retries.
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<ISmsSender, TwilioSmsSender>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        return builder;
    }
}
