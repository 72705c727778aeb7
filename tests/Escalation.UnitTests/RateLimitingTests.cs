using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VideoEngager.Escalation.UnitTests;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task A_client_past_its_burst_gets_429_with_retry_after_while_health_still_answers()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Admin:Key", "test-admin-key")
            .UseSetting("RateLimiting:Burst", "3")
            .UseSetting("RateLimiting:PermitsPerSecond", "1"));
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/availability?queueId=VIP-Video-Q", token);
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // No key: 401 until the bucket is empty, then 429 — before any call reaches Scheduling.
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", token)).StatusCode);
    }
}
