using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoEngager.Genesys.Emulator.Sms;

/// <summary>Twilio's Message resource as its API answers it (snake_case, nulls written, RFC 2822 dates).</summary>
internal sealed record TwilioMessage(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("account_sid")] string AccountSid,
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("num_segments")] string NumSegments,
    [property: JsonPropertyName("num_media")] string NumMedia,
    [property: JsonPropertyName("date_created")] string DateCreated,
    [property: JsonPropertyName("date_updated")] string DateUpdated,
    [property: JsonPropertyName("date_sent")] string? DateSent,
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("messaging_service_sid")] string? MessagingServiceSid,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("price_unit")] string PriceUnit,
    [property: JsonPropertyName("uri")] string Uri)
{
    public static TwilioMessage Queued(CapturedSms sms)
    {
        var date = sms.DateCreated.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        // Twilio counts 160 GSM characters per segment (153 once split); close enough for a stand-in.
        var segments = sms.Body.Length <= 160 ? 1 : (sms.Body.Length + 152) / 153;
        return new TwilioMessage(sms.Sid, sms.AccountSid, "2010-04-01", sms.To, sms.From, sms.Body, "queued",
            "outbound-api", segments.ToString(CultureInfo.InvariantCulture), "0", date, date, null, null, null, null, null,
            "USD", $"/2010-04-01/Accounts/{sms.AccountSid}/Messages/{sms.Sid}.json");
    }
}

/// <summary>Twilio's error body, e.g. <c>{"code":20003,"message":"Authenticate","more_info":…,"status":401}</c>.</summary>
internal sealed record TwilioError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("more_info")] string MoreInfo,
    [property: JsonPropertyName("status")] int Status)
{
    public static TwilioError Of(int status, int code, string message) =>
        new(code, message, $"https://www.twilio.com/docs/errors/{code}", status);
}

internal static class TwilioJson
{
    // Not the emulator's Genesys settings: Twilio writes nulls and has no instant converter.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
