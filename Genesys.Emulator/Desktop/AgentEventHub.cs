using System.Threading.Channels;

namespace VideoEngager.Genesys.Emulator.Desktop;

/// <summary>Fans agent notices out to every open desktop of that agent (one channel per SSE connection).</summary>
internal sealed class AgentEventHub
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<Channel<AgentNotice>>> _subscribers = [];

    public Subscription Subscribe(Guid agentId)
    {
        var channel = Channel.CreateUnbounded<AgentNotice>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(agentId, out var list))
            {
                _subscribers[agentId] = list = [];
            }
            list.Add(channel);
        }
        return new Subscription(this, agentId, channel);
    }

    public void Publish(Guid agentId, AgentNotice notice)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(agentId, out var list))
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryWrite(notice);
                }
            }
        }
    }

    /// <summary>Publishes to every connected desktop, e.g. a guest message no agent has claimed yet.</summary>
    public void PublishToAll(AgentNotice notice)
    {
        lock (_lock)
        {
            foreach (var channel in _subscribers.Values.SelectMany(list => list))
            {
                channel.Writer.TryWrite(notice);
            }
        }
    }

    private void Unsubscribe(Guid agentId, Channel<AgentNotice> channel)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(agentId, out var list) && list.Remove(channel) && list.Count == 0)
            {
                _subscribers.Remove(agentId);
            }
        }
        channel.Writer.TryComplete();
    }

    internal sealed class Subscription(AgentEventHub hub, Guid agentId, Channel<AgentNotice> channel) : IDisposable
    {
        public ChannelReader<AgentNotice> Reader => channel.Reader;

        public void Dispose() => hub.Unsubscribe(agentId, channel);
    }
}
