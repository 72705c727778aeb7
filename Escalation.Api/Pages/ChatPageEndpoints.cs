using Microsoft.Extensions.Options;
using VideoEngager.Escalation.Tenancy;

namespace VideoEngager.Escalation.Pages;

/// <summary>The hosted chat page: a Web Messaging chat with Start Video, which opens the room in the page.</summary>
internal static class ChatPageEndpoints
{
    public static IEndpointRouteBuilder MapChatPages(this IEndpointRouteBuilder routes)
    {
        // queueId and key are read by the page's script, which calls the public API with them as any widget does.
        routes.MapGet("/chat", Chat).WithName("ChatPage").ExcludeFromDescription();
        return routes;
    }

    internal static async Task Chat(
        HttpContext context, string? lang, string? key, string? deploymentId, PageTemplates templates, IOptions<ChatOptions> options,
        TenantDirectory tenants)
    {
        await PageSecurityHeaders.AllowTenantFramingAsync(context, key, tenants);
        var (language, direction) = PageTemplates.Language(lang);
        var html = templates.Render("chat/chat.html", new Dictionary<string, string>
        {
            ["lang"] = language,
            ["dir"] = direction,
            ["webMessagingUrl"] = options.Value.WebMessagingUrl?.ToString() ?? "",
            // A widget may name the tenant's own Messenger deployment; the platform checks it exists.
            ["deploymentId"] = IsDeploymentId(deploymentId) ? deploymentId! : options.Value.DeploymentId,
        });
        await PageTemplates.WriteAsync(context, StatusCodes.Status200OK, html);
    }

    private static bool IsDeploymentId(string? value) =>
        value is { Length: > 0 and <= 100 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
