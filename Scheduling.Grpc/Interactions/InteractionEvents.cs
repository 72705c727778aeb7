using System.Collections.Frozen;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>
/// Listens to the platform's callback events (Notifications API) on one channel per replica, subscribed to every queue
/// that has a live booking, and turns each event into the callback's stored state and the booking's published
/// status. After a gap (socket lost, channel expired) it reads the few live callbacks once, so nothing is missed.
/// The number of platform calls depends on the queues in use, never on how many pages watch.
/// </summary>
internal sealed class InteractionEvents(
    IServiceScopeFactory scopes,
    IContactCenter contactCenter,
    CallbackStates states,
    InteractionFeed feed,
    TimeProvider clock,
    ILogger<InteractionEvents> logger) : BackgroundService
{
    /// <summary>How often the set of queues is looked at again (and the channel's subscription renewed).</summary>
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    /// <summary>A catch-up after a gap reads at most this many live callbacks.</summary>
    private const int CatchUpLimit = 20;

    private readonly Channel<bool> _queuesChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile bool _listening;
    /// <summary>The queues the channel is subscribed to now (replaced, never changed in place); empty while not listening.</summary>
    private volatile FrozenSet<string> _subscribed = FrozenSet<string>.Empty;

    /// <summary>True while events arrive; otherwise a status read may ask the platform itself.</summary>
    public bool Listening => _listening;

    /// <summary>
    /// A booking was made on <paramref name="queueName"/>: listen to it now rather than at the next refresh. Called on
    /// every booking, so a queue already subscribed to costs a set look-up and nothing else.
    /// </summary>
    public void Watch(string queueName)
    {
        if (!_subscribed.Contains(queueName))
        {
            _queuesChanged.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queues = await QueuesInUseAsync(stoppingToken);
                if (queues.Count == 0)
                {
                    await WaitForQueuesAsync(RefreshInterval, stoppingToken);
                    continue;
                }
                await ListenAsync(queues, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ContactCenterException or WebSocketException or HttpRequestException
                or OperationCanceledException or InvalidOperationException or DbUpdateException or Npgsql.NpgsqlException)
            {
                _listening = false;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures++)));
                SchedulingLog.EventsLost(logger, e, delay);
                await Task.Delay(delay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _listening = false;
                _subscribed = FrozenSet<string>.Empty;
            }
        }
    }

    private async Task ListenAsync(HashSet<string> queues, Action connected, CancellationToken stoppingToken)
    {
        var channel = await contactCenter.CreateNotificationChannelAsync(stoppingToken);
        var topics = await contactCenter.SubscribeToCallbacksAsync(channel.Id, queues, stoppingToken);
        _subscribed = queues.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(channel.ConnectUri, stoppingToken);
        _listening = true;
        connected();
        SchedulingLog.EventsListening(logger, topics, channel.Id);
        await CatchUpAsync(stoppingToken);

        using var listening = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var refreshing = RefreshAsync(channel, queues, socket, listening.Token);
        try
        {
            var buffer = new byte[64 * 1024];
            using var frame = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stoppingToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (GenesysWire.ReadCallbackEvent(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length)) is { } callback)
                {
                    await ApplyAsync(callback, stoppingToken);
                }
                frame.SetLength(0);
            }
        }
        finally
        {
            _listening = false;
            await listening.CancelAsync();
            await refreshing.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        // The socket closed (a network blip, or the channel expired): the loop makes a new channel and catches up.
        throw new WebSocketException("The notification socket closed.");
    }

    /// <summary>Renews the subscription now and then (which keeps the channel alive) and when new queues come in use.</summary>
    private async Task RefreshAsync(NotificationChannelInfo channel, HashSet<string> queues, ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await WaitForQueuesAsync(RefreshInterval, cancellationToken);
                var now = await QueuesInUseAsync(cancellationToken);
                if (!now.IsSubsetOf(queues) || channel.Expires - clock.GetUtcNow() < TimeSpan.FromHours(1))
                {
                    queues.UnionWith(now);
                    await contactCenter.SubscribeToCallbacksAsync(channel.Id, queues, cancellationToken);
                    _subscribed = queues.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // listening ended
        }
        catch (Exception e) when (e is ContactCenterException or DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // A channel that cannot be renewed is replaced: closing the socket makes the listener start over.
            socket.Abort();
        }
    }

    private async Task ApplyAsync(CallbackInfo callback, CancellationToken cancellationToken)
    {
        await states.SetAsync(callback);
        foreach (var booking in await BookingsOfAsync(callback.ConversationId, cancellationToken))
        {
            await feed.PublishAsync(booking, callback);
        }
    }

    /// <summary>The live callbacks' states, read once after a gap in the events: a bounded number of platform reads.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var now = clock.GetUtcNow();
        var live = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.CallbackStatus == CallbackStatus.Scheduled && b.CallbackId != null
                && b.ScheduledTime <= now + TimeSpan.FromMinutes(10) && b.ScheduledTime >= now - TimeSpan.FromHours(3))
            .OrderByDescending(b => b.ScheduledTime)
            .Take(CatchUpLimit)
            .ToListAsync(cancellationToken);
        foreach (var booking in live)
        {
            if (await contactCenter.FindCallbackAsync(booking.CallbackId!, cancellationToken) is { } callback)
            {
                await states.SetAsync(callback);
                await feed.PublishAsync(booking, callback);
            }
        }
    }

    /// <summary>Queues with a booking whose callback may still change: made, or due soon, and not long past.</summary>
    private async Task<HashSet<string>> QueuesInUseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var now = clock.GetUtcNow();
        var queues = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed
                && (b.CallbackStatus == CallbackStatus.Pending || b.CallbackStatus == CallbackStatus.Scheduled)
                && b.ScheduledTime >= now - TimeSpan.FromHours(3) && b.ScheduledTime <= now + TimeSpan.FromDays(1))
            .Select(b => b.QueueId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return new HashSet<string>(queues, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<List<Booking>> BookingsOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        return await db.Bookings.AsNoTracking().Where(b => b.CallbackId == conversationId).ToListAsync(cancellationToken);
    }

    private async Task WaitForQueuesAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _queuesChanged.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the interval passed
        }
    }
}
