using Microsoft.Extensions.Options;

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

    internal static Task Chat(HttpContext context, string? lang, PageTemplates templates, IOptions<ChatOptions> options)
    {
        var (language, direction) = PageTemplates.Language(lang);
        var html = templates.Render("chat/chat.html", new Dictionary<string, string>
        {
            ["lang"] = language,
            ["dir"] = direction,
            ["webMessagingUrl"] = options.Value.WebMessagingUrl?.ToString() ?? "",
            ["deploymentId"] = options.Value.DeploymentId,
        });
        return PageTemplates.WriteAsync(context, StatusCodes.Status200OK, html);
    }
}
