using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using VideoEngager.ServiceDefaults.Compliance;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed partial class PersonalDataRedactionTests
{
    [LoggerMessage(1, LogLevel.Information, "Booking {BookingId} for {VisitorName} <{Email}> {Phone}")]
    private static partial void BookingCreated(
        ILogger logger, string bookingId, [PersonalData] string visitorName, [PersonalData] string email, [PersonalData] string phone);

    [Fact]
    public async Task Personal_data_never_reaches_a_log_line_in_clear()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddPersonalDataRedaction();
        builder.Services.AddFakeLogging();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var logger = host.Services.GetRequiredService<ILogger<PersonalDataRedactionTests>>();
        BookingCreated(logger, "bk_42", "Fatima Al-Ali", "fatima@example.com", "+971501234567");

        var record = host.Services.GetFakeLogCollector().LatestRecord;
        Assert.Contains("bk_42", record.Message, StringComparison.Ordinal);
        var everything = record.Message + string.Join('|', record.StructuredState!.Select(kv => kv.Value));
        Assert.DoesNotContain("Fatima", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("fatima@example.com", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("501234567", everything, StringComparison.Ordinal);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
