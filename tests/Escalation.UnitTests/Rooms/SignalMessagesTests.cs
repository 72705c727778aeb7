using System.Text;
using VideoEngager.Escalation.Rooms;

namespace VideoEngager.Escalation.UnitTests.Rooms;

public sealed class SignalMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    private static SignalMessage Parse(string json) => SignalMessages.Parse(Encoding.UTF8.GetBytes(json), Now);

    [Fact]
    public void A_description_is_passed_on_with_its_type_and_sdp_only()
    {
        var message = Assert.IsType<SignalMessage.Relay>(
            Parse("""{"type":"signal","description":{"type":"offer","sdp":"v=0","extra":1},"other":true}""")).Message;
        Assert.Equal("""{"type":"signal","description":{"type":"offer","sdp":"v=0"}}""", message.ToJsonString());
    }

    [Fact]
    public void A_candidate_keeps_its_known_fields()
    {
        var message = Assert.IsType<SignalMessage.Relay>(Parse(
            """{"type":"signal","candidate":{"candidate":"candidate:1 1 udp 1 127.0.0.1 5000 typ host","sdpMid":"0","sdpMLineIndex":0,"x":"y"}}""")).Message;
        Assert.Equal(
            """{"type":"signal","candidate":{"candidate":"candidate:1 1 udp 1 127.0.0.1 5000 typ host","sdpMid":"0","sdpMLineIndex":0}}""",
            message.ToJsonString());
    }

    [Fact]
    public void Chat_is_trimmed_and_stamped_by_the_server()
    {
        var message = Assert.IsType<SignalMessage.Relay>(Parse("""{"type":"chat","text":"  hello  ","at":"forged"}""")).Message;
        Assert.Equal("""{"type":"chat","text":"hello","at":"2026-12-08T10:00:00.000Z"}""", message.ToJsonString());
    }

    [Fact]
    public void State_needs_all_three_flags()
    {
        Assert.IsType<SignalMessage.Relay>(Parse("""{"type":"state","muted":true,"cameraOff":false,"sharing":false}"""));
        Assert.Equal("invalid-state",
            Assert.IsType<SignalMessage.Refused>(Parse("""{"type":"state","muted":"yes","cameraOff":false,"sharing":false}""")).Reason);
    }

    [Fact]
    public void Leave_is_a_hang_up() => Assert.IsType<SignalMessage.Leave>(Parse("""{"type":"leave"}"""));

    [Theory]
    [InlineData("not json", "invalid")]
    [InlineData("[1,2]", "invalid")]
    [InlineData("""{"type":"exec"}""", "unknown-type")]
    [InlineData("""{"text":"no type"}""", "unknown-type")]
    [InlineData("""{"type":"signal"}""", "invalid-signal")]
    [InlineData("""{"type":"signal","description":{"type":"bogus","sdp":""}}""", "invalid-description")]
    [InlineData("""{"type":"chat","text":"   "}""", "invalid-chat")]
    [InlineData("""{"type":"chat","type":"leave","text":"a"}""", "invalid")]
    public void Anything_else_is_refused_with_a_reason(string json, string reason) =>
        Assert.Equal(reason, Assert.IsType<SignalMessage.Refused>(Parse(json)).Reason);

    [Fact]
    public void Chat_longer_than_the_limit_is_refused() =>
        Assert.IsType<SignalMessage.Refused>(Parse($$"""{"type":"chat","text":"{{new string('a', SignalMessages.MaxChatLength + 1)}}"}"""));
}
