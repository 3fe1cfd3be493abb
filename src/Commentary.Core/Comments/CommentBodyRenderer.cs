using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Commentary.Core.Comments;

/// <summary>
/// Turns a comment body into HTML that is safe to insert into a page. Bodies are a small Markdown subset rendered
/// with Markdig: emphasis, quotes, lists, inline code, code blocks and links. Raw HTML is text; headings and tables
/// are plain paragraphs; an image becomes a link to it; a link keeps only an http(s) or mailto address and gets
/// <c>rel="nofollow ugc noopener"</c>, any other address leaves its text and no link. Plain text keeps what readers
/// know: blank lines make paragraphs, single line breaks stay, bare http(s) addresses become links. Every element and
/// attribute the output can hold is listed in <see cref="AllowedElements"/>.
/// </summary>
public static partial class CommentBodyRenderer
{
    /// <summary>
    /// Quotes and lists nested deeper than this render as plain text: nobody writes them, and a body made of nothing
    /// but nesting markers is the cheapest way to make a Markdown parser and a browser work hard.
    /// </summary>
    public const int MaxNesting = 16;

    /// <summary>
    /// More link brackets, emphasis marks or backticks than this render as plain text. Markdig's handling of unmatched
    /// brackets and emphasis grows faster than the text (a 5,000-character body of '[' took over half a second), and
    /// no reader writes 64 links or 128 emphasised words in one comment; within these caps every body renders in about
    /// a millisecond (MarkdownBenchmarks).
    /// </summary>
    public const int MaxBrackets = 64;

    public const int MaxEmphasisMarks = 256;

    public const int MaxBackticks = 128;

    /// <summary>
    /// More addresses than this (<c>://</c>, <c>www.</c>, <c>@</c>) render as plain text, where http(s) addresses are
    /// still links: Markdig's autolinking slows with the square of their number (400 took about 20 ms).
    /// </summary>
    public const int MaxAddresses = 32;

    public const string LinkRel = "nofollow ugc noopener";

    /// <summary>The only elements a rendered body may contain, each with the only attributes it may carry.</summary>
    public static IReadOnlyDictionary<string, string[]> AllowedElements { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["p"] = [],
        ["br"] = [],
        ["em"] = [],
        ["strong"] = [],
        ["code"] = [],
        ["pre"] = [],
        ["blockquote"] = [],
        ["ul"] = [],
        ["ol"] = ["start"],
        ["li"] = [],
        ["a"] = ["href", "rel"],
        ["hr"] = [],
    };

    // Escapes what HTML needs (< > & " ' and a few more) and leaves letters of every script as they are: a Cyrillic or
    // Turkish comment is not several times larger as numeric entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    public static string ToHtml(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.ReplaceLineEndings("\n");
        if (IsTooComplex(text))
        {
            return PlainTextToHtml(text);
        }

