using System.Net;
using System.Net.Http.Json;

namespace VideoEngager.Integration.Tests;

internal static class BookingLoad
{
    /// <summary>Fires <paramref name="count"/> creates for one slot at once, each from its own client.</summary>
    public static async Task<HttpStatusCode[]> CreateConcurrentlyAsync(
        AppHostFixture app, TestTenant tenant, DateTime slot, int count, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, count).Select(_ => app.CreateApiClient(tenant.WidgetKey)).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var requests = clients.Select(async (client, i) =>
            {
                await start.WaitAsync(cancellationToken);
                using var response = await client.PostAsJsonAsync("/create", tenant.Booking(slot, $"Visitor {i}"), cancellationToken);
                return response.StatusCode;
            }).ToList();
            start.Release(count);
            return await Task.WhenAll(requests);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
