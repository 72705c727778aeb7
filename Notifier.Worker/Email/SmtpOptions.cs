using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace VideoEngager.Notifier.Email;

/// <summary>
/// Section <c>Smtp</c>. Host and port may instead come from Aspire's service reference
/// (<c>services__smtp__smtp__0=smtp://host:port</c>); explicit <c>Smtp:*</c> values win.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Authenticate only when set; secrets come from AppHost parameters, never the repository.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Default: STARTTLS when the server offers it (smtp4dev doesn't), implicit TLS for <c>smtps://</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long an idle connection may still be reused by the next batch (0: a new one per batch).</summary>
    [Range(0, 300)]
    public int IdleSeconds { get; set; } = 30;
}
