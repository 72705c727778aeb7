using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(VideoEngager.Integration.Tests.Browser.Chromium))]

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the whole test run, with fake camera, microphone and screen, and loopback ICE
/// candidates allowed (without them two pages on one machine never connect). Each test opens its own contexts.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>Where screenshots go: under the test output, for a person to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--auto-select-desktop-capture-source=Entire screen",
                "--allow-loopback-in-peer-connection",
                // The widget tests play a tenant's public site on a made-up host while the edge listens on loopback;
                // in production both are public, so Chromium's local-network checks (a permission prompt) do not apply.
                "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights",
            ],
        });
    }

    /// <summary>A fresh context: its own storage, camera and microphone granted, a given viewport and language.</summary>
    public async Task<IPage> NewPageAsync(string origin, int width = 1280, int height = 800, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/London",
        });
        await context.GrantPermissionsAsync(["camera", "microphone"], new() { Origin = origin });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
