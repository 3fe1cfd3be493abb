using System.Net;
using System.Text.RegularExpressions;

namespace Commentary.Cli.Migration;

/// <summary>
/// Turns a comment's HTML (Disqus messages, WordPress comment content) into the plain text we store: paragraphs become
/// blank lines, line breaks stay, a link keeps its address, every other tag goes and entities are decoded. The text is
/// escaped again when it is shown, so nothing of the source's markup reaches a page.
/// </summary>
public static partial class SourceMarkup
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var text = html.ReplaceLineEndings("\n");
        text = Anchor().Replace(text, m => LinkText(WebUtility.HtmlDecode(m.Groups["href"].Value), m.Groups["text"].Value));
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n\n");
        text = ListItem().Replace(text, "\n- ");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        text = string.Join('\n', text.Split('\n').Select(line => line.TrimEnd()));
        return ExtraBlankLines().Replace(text, "\n\n").Trim();
    }

    // Disqus shortens long link texts ("example.com/a/very/lo..."); the address itself is what a reader needs.
    private static string LinkText(string href, string innerHtml)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(innerHtml, string.Empty)).Trim();
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return text;
        }

        var bare = text.TrimEnd('.', '…');
        return text.Length == 0 || href.Contains(bare, StringComparison.OrdinalIgnoreCase) ? href : $"{text} ({href})";
    }

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|blockquote|ul|ol|pre|h[1-6])\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex ExtraBlankLines();
}
