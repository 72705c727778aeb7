using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// A guest on the platform's Web Messaging socket (the emulator's), as a tenant's chat widget is: it configures a
/// session, sends text with custom attributes, and reads what the agent writes. It never learns the conversation id;
/// the agent's side (the desktop API) does.
/// </summary>
internal sealed class GuestChat : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly string _token = Guid.NewGuid().ToString();
    private readonly AppHostFixture _app;

    private GuestChat(AppHostFixture app, string deploymentId)
    {
        _app = app;
        DeploymentId = deploymentId;
    }

    public string DeploymentId { get; }

    /// <summary>The conversation, as the agent's side of the emulator knows it.</summary>
    public Guid ConversationId { get; private set; }

    public static async Task<GuestChat> StartAsync(
        AppHostFixture app, string text, object customAttributes, CancellationToken cancellationToken)
    {
        var chat = new GuestChat(app, $"dep-{Guid.NewGuid():N}");
        var http = app.App.GetEndpoint(ResourceNames.Genesys, "http");
        await chat._socket.ConnectAsync(new Uri($"ws://{http.Authority}/v1?deploymentId={chat.DeploymentId}"), cancellationToken);
        await chat.SendAsync(new { action = "configureSession", token = chat._token, deploymentId = chat.DeploymentId }, cancellationToken);
        await chat.ReceiveAsync(cancellationToken);
        await chat.SendAsync(new
        {
            action = "onMessage",
            token = chat._token,
            message = new { type = "Text", text, channel = new { metadata = new { customAttributes } } },
        }, cancellationToken);
        await chat.ReceiveAsync(cancellationToken);

        using var emulator = ContactCenterOrg.Emulator(app);
        var sessions = await emulator.GetFromJsonAsync<JsonElement>("/emulator/messaging", cancellationToken);
        chat.ConversationId = sessions.EnumerateArray()
            .Single(s => s.GetProperty("deploymentId").GetString() == chat.DeploymentId)
            .GetProperty("conversationId").GetGuid();
        return chat;
    }

    /// <summary>The agent answers; returns the id of the agent's message as the guest received it.</summary>
    public async Task<string> AgentSaysAsync(Guid agentId, string text, CancellationToken cancellationToken)
    {
        using var emulator = ContactCenterOrg.Emulator(_app);
        (await emulator.PostAsJsonAsync($"/desktop/messaging/{ConversationId}/reply?agent={agentId}", new { text }, cancellationToken))
            .EnsureSuccessStatusCode();
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken);
            if (frame.GetProperty("class").GetString() == "StructuredMessage"
                && frame.GetProperty("body") is var body && body.GetProperty("type").GetString() == "Text")
            {
                return body.GetProperty("id").GetString()!;
            }
        }
    }

    /// <summary>The agent ends the chat: the guest's participant is disconnected.</summary>
    public async Task AgentEndsAsync(Guid agentId, CancellationToken cancellationToken)
    {
        using var emulator = ContactCenterOrg.Emulator(_app);
        (await emulator.PostAsync($"/desktop/messaging/{ConversationId}/disconnect?agent={agentId}", null, cancellationToken))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The emulator is going away with the test run.
            }
        }
        _socket.Dispose();
    }

    private Task SendAsync(object frame, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray())).RootElement.Clone();
    }
}
