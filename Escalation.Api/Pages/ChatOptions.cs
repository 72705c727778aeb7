using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Escalation.Pages;

/// <summary>Where the hosted chat page's guests chat: the platform's Web Messaging guest API and the Messenger deployment.</summary>
public sealed class ChatOptions : IValidatableObject
{
    public const string Section = "Chat";

    /// <summary>The guest WebSocket, e.g. <c>wss://webmessaging.mypurecloud.com/v1</c>; unset, the chat page says chat is unavailable.</summary>
    public Uri? WebMessagingUrl { get; set; }

    /// <summary>The Messenger deployment the guests' sessions belong to.</summary>
    [MaxLength(100)]
    public string DeploymentId { get; set; } = "";

    /// <summary>The origin the page's Content-Security-Policy lets it connect to, or null.</summary>
    public string? ConnectSource => WebMessagingUrl is { } url ? $"{url.Scheme}://{url.Authority}" : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebMessagingUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("ws" or "wss")))
        {
            yield return new ValidationResult("Chat:WebMessagingUrl must be an absolute ws:// or wss:// address.", [nameof(WebMessagingUrl)]);
        }
        if (WebMessagingUrl is not null && string.IsNullOrWhiteSpace(DeploymentId))
        {
            yield return new ValidationResult("Chat:DeploymentId is required with Chat:WebMessagingUrl.", [nameof(DeploymentId)]);
        }
    }
}
