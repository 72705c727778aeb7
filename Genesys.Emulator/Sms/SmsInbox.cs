using System.Security.Cryptography;

namespace VideoEngager.Genesys.Emulator.Sms;

/// <summary>One message taken by the Twilio-compatible endpoint.</summary>
internal sealed record CapturedSms(string Sid, string AccountSid, string To, string From, string Body, DateTimeOffset DateCreated);

/// <summary>Every SMS the emulator accepted, in arrival order, for tests to read. In memory, bounded.</summary>
internal sealed class SmsInbox(TimeProvider timeProvider)
{
    // Enough for a load run; the oldest go first beyond it.
    public const int Capacity = 20_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<CapturedSms> _messages = new();

    public CapturedSms Add(string accountSid, string to, string from, string body)
    {
        // Twilio's message sids: "SM" and 32 hex digits.
        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var message = new CapturedSms(sid, accountSid, to, from, body, timeProvider.GetUtcNow());
        lock (_gate)
        {
            _messages.AddLast(message);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveFirst();
            }
        }
        return message;
    }

    public IReadOnlyList<CapturedSms> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public int Clear()
    {
        lock (_gate)
        {
            var count = _messages.Count;
            _messages.Clear();
            return count;
        }
    }
}
