using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>The walking skeleton: Escalation.Api → Scheduling.Grpc → PostgreSQL for the seeded demo queue.</summary>
[Collection(AppCollection.Name)]
public sealed class AvailabilityTests(AppHostFixture app)
{
    private static readonly TimeSpan Dubai = TimeSpan.FromHours(4);

    [Fact]
    public async Task Seeded_queue_answers_two_weeks_of_slots_in_its_zone()
    {
        using var api = app.CreateApiClient();
        var firstSunday = NextSundayAtLeastTwoDaysAhead();

        var response = await api.GetFromJsonAsync<JsonElement>(
            $"/availability?queueId=VIP-Video-Q&start={firstSunday:yyyy-MM-dd}&days=14", TestContext.Current.CancellationToken);

        Assert.Equal("VIP-Video-Q", response.GetProperty("queueId").GetString());
        Assert.Equal("Asia/Dubai", response.GetProperty("timeZone").GetString());
        Assert.Equal(30, response.GetProperty("intervalMinutes").GetInt32());
        var slots = response.GetProperty("slots").EnumerateArray().Select(s => new
        {
            Start = s.GetProperty("start").GetString()!,
            LocalStart = DateTimeOffset.Parse(s.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(Dubai),
            Status = s.GetProperty("status").GetString(),
            Capacity = s.GetProperty("capacity").GetInt32(),
            Remaining = s.GetProperty("remaining").GetInt32(),
        }).ToList();

        Assert.All(slots, s => Assert.EndsWith("Z", s.Start, StringComparison.Ordinal));
        var days = slots.GroupBy(s => DateOnly.FromDateTime(s.LocalStart.DateTime)).ToList();
        Assert.Equal(14, days.Count);
        Assert.All(days, day => Assert.Equal(16, day.Count())); // 09:00–17:00 in 30-minute cells
        Assert.All(days, day => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(day.First().LocalStart.DateTime)));
        foreach (var day in days)
        {
            var weekend = day.Key.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;
            Assert.All(day, s => Assert.Equal(weekend ? "closed" : "open", s.Status));
        }
        Assert.All(slots, s => Assert.Equal((2, 2), (s.Capacity, s.Remaining)));
    }

    [Fact]
    public async Task A_missing_widget_key_is_401()
    {
        using var api = app.CreateApiClient(widgetKey: null);

        var response = await api.GetAsync("/availability?queueId=VIP-Video-Q", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_widget_key_is_401()
    {
        using var api = app.CreateApiClient(widgetKey: "not-a-key");

        var response = await api.GetAsync("/availability?queueId=VIP-Video-Q", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bad_query_fields_are_named_in_a_400()
    {
        using var api = app.CreateApiClient();

        var response = await api.GetAsync("/availability?queueId=VIP-Video-Q&days=40&start=tomorrow", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("days", out _));
        Assert.True(errors.TryGetProperty("start", out _));
    }

    [Theory]
    [InlineData("queueId=VIP-Video-Q&days=0", "days")]
    [InlineData("queueId=VIP-Video-Q&days=32", "days")]
    [InlineData("queueId=VIP-Video-Q&start=9999-12-31", "start")]
    [InlineData("queueId=VIP-Video-Q&start=0001-01-01", "start")]
    [InlineData("queueId=No-Such-Q&days=40", "days")] // bad input is named even when the queue is unknown too
    public async Task Out_of_range_days_and_starts_are_400s_naming_the_field(string query, string field)
    {
        using var api = app.CreateApiClient();

        var response = await api.GetAsync($"/availability?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_queue_is_404()
    {
        using var api = app.CreateApiClient();

        var response = await api.GetAsync("/availability?queueId=No-Such-Q", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static DateOnly NextSundayAtLeastTwoDaysAhead()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