        try
        {
            return MarkdownToHtml(text);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its own depth limit ("too deeply nested"): such a body is not prose.
            return PlainTextToHtml(text);
        }
    }

    private static string MarkdownToHtml(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        MakeSafe(document);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new CompactParagraphRenderer());
        renderer.ObjectRenderers.Replace<LineBreakInlineRenderer>(new CompactLineBreakRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>Whether an address may be a link in a comment: absolute http, https or mailto only.</summary>
    public static bool IsAllowedLink(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            // A single line break in a comment is the writer's, as it always was: it stays a break.
            .UseSoftlineBreakAsHardlineBreak();
        // Headings are not in a comment's subset: their lines stay paragraphs of text. (A rule, ---, stays a rule.)
        builder.BlockParsers.RemoveAll(p => p is HeadingBlockParser);
        builder.BlockParsers.Find<ParagraphBlockParser>()!.ParseSetextHeadings = false;
        return builder.Build();
    }

    /// <summary>Drops every attribute the parser set (a code block's language class, ids) and makes links safe.</summary>
    private static void MakeSafe(MarkdownDocument document)
    {
        foreach (var node in document.Descendants().ToArray())
        {
            node.SetAttributes(new HtmlAttributes());
            switch (node)
            {
                case LinkInline link:
                    // An image is never shown: it becomes a link to its address, its alt text the link's text.
                    link.IsImage = false;
                    link.Title = null;
                    if (IsAllowedLink(link.Url))
                    {
                        link.GetAttributes().AddProperty("rel", LinkRel);
                    }
                    else
                    {
                        Unwrap(link);
                    }

                    break;
                case AutolinkInline auto:
                    var url = auto.IsEmail ? "mailto:" + auto.Url : auto.Url;
                    if (IsAllowedLink(url))
                    {
                        auto.GetAttributes().AddProperty("rel", LinkRel);
                    }
                    else
                    {
                        auto.ReplaceBy(new LiteralInline(auto.Url));
                    }

                    break;
            }
        }
    }

    // A link whose address may not be a link leaves its text where it stood.
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToArray();
        Inline previous = link;
        foreach (var child in children)
        {
            child.Remove();
            previous.InsertAfter(child);
            previous = child;
        }

        link.Remove();
    }

    private static bool IsTooComplex(string text)
    {
        int brackets = 0, emphasis = 0, backticks = 0, addresses = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    brackets++;
                    break;
                case '*' or '_':
                    emphasis++;
                    break;
                case '`':
                    backticks++;
                    break;
                case '@':
                    addresses++;
                    break;
                case ':' when text.AsSpan(i).StartsWith("://", StringComparison.Ordinal):
                    addresses++;
                    break;
                case 'w' or 'W' when text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase):
                    addresses++;
                    break;
            }
        }

        return brackets > MaxBrackets || emphasis > MaxEmphasisMarks || backticks > MaxBackticks || addresses > MaxAddresses
            || NestingOf(text) > MaxNesting;
    }

    /// <summary>
    /// The deepest nesting a line opens: quote markers, list markers and indentation before its text. A cheap,
    /// linear look at the text that bounds what the parser is asked to build.
    /// </summary>
    private static int NestingOf(string text)
    {
        var deepest = 0;
        var depth = 0;
        var spaces = 0;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                depth = 0;
                spaces = 0;
                atLineStart = true;
                continue;
            }

            if (!atLineStart)
            {
                continue;
            }

            switch (c)
            {
                case ' ':
                    spaces++;
                    break;
                case '\t':
                    spaces += 4;
                    break;
                case '>' or '-' or '*' or '+':
                    depth++;
                    break;
                case >= '0' and <= '9' or '.' or ')':
                    break;
                default:
                    atLineStart = false;
                    break;
            }

            deepest = Math.Max(deepest, depth + (spaces / 2));
        }

        return deepest;
    }

    /// <summary>The text with nothing but paragraphs, breaks and http(s) links: for bodies too deeply nested to parse.</summary>
    private static string PlainTextToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var paragraphs = ParagraphBreak().Split(text.Trim()).Where(p => p.Trim().Length > 0);
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
                html.Append("<a href=\"").Append(encoded).Append("\" rel=\"").Append(LinkRel).Append("\">").Append(encoded).Append("</a>");
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

    /// <summary>Paragraphs without the line breaks Markdig writes between them: the same HTML comments always had.</summary>
    private sealed class CompactParagraphRenderer : HtmlObjectRenderer<ParagraphBlock>
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            if (!renderer.ImplicitParagraph)
            {
                renderer.Write("<p>");
            }

            renderer.WriteLeafInline(obj);
            if (!renderer.ImplicitParagraph)
            {
                renderer.Write("</p>");
            }
        }
    }

    /// <summary>A line break as <c>&lt;br&gt;</c>, as comments always had it.</summary>
    private sealed class CompactLineBreakRenderer : HtmlObjectRenderer<LineBreakInline>
    {
        protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
        {
            renderer.Write(obj.IsHard ? "<br>" : "\n");
        }
    }
}
