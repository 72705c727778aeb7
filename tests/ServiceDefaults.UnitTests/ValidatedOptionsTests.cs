using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed class ValidatedOptionsTests
{
    [Fact]
    public async Task A_setting_out_of_range_stops_the_host_at_start_naming_it()
    {
        using var host = Build(("Sample:Lifetime", "00:00:00.001"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Lifetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_settings_are_bound_from_their_section()
    {
        using var host = Build(("Sample:Lifetime", "00:00:02"));

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<SampleOptions>>().Value.Lifetime);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddValidatedOptions<SampleOptions>("Sample");
        return builder.Build();
    }

    public sealed class SampleOptions
    {
        [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(1);
    }
}
