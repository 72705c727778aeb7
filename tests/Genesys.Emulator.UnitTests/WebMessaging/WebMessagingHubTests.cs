using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Genesys.Emulator.Desktop;
using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.WebMessaging;

namespace VideoEngager.Genesys.Emulator.UnitTests.WebMessaging;

public sealed class WebMessagingHubTests
{
    private const string Token = "2f4d2c1e-8d0b-4f7c-9a51-6a3b2c1d0e9f";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly AgentEventHub _desktops = new();
    private readonly WebMessagingHub _hub;

    public WebMessagingHubTests() =>
        _hub = new WebMessagingHub(_time, Options.Create(new WebMessagingOptions()), _desktops, NullLogger<WebMessagingHub>.Instance);

    [Fact]
    public void Configuring_a_session_answers_a_new_connected_session_with_the_custom_data_limit()
    {
        var guest = new GuestConnection();

        var response = Single(guest, Configure());

        Assert.Equal(("response", "SessionResponse", 200), (response.Type, response.Class, response.Code));
        Assert.Equal(new SessionResponse(true, true, false, 2048, [], false), response.Body);
    }

    [Fact]
    public void Configuring_again_with_the_same_token_resumes_the_conversation()
    {
        var first = new GuestConnection();
        Single(first, Configure());
        var messageId = SendText(first, "hello");
        var conversationId = _hub.FindMessage(messageId)!.Value.ConversationId;

        var second = new GuestConnection();
        var resumed = Single(second, Configure());

        Assert.False(((SessionResponse)resumed.Body).NewSession);
        Assert.Equal(conversationId, _hub.FindMessage(SendText(second, "again"))!.Value.ConversationId);
    }

