using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

internal static class GenesysAssert
{
    /// <summary>Checks the platform's error body field by field and that contextId repeats the correlation id.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Equal(body.GetProperty("message").GetString(), body.GetProperty("messageWithParams").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("messageParams").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("details").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
        Assert.Equal(CorrelationId(response), body.GetProperty("contextId").GetString());
        return body;
    }

    public static string CorrelationId(HttpResponseMessage response)
    {
        var id = Assert.Single(response.Headers.GetValues("inin-correlation-id"));
        Assert.True(Guid.TryParse(id, out _));
        return id;
    }
}
