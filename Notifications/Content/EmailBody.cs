using System.Net;
using System.Text;

namespace VideoEngager.Notifications.Content;

public sealed record EmailLink(string Label, string Url);

/// <summary>An e-mail's text, held unencoded; each rendering encodes for its own format.</summary>
public sealed record EmailBody(EmailTexts Texts, string Subject, IReadOnlyList<string> Lines, IReadOnlyList<EmailLink> Links)
{
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.Append(line).Append("\n\n");
        }
        foreach (var link in Links)
        {
            text.Append(link.Label).Append(":\n").Append(link.Url).Append("\n\n");
        }
        return text.ToString().TrimEnd() + "\n";
    }

    public string ToHtml()
    {
        var dir = Texts.RightToLeft ? "rtl" : "ltr";
        var align = Texts.RightToLeft ? "right" : "left";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n")
            .Append($"<html lang=\"{Texts.Lang}\" dir=\"{dir}\">\n")
            .Append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Encode(Subject)).Append("</title></head>\n")
            .Append($"<body dir=\"{dir}\" style=\"font-family:Arial,Helvetica,sans-serif;text-align:{align};\">\n");
        foreach (var line in Lines)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }
        foreach (var link in Links)
        {
            html.Append("<p><a href=\"").Append(Encode(link.Url)).Append("\">")
                .Append(Encode(link.Label)).Append("</a></p>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    // Encodes <, >, &, " and ' (the attribute-safe set); Arabic text passes through as UTF-8.
    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
