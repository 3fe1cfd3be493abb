using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Commentary.Core.Comments;

/// <summary>
/// Turns a plain-text comment into HTML that is safe to insert into a page: everything is escaped,
/// blank lines make paragraphs, single line breaks stay, and http(s) links become <c>rel="nofollow ugc noopener"</c> anchors.
/// </summary>
public static partial class CommentBodyRenderer
{
    // Escapes what HTML needs (< > & " ' and a few more) and leaves letters of every script as they are: a Cyrillic or
    // Turkish comment is not several times larger as numeric entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder(body.Length + 32);
        var paragraphs = ParagraphBreak().Split(body.ReplaceLineEndings("\n").Trim())
            .Where(p => p.Trim().Length > 0);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            var lines = paragraph.Trim().Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLine(html, lines[i]);
            }

            html.Append("</p>");
        }

        return html.ToString();
    }

    private static void AppendLine(StringBuilder html, string line)
    {
        var position = 0;
        foreach (Match link in Link().Matches(line))
        {
            html.Append(Encoder.Encode(line[position..link.Index]));
            var url = TrimTrailingPunctuation(link.Value);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var encoded = Encoder.Encode(url);
                html.Append("<a href=\"").Append(encoded).Append("\" rel=\"nofollow ugc noopener\">").Append(encoded).Append("</a>");
            }
            else
            {
                html.Append(Encoder.Encode(url));
            }

            html.Append(Encoder.Encode(link.Value[url.Length..]));
            position = link.Index + link.Length;
        }

        html.Append(Encoder.Encode(line[position..]));
    }

    // A sentence's full stop or closing bracket after a link belongs to the sentence, not the address.
    private static string TrimTrailingPunctuation(string url) => url.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"');

    [GeneratedRegex(@"\n[ \t]*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
