using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace VideoEngager.Benchmarks;

/// <summary>
/// A real SMTP server (the SmtpServer library: ESMTP with PIPELINING) that accepts every message and keeps only its
/// Message-ID and the first raw message. smtp4dev stores and indexes each message and accepts ~100 a second, which
/// would measure smtp4dev; a production relay accepts far more.
/// </summary>
internal sealed class SmtpSink : MessageStore, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _messageIds = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private byte[]? _first;

    public int Port { get; } = FreePort();

    /// <summary>Messages accepted since the last <see cref="Clear"/>.</summary>
    public int Received => _messageIds.Values.Sum();

    /// <summary>Message-IDs that arrived more than once.</summary>
    public int Duplicates => _messageIds.Values.Count(n => n > 1);

    public byte[] First => _first ?? throw new InvalidOperationException("No message arrived yet.");

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).SessionTimeout(TimeSpan.FromMinutes(10)))
            .Build();
        var services = new ServiceProvider();
        services.Add(this);
        services.Add(new NoDelayListenerFactory());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public void Clear()
    {
        _messageIds.Clear();
        _first = null;
    }

    public override Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (_first is null)
        {
            Interlocked.CompareExchange(ref _first, buffer.ToArray(), null);
        }
        _messageIds.AddOrUpdate(MessageId(buffer), 1, (_, n) => n + 1);
        return Task.FromResult(SmtpResponse.Ok);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _stop.Dispose();
    }

    // Headers come first; the Message-Id line is near the top of every message MimeKit writes.
    private static string MessageId(ReadOnlySequence<byte> buffer)
    {
        Span<byte> bytes = stackalloc byte[(int)Math.Min(buffer.Length, 2048)];
        buffer.Slice(0, bytes.Length).CopyTo(bytes);
        var head = "\n" + Encoding.ASCII.GetString(bytes);
        var start = head.IndexOf("\nMessage-Id:", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return string.Empty;
        }
        var end = head.IndexOf('\r', start + 1);
        return head[(start + 12)..(end < 0 ? head.Length : end)].Trim();
    }

    /// <summary>
    /// The library's listener leaves Nagle's algorithm on, which with the client's delayed ACKs stalls every reply
    /// ~40 ms (25 messages a second); replies go out at once here.
    /// </summary>
    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as a pipe; the sink offers no STARTTLS, so it is never upgraded.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());

        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The sink offers no STARTTLS.");

        public void Dispose() => client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
