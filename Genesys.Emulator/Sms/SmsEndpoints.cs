using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Sms;

// In the root namespace, which Program.cs already imports, so that registering SMS stays one line there.
namespace VideoEngager.Genesys.Emulator;

/// <summary>
/// A Twilio-compatible Messages API, so that SMS reminders of local runs land here instead of a provider, and
/// <c>/emulator/sms</c> for tests to read them. The inbox lives with the endpoints: one line in Program.cs adds both.
/// </summary>
internal static class SmsEndpoints
{
    public static IEndpointRouteBuilder MapSmsEndpoints(this IEndpointRouteBuilder routes)
    {
        var inbox = new SmsInbox(routes.ServiceProvider.GetRequiredService<TimeProvider>());
        routes.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json",
                (string accountSid, HttpRequest request, IConfiguration configuration, ILogger<SmsInbox> logger, CancellationToken ct) =>
                    CreateAsync(accountSid, request, inbox, configuration, logger, ct))
            .WithName("CreateSms")
            .WithSummary("Twilio-compatible: form To, From, Body; HTTP Basic AccountSid:AuthToken.")
            .WithTags("Sms")
            .DisableAntiforgery();

        var admin = routes.MapGroup("/emulator/sms").WithTags("Emulator");
        admin.MapGet("", () => TypedResults.Ok(inbox.All())).WithName("ListSms");
        admin.MapDelete("", () => TypedResults.Ok(new { cleared = inbox.Clear() })).WithName("ClearSms");
        return routes;
    }

    internal static async Task<IResult> CreateAsync(string accountSid, HttpRequest request, SmsInbox inbox,
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        if (!BasicCredentials.TryRead(request, out var user, out var token)
            || !string.Equals(user, accountSid, StringComparison.Ordinal)
            || !SmsAccounts.IsValid(configuration, user, token))
        {
            SmsLog.Unauthorized(logger, accountSid);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return Error(401, 20003, "Authenticate");
        }
        if (!request.HasFormContentType)
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        string to = form["To"].ToString(), from = form["From"].ToString(), body = form["Body"].ToString();
        if (string.IsNullOrWhiteSpace(to))
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }
        if (string.IsNullOrWhiteSpace(from))
        {
            return Error(400, 21603, "A 'From' phone number is required.");
        }
        if (string.IsNullOrEmpty(body))
        {
            return Error(400, 21602, "Message body is required.");
        }

        var sms = inbox.Add(accountSid, to, from, body);
        SmsLog.Accepted(logger, sms.Sid, accountSid);
        return Results.Json(TwilioMessage.Queued(sms), TwilioJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(TwilioError.Of(status, code, message), TwilioJson.Options, statusCode: status);
}
