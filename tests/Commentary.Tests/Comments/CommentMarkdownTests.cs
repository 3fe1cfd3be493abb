using AngleSharp.Html.Parser;

namespace Commentary.Tests.Comments;

/// <summary>
/// The Markdown subset of comment bodies: what it renders, and that hostile Markdown never yields an element or an
/// attribute outside <see cref="CommentBodyRenderer.AllowedElements"/> nor a link outside http(s) and mailto.
/// </summary>
public class CommentMarkdownTests
{
    public static TheoryData<string, string> Subset => new()
    {
        { "*soft* and **strong**", "<p><em>soft</em> and <strong>strong</strong></p>" },
        { "_soft_ and __strong__", "<p><em>soft</em> and <strong>strong</strong></p>" },
        { "> quoted\n\nreply", "<blockquote>\n<p>quoted</p></blockquote>\n<p>reply</p>" },
        { "- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" },
        { "3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>" },
        { "use `x < y` here", "<p>use <code>x &lt; y</code> here</p>" },
        { "```js\nalert(1) < 2\n```", "<pre><code>alert(1) &lt; 2\n</code></pre>" },
        { "    indented code", "<pre><code>indented code\n</code></pre>" },
        { "[the guide](https://example.com/guide)", "<p><a href=\"https://example.com/guide\" rel=\"nofollow ugc noopener\">the guide</a></p>" },
        { "[write](mailto:help@example.com)", "<p><a href=\"mailto:help@example.com\" rel=\"nofollow ugc noopener\">write</a></p>" },
        { "<https://example.com>", "<p><a href=\"https://example.com\" rel=\"nofollow ugc noopener\">https://example.com</a></p>" },
        { "# Not a heading", "<p># Not a heading</p>" },
        { "Not a heading\n===", "<p>Not a heading<br>===</p>" },
        { "above\n\n---\n\nbelow", "<p>above</p><hr />\n<p>below</p>" },
        { "| a | b |\n|---|---|\n| 1 | 2 |", "<p>| a | b |<br>|---|---|<br>| 1 | 2 |</p>" },
        { "![a cat](https://example.com/cat.png)", "<p><a href=\"https://example.com/cat.png\" rel=\"nofollow ugc noopener\">a cat</a></p>" },
        { "<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>" },
        { "<div>\nblock\n</div>", "<p>&lt;div&gt;<br>block<br>&lt;/div&gt;</p>" },
        { "[x](https://example.com \"a title\")", "<p><a href=\"https://example.com\" rel=\"nofollow ugc noopener\">x</a></p>" },
    };

    [Theory]
    [MemberData(nameof(Subset))]
    public void The_markdown_subset_renders_as_expected(string body, string html) =>
        Assert.Equal(html, CommentBodyRenderer.ToHtml(body));

