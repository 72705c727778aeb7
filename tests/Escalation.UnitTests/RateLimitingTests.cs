using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Visitors_behind_a_trusted_proxy_each_have_their_own_bucket()
    {
        // The load balancer's own address, as configured.
        var statuses = await CallAsVisitorsAsync(IPAddress.Parse("10.1.2.3"), trusted: "10.0.0.0/8");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses.First);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses.Second);
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_sender_is_ignored()
    {
        var statuses = await CallAsVisitorsAsync(IPAddress.Parse("198.51.100.9"), trusted: "10.0.0.0/8");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses.First);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses.Second); // one bucket: the sender's own address
    }

    /// <returns>The first visitor's last answer after emptying its bucket, and then a second visitor's first answer.</returns>
    private static async Task<(HttpStatusCode First, HttpStatusCode Second)> CallAsVisitorsAsync(IPAddress sender, string trusted)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Admin:Key", "test-admin-key")
            .UseSetting("RateLimiting:Burst", "3")
            .UseSetting("RateLimiting:PermitsPerSecond", "1")
            .UseSetting("Proxies:KnownNetworks:0", trusted)
            .ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(sender))));
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        HttpStatusCode last = default;
        for (var i = 0; i < 5; i++)
        {
            last = await CallAsync("203.0.113.7");
        }
        return (last, await CallAsync("203.0.113.8"));

        async Task<HttpStatusCode> CallAsync(string visitor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/availability?queueId=VIP-Video-Q");
            request.Headers.Add("X-Forwarded-For", visitor);
            return (await client.SendAsync(request, token)).StatusCode;
        }
    }

    /// <summary>The test server has no socket; this gives every request the address of the sender under test.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
