using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Callbacks;

public sealed class CallbackValidationTests
{
    private readonly RoutingDirectory _directory = new();
    private readonly Guid _queue;
    private readonly Guid _skill;
    private readonly Guid _language;

    public CallbackValidationTests()
    {
        _queue = _directory.TryAdd(RoutingKind.Queue, "VIP-Video-Q")!.Id;
        _skill = _directory.TryAdd(RoutingKind.Skill, "Video")!.Id;
        _language = _directory.TryAdd(RoutingKind.Language, "Arabic")!.Id;
    }

    [Fact]
    public void A_complete_request_becomes_a_callback_with_its_data()
    {
        var request = Request() with { Data = new() { ["bookingId"] = "bk_1" }, CallbackScheduledTime = DateTimeOffset.Parse("2026-12-03T14:30:00+04:00", System.Globalization.CultureInfo.InvariantCulture) };

        Assert.True(CallbackValidation.TryValidate(request, _directory, out var callback, out _));

        Assert.Equal(_queue, callback.QueueId);
        Assert.Equal([_skill], callback.SkillIds);
        Assert.Equal(_language, callback.LanguageId);
        Assert.Equal(5, callback.Priority);
        Assert.Equal("bk_1", callback.Data["bookingId"]);
        Assert.Equal(TimeSpan.Zero, callback.ScheduledTime!.Value.Offset);
    }

    [Fact]
    public void The_top_level_queue_id_is_accepted_when_routing_data_has_none()
    {
        var request = Request() with { RoutingData = null, QueueId = _queue.ToString() };

        Assert.True(CallbackValidation.TryValidate(request, _directory, out var callback, out _));
        Assert.Equal(_queue, callback.QueueId);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "no-numbers", "callbackNumbers" },
        { "blank-number", "callbackNumbers" },
        { "no-queue", "queue is required" },
        { "unknown-queue", "queueId" },
        { "queue-name", "queueId" },
        { "unknown-skill", "skillIds" },
        { "unknown-language", "languageId" },
        { "unknown-agent", "preferredAgentIds" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Each_invalid_field_is_named_in_the_error(string defect, string mentioned)
    {
        var request = Request();
        var routing = request.RoutingData!;
        request = defect switch
        {
            "no-numbers" => request with { CallbackNumbers = [] },
            "blank-number" => request with { CallbackNumbers = [" "] },
            "no-queue" => request with { RoutingData = routing with { QueueId = null } },
            "unknown-queue" => request with { RoutingData = routing with { QueueId = Guid.NewGuid().ToString() } },
            "queue-name" => request with { RoutingData = routing with { QueueId = "VIP-Video-Q" } },
            "unknown-skill" => request with { RoutingData = routing with { SkillIds = [Guid.NewGuid().ToString()] } },
            "unknown-language" => request with { RoutingData = routing with { LanguageId = Guid.NewGuid().ToString() } },
            _ => request with { RoutingData = routing with { PreferredAgentIds = [Guid.NewGuid().ToString()] } },
        };

        Assert.False(CallbackValidation.TryValidate(request, _directory, out _, out var error));
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
    }

    private CreateCallbackRequest Request() => new(
        new RoutingDataRequest(_queue.ToString(), [_skill.ToString()], _language.ToString(), 5, []),
        null, null, "Fatima Al-Ali", ["+971501234567"], null, "AE", null);
}
