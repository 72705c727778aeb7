using System.Text.Json;
using Microsoft.Playwright;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>What a room page shows and what its peer connection reports, read the way a person and a tester would.</summary>
internal sealed class RoomPage
{
    private readonly IPage page;
    private readonly List<string> _console = [];

    public RoomPage(IPage page)
    {
        this.page = page;
        // Kept for the failure message: what the page itself said when media did not come.
        page.Console += (_, message) => _console.Add($"{message.Type}: {message.Text}");
    }

    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(40);

    // The page exposes its current RTCPeerConnection read-only as window.videoRoom.pc for exactly this.
    private const string StatsScript = """
        async () => {
          const pc = window.videoRoom && window.videoRoom.pc;
          if (!pc) return null;
          const stats = await pc.getStats();
          let video = 0, audio = 0, localType = null;
          const byId = new Map();
          stats.forEach(r => byId.set(r.id, r));
          stats.forEach(r => {
            if (r.type === 'inbound-rtp' && r.kind === 'video') video += r.framesDecoded || 0;
            if (r.type === 'inbound-rtp' && r.kind === 'audio') audio += r.packetsReceived || 0;
            if (r.type === 'transport' && r.selectedCandidatePairId) {
              const pair = byId.get(r.selectedCandidatePairId);
              const local = pair && byId.get(pair.localCandidateId);
              localType = local ? local.candidateType : null;
            }
          });
          return { ice: pc.iceConnectionState, video, audio, localType };
        }
        """;

    public IPage Page => page;

    public ILocator Status => page.GetByRole(AriaRole.Status).First;

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task JoinAsync()
    {
        await Button("Join call").ClickAsync();
    }

    public async Task<MediaStats?> StatsAsync()
    {
        var result = await page.EvaluateAsync<JsonElement?>(StatsScript);
        return result is { ValueKind: JsonValueKind.Object } r
            ? new MediaStats(
                r.GetProperty("ice").GetString()!, r.GetProperty("video").GetDouble(), r.GetProperty("audio").GetDouble(),
                r.GetProperty("localType").ValueKind == JsonValueKind.String ? r.GetProperty("localType").GetString() : null)
            : null;
    }

    /// <summary>Waits until ICE is connected and video frames and audio packets arrive and keep arriving.</summary>
    public async Task<MediaStats> WaitForMediaAsync(double framesBeyond = 0, double packetsBeyond = 0)
    {
        var deadline = DateTime.UtcNow + MediaTimeout;
        MediaStats? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StatsAsync();
            if (last is { Ice: "connected" or "completed", LocalCandidateType: not null } s
                && s.FramesDecoded > framesBeyond && s.PacketsReceived > packetsBeyond)
            {
                return s;
            }
            await Task.Delay(250);
        }
        var status = await Status.TextContentAsync();
        throw new TimeoutException(
            $"No media within {MediaTimeout}: {last}; status '{status}'; console: {string.Join(" | ", _console.TakeLast(120))}");
    }

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });
}

internal sealed record MediaStats(string Ice, double FramesDecoded, double PacketsReceived, string? LocalCandidateType);