    /// <summary>Hostile bodies: every one must come out inside the allowed set, with no address but http(s) and mailto.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { "javascript link", "[click](javascript:alert(1))" },
        { "javascript link in capitals and entities", "[click](JaVaScRiPt&#58;alert(1))" },
        { "javascript link with a tab", "[click](java\tscript:alert(1))" },
        { "vbscript link", "[click](vbscript:msgbox(1))" },
        { "data link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
        { "javascript autolink", "<javascript:alert(1)>" },
        { "odd scheme autolinks", "<ftp://example.com/a> <file:///etc/passwd> <chrome://settings> <x-y:z> <data:text/html,hi>" },
        { "bare odd schemes", "ftp://example.com www.example.com javascript:alert(1) file:///etc/passwd" },
        { "javascript image", "![x](javascript:alert(1))" },
        { "image with onerror in alt", "![\" onerror=\"alert(1)](https://example.com/x.png)" },
        { "reference link to javascript", "[click][evil]\n\n[evil]: javascript:alert(1)" },
        { "reference link with a title break-out", "[click][t]\n\n[t]: https://example.com \"\\\" onclick=\\\"alert(1)\"" },
        { "reference image", "![pic][p]\n\n[p]: https://example.com/p.png" },
        { "collapsed reference to a data url", "[data][]\n\n[data]: data:text/html,<script>alert(1)</script>" },
        { "link inside a link", "[[inner](https://a.example)](javascript:alert(1))" },
        { "raw html block", "<script>alert(1)</script>" },
        { "raw html inline", "hello <img src=x onerror=alert(1)> <svg/onload=alert(2)>" },
        { "html comment", "<!-- <script>alert(1)</script> -->" },
        { "attribute syntax", "[x](https://example.com){onclick=\"alert(1)\" .evil #id}" },
        { "code block language break-out", "```\" onmouseover=\"alert(1)\nx\n```" },
        { "quote in href", "[x](https://example.com/\"onmouseover=\"alert(1))" },
        { "nested emphasis bomb", string.Concat(Enumerable.Repeat("*a **b ", 600)) },
        { "unclosed emphasis bomb", new string('*', 3000) + "a" },
        { "underscore bomb", string.Concat(Enumerable.Repeat("_a __", 900)) },
        { "bracket bomb", new string('[', 2500) + new string(']', 2500) },
        { "very deep list", string.Join('\n', Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- x")) },
        { "very deep quote", new string('>', 4000) + " deep" },
        { "deep quote just under the cap", new string('>', CommentBodyRenderer.MaxNesting) + " deep" },
        { "many list markers on a line", string.Concat(Enumerable.Repeat("- ", 2000)) + "x" },
        { "backtick bomb", string.Concat(Enumerable.Repeat("`a``", 1200)) },
        { "entity soup", "&lt;script&gt; &#60;img&#62; &#x3C;svg&#x3E; &amp;#60;" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_markdown_yields_only_allowed_elements_attributes_and_links(string name, string body)
    {
        var html = CommentBodyRenderer.ToHtml(body);

        var problems = OutsideTheAllowedSet(html);
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}\n{html}");
    }

    [Fact]
    public void The_hostile_list_names_every_kind_of_attack_the_renderer_guards_against()
    {
        // Each guard in the renderer has at least one body aimed at it; a new guard needs a new body here.
        var names = Hostile.Select(row => (string)row[0]).ToArray();
        foreach (var kind in new[] { "javascript", "reference", "bomb", "deep", "autolink", "image", "raw html", "attribute" })
        {
            Assert.Contains(names, n => n.Contains(kind, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_allowed_set_check_catches_what_it_must()
    {
        // The checker itself must fail on each thing it exists to catch, or the hostile test proves nothing.
        Assert.NotEmpty(OutsideTheAllowedSet("<p><img src=x></p>"));
        Assert.NotEmpty(OutsideTheAllowedSet("<p onclick=\"x\">a</p>"));
        Assert.NotEmpty(OutsideTheAllowedSet("<a href=\"javascript:alert(1)\" rel=\"nofollow ugc noopener\">a</a>"));
        Assert.NotEmpty(OutsideTheAllowedSet("<a href=\"https://example.com\">a</a>"));
        Assert.NotEmpty(OutsideTheAllowedSet("<pre><code class=\"language-js\">a</code></pre>"));
        Assert.Empty(OutsideTheAllowedSet(CommentBodyRenderer.ToHtml("*a* [b](https://example.com)\n\n> c\n\n1. d")));
    }

    [Fact]
    public void Quotes_and_lists_nested_beyond_the_cap_render_as_plain_text()
    {
        var deep = new string('>', CommentBodyRenderer.MaxNesting + 1) + " deep *text*";

        Assert.Equal("<p>" + new string('>', CommentBodyRenderer.MaxNesting + 1).Replace(">", "&gt;", StringComparison.Ordinal) + " deep *text*</p>",
            CommentBodyRenderer.ToHtml(deep));
        Assert.Contains("<blockquote>", CommentBodyRenderer.ToHtml(new string('>', CommentBodyRenderer.MaxNesting) + " deep"), StringComparison.Ordinal);
    }

    /// <summary>Each cap: a body at it is still Markdown, one mark over it is plain text (paragraphs and http(s) links).</summary>
    public static TheoryData<string, string, string, string> Caps => new()
    {
        { "emphasis marks", string.Concat(Enumerable.Repeat("*a* ", CommentBodyRenderer.MaxEmphasisMarks / 2)), " *", "<em>" },
        { "brackets", string.Concat(Enumerable.Repeat("[a] ", CommentBodyRenderer.MaxBrackets)) + "*b*", " [", "<em>" },
        { "backticks", string.Concat(Enumerable.Repeat("`a` ", CommentBodyRenderer.MaxBackticks / 2)), " `", "<code>" },
        { "addresses", string.Concat(Enumerable.Repeat("www.a.example ", CommentBodyRenderer.MaxAddresses)), " www.", "<a " },
    };

    [Theory]
    [MemberData(nameof(Caps))]
    public void A_body_over_a_cap_renders_as_plain_text_and_one_at_it_as_markdown(string cap, string atCap, string oneMore, string markdownSign)
    {
        Assert.True(CommentBodyRenderer.ToHtml(atCap).Contains(markdownSign, StringComparison.Ordinal), $"{cap}: at the cap");

        var over = CommentBodyRenderer.ToHtml(atCap + oneMore);

        Assert.False(over.Contains(markdownSign, StringComparison.Ordinal), $"{cap}: over the cap");
        Assert.StartsWith("<p>", over, StringComparison.Ordinal);
        Assert.Empty(OutsideTheAllowedSet(over));
    }

    [Fact]
    public void Emphasis_nested_past_markdigs_own_depth_limit_renders_as_plain_text_not_an_error()
    {
        // 128 nested emphases: within the cap on marks, but past the depth Markdig renders (it throws, and we catch).
        var body = string.Concat(Enumerable.Repeat("*a ", 128)) + string.Concat(Enumerable.Repeat("a* ", 128));

        var html = CommentBodyRenderer.ToHtml(body);


        Assert.Equal("<p>" + body.Trim() + "</p>", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("/relative/path", false)]
    [InlineData("//example.com/protocol-relative", false)]
    [InlineData("https://example.com", true)]
    [InlineData("http://example.com", true)]
    [InlineData("mailto:help@example.com", true)]
    public void Only_http_https_and_mailto_addresses_may_be_links(string url, bool allowed) =>
        Assert.Equal(allowed, CommentBodyRenderer.IsAllowedLink(url));

    /// <summary>What in the HTML lies outside the allowed elements, attributes and link rules.</summary>
    internal static List<string> OutsideTheAllowedSet(string html)
    {
        var problems = new List<string>();
        var fragment = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        foreach (var element in fragment.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (!CommentBodyRenderer.AllowedElements.TryGetValue(name, out var attributes))
            {
                problems.Add($"element <{name}>");
                continue;
            }

            foreach (var attribute in element.Attributes)
            {
                if (!attributes.Contains(attribute.Name, StringComparer.Ordinal))
                {
                    problems.Add($"attribute {attribute.Name} on <{name}>");
                }
            }

            if (name == "a")
            {
                if (!CommentBodyRenderer.IsAllowedLink(element.GetAttribute("href")))
                {
                    problems.Add($"link to '{element.GetAttribute("href")}'");
                }

                if (element.GetAttribute("rel") != CommentBodyRenderer.LinkRel)
                {
                    problems.Add($"link without rel=\"{CommentBodyRenderer.LinkRel}\"");
                }
            }
        }

        return problems;
    }
}
