namespace VideoEngager.Genesys.Emulator.Sms;

/// <summary>The SMS endpoint's log lines: the number and the text are never parameters here.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(3900, LogLevel.Information, "SMS {Sid} accepted for account {AccountSid}")]
    public static partial void Accepted(ILogger logger, string sid, string accountSid);

    [LoggerMessage(3901, LogLevel.Warning, "SMS refused: bad credentials for account {AccountSid}")]
    public static partial void Unauthorized(ILogger logger, string accountSid);
}
