using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Routing;

public sealed class RoutingTickerTests
{
    [Fact]
    public async Task The_ticker_offers_a_callback_once_the_clock_reaches_its_time()
    {
        var h = new EngineHarness();
        var agent = h.AddAgent("Layla", [h.Video]);
        var callback = h.AddCallback([h.Video], scheduledTime: h.Time.GetUtcNow().AddMinutes(1));
        using var ticker = new RoutingTicker(h.Engine, h.Time,
            Options.Create(new RoutingOptions { TickInterval = TimeSpan.FromMilliseconds(250) }), NullLogger<RoutingTicker>.Instance);
        await ticker.StartAsync(TestContext.Current.CancellationToken);

        // The timer runs on the fake clock: advance it in ticks until the offer is made (or give up after two minutes of fake time).
        for (var step = 0; step < 480 && h.OfferedTo(callback.Id) is null; step++)
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        Assert.Equal(agent, h.OfferedTo(callback.Id));
        Assert.True(h.Time.GetUtcNow() - callback.CreatedAt >= TimeSpan.FromMinutes(1));
        await ticker.StopAsync(TestContext.Current.CancellationToken);
    }
}
