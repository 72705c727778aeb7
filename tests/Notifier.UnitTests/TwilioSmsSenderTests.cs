using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoEngager.Notifications;
using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Sms;

namespace VideoEngager.Notifier.UnitTests;

public class TwilioSmsSenderTests
{
    private static readonly SmsOptions Configured = new()
    {
        BaseAddress = new Uri("http://127.0.0.1:9/twilio/"),
        AccountSid = "AC123",
        AuthToken = "token",
        From = "+15005550006",
    };

    private static (TwilioSmsSender Sender, RecordingHandler Handler) Create(HttpStatusCode status, string json, SmsOptions? options = null)
    {
        var handler = new RecordingHandler(status, json);
        var sender = new TwilioSmsSender(new HttpClient(handler), Options.Create(options ?? Configured), NullLogger<TwilioSmsSender>.Instance);
        return (sender, handler);
    }

    [Fact]
    public async Task Posts_the_form_to_the_messages_resource_with_basic_auth()
    {
        var (sender, handler) = Create(HttpStatusCode.Created, """{ "sid": "SM42", "status": "queued" }""");

        var result = await sender.SendAsync(new SmsMessage("+971501234567", "Your call starts at 13:00"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        Assert.Equal("SM42", result.Reference);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:9/twilio/2010-04-01/Accounts/AC123/Messages.json", request.Uri.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:token")), request.Authorization);
        Assert.Equal("To=%2B971501234567&From=%2B15005550006&Body=Your+call+starts+at+13%3A00", request.Body);
    }

    [Fact]
    public async Task A_client_error_is_a_rejection_with_the_provider_code()
    {
        var (sender, _) = Create(HttpStatusCode.BadRequest, """{ "code": 21211, "message": "Invalid 'To' Phone Number", "status": 400 }""");

        var result = await sender.SendAsync(new SmsMessage("+1", "x"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal("400 21211", result.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_throttling_are_transient(HttpStatusCode status)
    {
        var (sender, _) = Create(status, "not json");

        Assert.Equal(DeliveryStatus.Failed, (await sender.SendAsync(new SmsMessage("+1", "x"), TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Unconfigured_sms_refuses_to_send()
    {
        var (sender, handler) = Create(HttpStatusCode.Created, "{}", new SmsOptions());

        Assert.False(sender.Enabled);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => sender.SendAsync(new SmsMessage("+1", "x"), TestContext.Current.CancellationToken));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Options_need_token_and_sender_once_an_account_is_set()
    {
        var validator = new SmsOptionsValidator();

        Assert.True(validator.Validate(null, new SmsOptions()).Succeeded);
        Assert.True(validator.Validate(null, Configured).Succeeded);
        Assert.True(validator.Validate(null, new SmsOptions { AccountSid = "AC1", AuthToken = "t" }).Failed);
    }

    private sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body);

    private sealed class RecordingHandler(HttpStatusCode status, string json) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
