using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Commentary.Cli.Migration;

/// <summary>
/// Turns a comment's HTML (Disqus messages, WordPress comment content) into the plain text we store, reading it with
/// a real HTML parser (AngleSharp). Block elements (paragraphs, list items, definition terms, addresses…) are separated
/// by line breaks, line breaks in the source stay (WordPress stores comments as text with newlines), text in
/// <c>code</c> and <c>pre</c> is kept as written, a link keeps its address as <c>text (url)</c>, entities are decoded
/// once, and a script or style body never becomes text. A <c>&lt;</c> that does not open an HTML element
/// (<c>&lt;?php</c>, <c>a &lt; b</c>, <c>&lt;stdio.h&gt;</c>) is text, not a tag. The text is escaped again when it is
/// shown, so nothing of the source's markup reaches a page.
/// </summary>
public static partial class SourceMarkup
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "head", "title" };

    private static readonly HashSet<string> Verbatim = new(StringComparer.OrdinalIgnoreCase) { "pre", "code", "kbd", "samp", "tt", "textarea", "xmp", "listing", "plaintext" };

    // Separated from what surrounds them by a blank line.
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "address", "figure",
        "section", "article", "header", "footer", "aside", "nav", "main", "details", "fieldset", "form", "hr", "center", "menu",
    };

    // On a line of their own.
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "dt", "dd", "tr", "caption", "figcaption", "summary", "legend", "option", "thead", "tbody", "tfoot",
    };

    // Containers whose whitespace-only text is layout between their children, never content.
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "select", "menu",
    };

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var context = Parser.ParseDocument(string.Empty).Body!;
        var nodes = Parser.ParseFragment(StrayAngleBracket().Replace(html.ReplaceLineEndings("\n"), "&lt;"), context);
        var text = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Append(text, node, verbatim: false);
        }

        var lines = text.ToString().Split('\n').Select(line => line.TrimEnd());
        return ExtraBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static void Append(StringBuilder text, INode node, bool verbatim)
    {
        switch (node)
        {
            case IText t:
                AppendText(text, t, verbatim);
                break;
            case IElement element:
                AppendElement(text, element, verbatim);
                break;
        }
    }

    private static void AppendText(StringBuilder text, IText node, bool verbatim)
    {
        var value = node.Data;
        if (verbatim)
        {
            text.Append(value);
            return;
        }

        if (string.IsNullOrWhiteSpace(value) && node.ParentElement is { } parent && Structural.Contains(parent.LocalName))
        {
            return;
        }

        var collapsed = Spaces().Replace(value, " ");
        if (text.Length == 0 || text[^1] == '\n')
        {
            collapsed = collapsed.TrimStart(' ');
        }

        text.Append(collapsed);
    }

    private static void AppendElement(StringBuilder text, IElement element, bool verbatim)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name))
        {
            return;
        }

        if (name == "br")
        {
            text.Append('\n');
            return;
        }

        var inner = verbatim || Verbatim.Contains(name);
        if (name == "a" && element.GetAttribute("href") is { } href)
        {
            var label = new StringBuilder();
            AppendChildren(label, element, inner);
            text.Append(LinkText(href.Trim(), label.ToString().Trim()));
            return;
        }

        var breaks = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) || name == "li" ? 1 : 0;
        Break(text, breaks);
        if (name == "li")
        {
            text.Append("- ");
        }
        else if (name is "td" or "th" && text.Length > 0 && text[^1] is not ('\n' or ' '))
        {
            text.Append(' ');
        }

        AppendChildren(text, element, inner);
        Break(text, breaks);
    }

    private static void AppendChildren(StringBuilder text, IElement element, bool verbatim)
    {
        foreach (var child in element.ChildNodes)
        {
            Append(text, child, verbatim);
        }
    }

    // Ends the text so far with at least this many line breaks (none at the very start).
    private static void Break(StringBuilder text, int count)
    {
        if (count == 0 || text.Length == 0)
        {
            return;
        }

        var have = 0;
        while (have < text.Length && text[text.Length - 1 - have] == '\n')
        {
            have++;
        }

        text.Append('\n', Math.Max(0, count - have));
    }

    // Disqus shortens long link texts ("example.com/a/very/lo..."); the address itself is what a reader needs.
    private static string LinkText(string href, string text)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return text;
        }

        var bare = text.TrimEnd('.', '…');
        return text.Length == 0 || href.Contains(bare, StringComparison.OrdinalIgnoreCase) ? href : $"{text} ({href})";
    }

    // A '<' opens markup only before the name of an HTML element (or a closing tag of one, or an HTML comment).
    [GeneratedRegex(
        @"<(?!!--|/?(?:a|abbr|acronym|address|area|article|aside|audio|b|bdi|bdo|big|blockquote|body|br|button|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|menu|meta|nav|noscript|object|ol|p|picture|pre|q|rp|rt|ruby|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr)(?=[\s/>]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrayAngleBracket();

    [GeneratedRegex(@"[ \t\f\r]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex ExtraBlankLines();
}
