using Microsoft.Extensions.Options;

namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>Drives the routing engine's clock: due callbacks get offered and stale offers expire.</summary>
internal sealed class RoutingTicker(RoutingEngine engine, TimeProvider time, IOptions<RoutingOptions> options, ILogger<RoutingTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    engine.Tick();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One bad tick must not stop routing for the rest of the run.
                    EmulatorLog.TickFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
