using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.Sms;

/// <summary>
/// A Twilio-compatible Messages API: <c>POST {base}/2010-04-01/Accounts/{sid}/Messages.json</c> with form fields
/// To, From, Body and Basic authentication.
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, IOptions<SmsOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    public bool Enabled => options.Value.Enabled;

    public async Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            throw new InvalidOperationException("SMS is not configured: set Sms:AccountSid, Sms:AuthToken and Sms:From.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri(settings))
        {
            Content = new FormUrlEncodedContent(
            [
                new("To", message.To),
                new("From", settings.From!),
                new("Body", message.Body),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A timeout or a dropped connection: the provider may or may not have taken it; the job decides on retry.
            NotifierLog.SmsFailed(logger, exception.GetType().Name, exception);
            return new SmsDelivery(DeliveryStatus.Failed, Detail: exception.GetType().Name);
        }

        using (response)
        {
            var (sid, code) = await ReadAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                NotifierLog.SmsSent(logger, sid);
                return new SmsDelivery(DeliveryStatus.Sent, sid, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var status = IsTransient(response.StatusCode) ? DeliveryStatus.Failed : DeliveryStatus.Rejected;
            NotifierLog.SmsRefused(logger, (int)response.StatusCode, code);
            return new SmsDelivery(status, sid, $"{(int)response.StatusCode} {code}".Trim());
        }
    }

    private static Uri MessagesUri(SmsOptions settings) => new(
        settings.BaseAddress,
        $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid!)}/Messages.json");

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    // Only the message sid and the provider's error code are kept: the body echoes the number and the text.
    private static async Task<(string? Sid, string? Code)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = json.RootElement;
            var sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null;
            return (sid, code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
