using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Callbacks;

namespace VideoEngager.Genesys.Emulator.Notifications;

/// <summary>
/// Notification channels: topics a client subscribed to, and the sockets that get an event for every change of a
/// callback on a subscribed queue (<c>v2.routing.queues.{queueId}.conversations.callbacks</c>).
/// </summary>
internal sealed partial class NotificationChannels(TimeProvider time, IOptions<NotificationOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, NotificationChannel> _channels = [];

    public NotificationChannel Create()
    {
        var channel = new NotificationChannel(Guid.NewGuid(), time.GetUtcNow() + options.Value.ChannelLifetime);
        lock (_lock)
        {
            RemoveExpiredLocked();
            _channels[channel.Id] = channel;
        }
        return channel;
    }

    public NotificationChannel? Find(Guid id)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(id, out var channel) && channel.Expires > time.GetUtcNow() ? channel : null;
        }
    }

    /// <summary>
    /// Adds (or with <paramref name="replace"/> sets) the channel's topics and extends its life; null when the channel
    /// is unknown, a message when the topics would pass the limit.
    /// </summary>
    public (IReadOnlyList<ChannelTopic>? Topics, string? Error) Subscribe(Guid id, IReadOnlyList<string> topics, bool replace)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(id, out var channel) || channel.Expires <= time.GetUtcNow())
            {
                return (null, null);
            }
            var next = replace ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(channel.Topics, StringComparer.Ordinal);
            var answer = new List<ChannelTopic>();
            foreach (var topic in topics)
            {
                if (CallbackTopic().IsMatch(topic))
                {
                    next.Add(topic);
                    answer.Add(new ChannelTopic(topic, "Permitted", null));
                }
                else
                {
                    answer.Add(new ChannelTopic(topic, "Rejected", "This platform serves v2.routing.queues.{id}.conversations.callbacks only."));
                }
            }
            if (next.Count > options.Value.MaxTopicsPerChannel)
            {
                return (null, $"A channel holds at most {options.Value.MaxTopicsPerChannel} topics.");
            }
            channel.Topics = next;
            channel.Expires = time.GetUtcNow() + options.Value.ChannelLifetime;
            return (answer, null);
        }
    }

    /// <summary>The callback's change, to every socket of every channel subscribed to its queue.</summary>
    public void Publish(CallbackSnapshot callback)
    {
        var topic = $"v2.routing.queues.{callback.Request.QueueId}.conversations.callbacks";
        string? frame = null;
        lock (_lock)
        {
            foreach (var channel in _channels.Values.Where(c => c.Topics.Contains(topic)))
            {
                frame ??= JsonSerializer.Serialize(
                    new NotificationFrame(topic, "2", CallbackEventBody.Of(callback), new NotificationMetadata(Guid.NewGuid())),
                    NotificationFrame.Json);
                foreach (var socket in channel.Sockets)
                {
                    socket.Writer.TryWrite(frame);
                }
            }
        }
    }

    public Channel<string>? Attach(NotificationChannel channel)
    {
        var socket = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            channel.Sockets.Add(socket);
        }
        return socket;
    }

    public void Detach(NotificationChannel channel, Channel<string> socket)
    {
        lock (_lock)
        {
            channel.Sockets.Remove(socket);
        }
        socket.Writer.TryComplete();
    }

    /// <summary>Closes every open socket (the channels and their topics stay): a network blip, for tests.</summary>
    public int DropSockets()
    {
        lock (_lock)
        {
            var sockets = _channels.Values.SelectMany(c => c.Sockets).ToList();
            foreach (var socket in sockets)
            {
                socket.Writer.TryComplete();
            }
            foreach (var channel in _channels.Values)
            {
                channel.Sockets.Clear();
            }
            return sockets.Count;
        }
    }

    private void RemoveExpiredLocked()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _channels.Values.Where(c => c.Expires <= now && c.Sockets.Count == 0).ToList())
        {
            _channels.Remove(expired.Id);
        }
    }

    [GeneratedRegex(@"^v2\.routing\.queues\.[0-9a-fA-F-]{36}\.conversations\.callbacks$")]
    private static partial Regex CallbackTopic();
}

/// <summary>A channel's state; only <see cref="NotificationChannels"/> touches it, under its lock.</summary>
internal sealed class NotificationChannel(Guid id, DateTimeOffset expires)
{
    public Guid Id { get; } = id;
    public DateTimeOffset Expires { get; set; } = expires;
    public HashSet<string> Topics { get; set; } = new(StringComparer.Ordinal);
    public List<Channel<string>> Sockets { get; } = [];
}
