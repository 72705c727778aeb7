using System.Collections.Concurrent;
using System.Text.Encodings.Web;

namespace VideoEngager.Escalation.Pages;

/// <summary>
/// The pages' HTML templates from <c>wwwroot</c>: static files whose <c>{{name}}</c> placeholders (all on the
/// <c>html</c> element) carry what the page's script needs, since no inline script is allowed. Values are
/// attribute-encoded; a template is read once.
/// </summary>
internal sealed class PageTemplates(IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, string> _templates = new(StringComparer.Ordinal);

    public string Render(string path, IReadOnlyDictionary<string, string> values)
    {
        var html = _templates.GetOrAdd(path, Read);
        foreach (var (name, value) in values)
        {
            html = html.Replace("{{" + name + "}}", HtmlEncoder.Default.Encode(value), StringComparison.Ordinal);
        }
        return html;
    }

    /// <summary>The page's language: Arabic when asked for, English otherwise.</summary>
    public static (string Lang, string Dir) Language(string? lang) =>
        lang is not null && lang.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? ("ar", "rtl") : ("en", "ltr");

    /// <summary>Writes a rendered page: never cached, since its address carries a key or a token.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private string Read(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
