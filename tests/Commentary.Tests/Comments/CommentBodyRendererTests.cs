namespace Commentary.Tests.Comments;

public class CommentBodyRendererTests
{
    [Fact]
    public void An_image_tag_with_an_event_handler_comes_back_escaped()
    {
        var html = CommentBodyRenderer.ToHtml("<img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_tag_comes_back_escaped()
    {
        var html = CommentBodyRenderer.ToHtml("Hi <script>alert(1)</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_one_paragraph()
    {
        Assert.Equal("<p>Hello there</p>", CommentBodyRenderer.ToHtml("  Hello there \n"));
    }

    [Fact]
    public void A_blank_line_separates_paragraphs()
    {
        Assert.Equal("<p>First</p><p>Second</p>", CommentBodyRenderer.ToHtml("First\n\nSecond"));
    }

    [Fact]
    public void Several_blank_lines_with_spaces_make_a_single_paragraph_break()
    {
        Assert.Equal("<p>First</p><p>Second</p>", CommentBodyRenderer.ToHtml("First\n  \n\n\t\nSecond"));
    }

    [Fact]
    public void Windows_line_endings_are_treated_like_unix_ones()
    {
        Assert.Equal("<p>One<br>Two</p><p>Three</p>", CommentBodyRenderer.ToHtml("One\r\nTwo\r\n\r\nThree"));
    }

    [Fact]
    public void A_single_newline_becomes_a_line_break()
    {
        Assert.Equal("<p>one<br>two</p>", CommentBodyRenderer.ToHtml("one\ntwo"));
    }

    [Fact]
    public void A_blank_body_renders_nothing()
    {
        Assert.Equal(string.Empty, CommentBodyRenderer.ToHtml(" \n\n \t "));
    }

    [Theory]
    [InlineData("https://example.com/post")]
    [InlineData("http://example.com/a/b")]
    public void An_http_address_becomes_a_nofollow_anchor(string url)
    {
        var html = CommentBodyRenderer.ToHtml($"Read {url} now");

        Assert.Equal($"<p>Read <a href=\"{url}\" rel=\"nofollow ugc noopener\">{url}</a> now</p>", html);
    }

    [Fact]
    public void Javascript_addresses_are_not_linked()
    {
        var html = CommentBodyRenderer.ToHtml("click javascript:alert(1)");

        Assert.DoesNotContain("<a", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ftp_addresses_are_not_linked()
    {
        Assert.DoesNotContain("<a", CommentBodyRenderer.ToHtml("get ftp://example.com/file"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_full_stop_after_an_address_stays_outside_the_link()
    {
        var html = CommentBodyRenderer.ToHtml("See https://example.com.");

        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.EndsWith("https://example.com</a>.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_bracket_after_an_address_stays_outside_the_link()
    {
        var html = CommentBodyRenderer.ToHtml("(see https://example.com/page)");

        Assert.Contains("href=\"https://example.com/page\"", html, StringComparison.Ordinal);
        Assert.EndsWith("</a>)</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/\"onmouseover=\"alert(1)")]
    [InlineData("https://example.com/'onmouseover='alert(1)")]
    [InlineData("https://example.com/\"><script>alert(1)</script>")]
    public void Quotes_in_an_address_cannot_break_out_of_the_href_attribute(string text)
    {
        var html = CommentBodyRenderer.ToHtml(text);

        // The only quotes left are the four that delimit href and rel; the address's own quotes are %-encoded in
        // the href and plain text in the link's text, so the link has no attribute but href and rel.
        Assert.Equal(4, html.Count(c => c == '"'));
        Assert.Empty(CommentMarkdownTests.OutsideTheAllowedSet(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(html.Split("<a ", StringSplitOptions.None).Skip(1));
    }

    [Fact]
    public void An_ampersand_in_an_address_is_encoded_in_the_href()
    {
        var html = CommentBodyRenderer.ToHtml("https://example.com/?a&b");

        Assert.Contains("href=\"https://example.com/?a&amp;b\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Спасибо за статью, она мне очень помогла. Я наконец поговорила с сестрой о том, что меня тревожит.")]
    [InlineData("Yazınız için teşekkürler; çok işime yaradı. Kız kardeşimle nihayet konuşabildim, içim rahatladı.")]
    [InlineData("Ελπίζω να βοηθήσει και άλλους: ευχαριστώ που το γράψατε, ήταν ό,τι χρειαζόμουν σήμερα το πρωί.")]
    public void Letters_of_any_script_stay_letters_so_the_html_is_barely_larger_than_the_text(string text)
    {
        var html = CommentBodyRenderer.ToHtml(text);

        Assert.Equal($"<p>{text}</p>", html);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) <= 1.2 * System.Text.Encoding.UTF8.GetByteCount(text), html);
    }

    [Fact]
    public void What_html_needs_escaped_is_still_escaped_next_to_non_ascii_text()
    {
        // An apostrophe in text (outside any attribute) is inert, and Markdig leaves it as it is.
        Assert.Equal("<p>Привет &lt;b&gt; &amp; &quot;ё&quot; 'ç'</p>", CommentBodyRenderer.ToHtml("Привет <b> & \"ё\" 'ç'"));
    }
}