    [Fact]
    public void Custom_attributes_are_kept_on_the_conversation_and_reach_the_desktops()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());
        using var desktop = _desktops.Subscribe(Guid.NewGuid());

        var messageId = SendText(guest, "hi", """{"productLine":"Post-paid","lang":"ar"}""");

        var session = Assert.Single(_hub.Sessions());
        Assert.Equal("Post-paid", session.CustomAttributes["productLine"]);
        Assert.Equal("ar", session.CustomAttributes["lang"]);
        Assert.Equal(session.ConversationId, _hub.FindMessage(messageId)!.Value.ConversationId);
        Assert.True(desktop.Reader.TryRead(out var notice));
        Assert.Equal(AgentNotice.Messaging, notice.Type);
        Assert.Equal(("inbound", "hi"), (notice.Message!.Kind, notice.Message.Text));
        Assert.Equal("ar", notice.Message.CustomAttributes["lang"]);
    }

    [Fact]
    public void More_than_two_messages_a_second_are_refused_with_retry_after()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());
        SendText(guest, "one");
        SendText(guest, "two");

        var refused = Single(guest, Text("three"));

        Assert.Equal(("response", "TooManyRequestsErrorMessage", 429), (refused.Type, refused.Class, refused.Code));
        Assert.Equal(new TooManyRequestsBody(3, 4029, "Message rate too high for this session"), refused.Body);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("StructuredMessage", Single(guest, Text("four")).Class);
    }

    [Fact]
    public void Custom_attributes_over_2048_bytes_are_refused_with_4013()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());
        var big = JsonSerializer.Serialize(new Dictionary<string, string> { ["note"] = new string('x', 2040) });

        var refused = Single(guest, Text("hi", big));

        Assert.Equal(("string", 4013), (refused.Class, refused.Code));
        Assert.Empty(Assert.Single(_hub.Sessions()).CustomAttributes);
    }

    [Fact]
    public void A_text_over_4096_characters_is_refused_with_4011()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());

        Assert.Equal(4011, Single(guest, Text(new string('a', 4097))).Code);
    }

    [Theory]
    [InlineData("""{"action":"configureSession","token":"t"}""", 4020)]
    [InlineData("""{"action":"configureSession","deploymentId":"d"}""", 4020)]
    [InlineData("""{"token":"t"}""", 4020)]
    [InlineData("""{"action":"onMessage","token":"t","message":{"type":"Text","text":"hi"}}""", 4007)]
    [InlineData("""not json""", 400)]
    public void Malformed_or_premature_frames_get_the_guest_error_codes(string frame, int code)
    {
        var guest = new GuestConnection();

        var error = Single(guest, frame);

        Assert.Equal(("response", "string", code), (error.Type, error.Class, error.Code));
    }

    [Fact]
    public void Echo_answers_the_text_with_the_tracing_id()
    {
        var guest = new GuestConnection();

        var echo = Single(guest, $$$"""{"action":"echo","token":"{{{Token}}}","tracingId":"trace-1","message":{"type":"Text","text":"ping"}}""");

        Assert.Equal(("StructuredMessage", "trace-1"), (echo.Class, echo.TracingId));
        Assert.Equal("ping", ((StructuredMessage)echo.Body).Text);
    }

    [Fact]
    public void After_a_presence_disconnect_the_session_is_read_only_until_started_anew()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());
        Assert.Equal("StructuredMessage", Single(guest, Presence("Join")).Class);
        Assert.Equal("StructuredMessage", Single(guest, Presence("Disconnect")).Class);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(400, Single(guest, Text("anyone?")).Code);
        Assert.True(((SessionResponse)Single(new GuestConnection(), Configure()).Body).ReadOnly);

        var fresh = Single(guest, Configure(startNew: true));
        Assert.Equal(new SessionResponse(true, true, false, 2048, [], true), fresh.Body);
        Assert.Equal("StructuredMessage", Single(guest, Text("new chat")).Class);
    }

    [Fact]
    public void An_agent_reply_joins_then_speaks_and_ending_makes_the_guest_read_only()
    {
        var guest = new GuestConnection();
        Single(guest, Configure());
        var conversationId = _hub.FindMessage(SendText(guest, "hi"))!.Value.ConversationId;

        Assert.Equal(EngineOutcome.Ok, _hub.AgentReply(conversationId, Guid.NewGuid(), "Hello, I'm Layla"));
        var join = (StructuredMessage)Next(guest).Body;
        var text = Next(guest);
        Assert.Equal(("Event", "Outbound", "Join"), (join.Type, join.Direction, join.Events[0].Presence!.Type));
        Assert.Equal(("message", "StructuredMessage"), (text.Type, text.Class));
        Assert.Equal("Hello, I'm Layla", ((StructuredMessage)text.Body).Text);

        Assert.Equal(EngineOutcome.Ok, _hub.AgentDisconnect(conversationId));
        Assert.Equal("Disconnect", ((StructuredMessage)Next(guest).Body).Events[0].Presence!.Type);
        Assert.Equal(EngineOutcome.Conflict, _hub.AgentReply(conversationId, Guid.NewGuid(), "still there?"));
        Assert.Equal(EngineOutcome.NotFound, _hub.AgentReply(Guid.NewGuid(), Guid.NewGuid(), "hello?"));
    }

    [Fact]
    public void Closing_all_connections_tells_the_others_and_closes_them()
    {
        var phone = new GuestConnection();
        var laptop = new GuestConnection();
        Single(phone, Configure());
        Single(laptop, Configure());

        var closed = Single(phone, $$"""{"action":"closeSession","token":"{{Token}}","closeAllConnections":true}""");

        Assert.False(((SessionResponse)closed.Body).Connected);
        Assert.Equal("ConnectionClosedEvent", Next(laptop).Class);
        Assert.True(laptop.Outbox.Reader.Completion.IsCompleted);
    }

    private static string Configure(bool startNew = false) =>
        JsonSerializer.Serialize(new
        {
            action = "configureSession",
            token = Token,
            deploymentId = "dep-1",
            startNew,
            journeyContext = new { customer = new { id = "c1", idType = "cookie" }, customerSession = new { id = "", type = "web" } },
        });

    private static string Text(string text, string? customAttributes = null) =>
        JsonSerializer.Serialize(new
        {
            action = "onMessage",
            token = Token,
            message = new
            {
                type = "Text",
                text,
                channel = customAttributes is null ? null : new { metadata = new { customAttributes = JsonDocument.Parse(customAttributes).RootElement } },
            },
        });

    private static string Presence(string type) =>
        $$$"""{"action":"onMessage","token":"{{{Token}}}","message":{"type":"Event","events":[{"eventType":"Presence","presence":{"type":"{{{type}}}"}}]}}""";

    private Guid SendText(GuestConnection guest, string text, string? customAttributes = null)
    {
        var response = Single(guest, Text(text, customAttributes));
        Assert.Equal(("response", "StructuredMessage", 200), (response.Type, response.Class, response.Code));
        var message = (StructuredMessage)response.Body;
        Assert.Equal(("Inbound", "Text", text), (message.Direction, message.Type, message.Text));
        return message.Id;
    }

    private ServerFrame Single(GuestConnection guest, string frame)
    {
        _hub.Receive(guest, frame);
        var answer = Next(guest);
        Assert.False(guest.Outbox.Reader.TryRead(out _));
        return answer;
    }

    private static ServerFrame Next(GuestConnection guest)
    {
        Assert.True(guest.Outbox.Reader.TryRead(out var frame));
        return frame;
    }
}
