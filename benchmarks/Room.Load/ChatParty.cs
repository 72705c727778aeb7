using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VideoEngager.Benchmarks;

/// <summary>
/// One WebSocket client that sends a chat message carrying its send time (<see cref="Stopwatch.GetTimestamp"/>, this
/// process's clock) and times every chat message it receives against the time in it: the other party's, through the
/// room relay, or its own, from the echo baseline.
/// </summary>
internal sealed class ChatParty : IAsyncDisposable
{
    // Shared: the defaults are already unbounded, but set explicitly so a thousand connections to one server are
    // never queued behind a per-server limit.
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    private readonly ClientWebSocket _socket = new();
    private readonly TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _peerJoined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(long SentAt, double Ms)> _receipts = new(128);
    private readonly List<long> _sent = new(128);
    private Task _receiving = Task.CompletedTask;
    private long _refused;

    /// <summary>The room's server greeted this connection (its relay subscription is in place).</summary>
    public Task Welcomed => _welcomed.Task;

    /// <summary>Both parties of the room are connected.</summary>
    public Task PeerJoined => _peerJoined.Task;

    /// <summary>Messages the server refused (<c>{"type":"error"}</c>, e.g. rate-limited).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public static async Task<ChatParty> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var party = new ChatParty();
        try
        {
            await party._socket.ConnectAsync(address, Invoker, cancellationToken);
        }
        catch
        {
            party._socket.Dispose();
            throw;
        }
        party._receiving = party.ReceiveAsync();
        return party;
    }

    /// <summary>
    /// Sends one message a second from <paramref name="first"/> until <paramref name="until"/> (Stopwatch timestamps),
    /// on a fixed schedule rather than a second after the previous send, so slow sends do not lower the rate.
    /// </summary>
    public async Task SendEverySecondAsync(long first, long until, CancellationToken cancellationToken)
    {
        for (var next = first; next < until; next += Stopwatch.Frequency)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var now = Stopwatch.GetTimestamp();
            var message = Encoding.UTF8.GetBytes(
                "{\"type\":\"chat\",\"text\":\"" + now.ToString(CultureInfo.InvariantCulture) + "\"}");
            try
            {
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            catch (WebSocketException)
            {
                return; // the connection is gone: its unsent messages are simply not counted as sent
            }
            lock (_sent)
            {
                _sent.Add(now);
            }
        }
    }

    /// <summary>Messages sent at or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    public int SentBetween(long from, long until)
    {
        lock (_sent)
        {
            return _sent.Count(t => t >= from && t < until);
        }
    }

    /// <summary>Latencies (ms) of the received messages sent at or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    public List<double> ReceivedBetween(long from, long until)
    {
        lock (_receipts)
        {
            return [.. _receipts.Where(r => r.SentAt >= from && r.SentAt < until).Select(r => r.Ms)];
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                // The clock is read before parsing: the parse is this client's cost, not the server's.
                var receivedAt = Stopwatch.GetTimestamp();
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                try
                {
                    Handle(buffer.AsSpan(0, length), receivedAt);
                }
                catch (JsonException)
                {
                    // Not JSON: nothing this client sent or waits for.
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by either side; what arrived before is kept.
        }
        finally
        {
            _welcomed.TrySetException(new InvalidOperationException("The connection closed before the welcome."));
            _peerJoined.TrySetException(new InvalidOperationException("The connection closed before the peer joined."));
        }
    }

    private void Handle(ReadOnlySpan<byte> json, long receivedAt)
    {
        string? type = null;
        string? text = null;
        var reader = new Utf8JsonReader(json);
        // Only the top-level "type" and "text" matter; a welcome's nested objects are skipped whole.
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type");
            var isText = reader.ValueTextEquals("text");
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (isText && reader.TokenType == JsonTokenType.String)
            {
                text = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        switch (type)
        {
            case "welcome":
                _welcomed.TrySetResult();
                break;
            case "peer-joined":
                _peerJoined.TrySetResult();
                break;
            case "error":
                Interlocked.Increment(ref _refused);
                break;
            case "chat" when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt):
                var ms = Stopwatch.GetElapsedTime(sentAt, receivedAt).TotalMilliseconds;
                lock (_receipts)
                {
                    _receipts.Add((sentAt, ms));
                }
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close as a page does (the server then ends its side and the relay subscription), but never wait long.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            await _receiving.WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The server went first, or did not answer in time: the socket is aborted below either way.
        }
        _socket.Dispose();
        await _receiving; // ends at once on the disposed socket; it never throws
    }
}

/// <summary>What one messaging run measured.</summary>
internal sealed record ChatRunResult(string Name, int Connections, double Seconds, long Sent, long Received, long Refused, Distribution Latency)
{
    public long Lost => Sent - Received;
}

/// <summary>Every party sends once a second for a warm-up and then the measured window; then the counts.</summary>
internal static class ChatRun
{
    // Messages sent within the last second of the window still arrive after it; the count waits for them.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    public static async Task<ChatRunResult> RunAsync(
        string name, IReadOnlyList<ChatParty> parties, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
        var from = start + Ticks(warmUp);
        var until = from + Ticks(duration);
        // Each party's sends are offset by its share of the second, as independent pages would be, not all at once.
        await Task.WhenAll(parties.Select((party, i) =>
            Task.Run(() => party.SendEverySecondAsync(start + Stopwatch.Frequency * i / parties.Count, until, cancellationToken), cancellationToken)));
        await Task.Delay(Drain, cancellationToken);
        var sent = parties.Sum(p => (long)p.SentBetween(from, until));
        var latencies = parties.SelectMany(p => p.ReceivedBetween(from, until)).ToList();
        return new ChatRunResult(name, parties.Count, duration.TotalSeconds, sent, latencies.Count, parties.Sum(p => p.Refused), Distribution.Of(latencies));
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
