using Commentary.Core.Articles;

namespace Commentary.Tests.Articles;

public class ArticleParserTests
{
    private const string FullArticle = """
        ---
        title: Hello, world
        author: Ann Example
        published: 2024-03-01T09:30:00Z
        updated: 2024-03-02
        summary: A first post.
        tags:
          - intro
          - meta
        comments: closed
        ---
        # Welcome

        Some *emphasis* here.
        """;

    private static string Article(string frontMatter, string body = "Body text.") =>
        "---\n" + frontMatter + "\n---\n" + body + "\n";

    [Fact]
    public void A_full_front_matter_fills_every_article_field()
    {
        var article = ArticleParser.Parse("hello-world", FullArticle);

        Assert.Equal("hello-world", article.Slug);
        Assert.Equal("Hello, world", article.Title);
        Assert.Equal("Ann Example", article.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.Equal("A first post.", article.Summary);
        Assert.Equal(["intro", "meta"], article.Tags);
        Assert.False(article.CommentsOpen);
    }

    [Fact]
    public void The_markdown_body_becomes_html()
    {
        var article = ArticleParser.Parse("hello-world", FullArticle);

        Assert.Contains("<h1", article.Html, StringComparison.Ordinal);
        Assert.Contains("Welcome</h1>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<em>emphasis</em>", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_parse_like_unix_ones()
    {
        var article = ArticleParser.Parse("hello-world", FullArticle.ReplaceLineEndings("\r\n"));

        Assert.Equal("Hello, world", article.Title);
        Assert.Equal(["intro", "meta"], article.Tags);
    }

    [Fact]
    public void Comments_are_open_unless_the_front_matter_closes_them()
    {
        var article = ArticleParser.Parse("minimal", Article("title: T\nauthor: A\npublished: 2024-01-01"));

        Assert.True(article.CommentsOpen);
    }

    [Fact]
    public void Comments_open_can_be_written_in_any_case()
    {
        Assert.True(ArticleParser.Parse("minimal", Article("title: T\nauthor: A\npublished: 2024-01-01\ncomments: Open")).CommentsOpen);
    }

    [Fact]
    public void Optional_fields_that_are_absent_are_empty()
    {
        var article = ArticleParser.Parse("minimal", Article("title: T\nauthor: A\npublished: 2024-01-01"));

        Assert.Null(article.Updated);
        Assert.Null(article.Summary);
        Assert.Empty(article.Tags);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Look: <img src=x onerror=alert(1)>", "<img")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public void Raw_html_in_the_markdown_is_not_passed_through_as_a_tag(string body, string tag)
    {
        var article = ArticleParser.Parse("minimal", Article("title: T\nauthor: A\npublished: 2024-01-01", body));

        Assert.DoesNotContain(tag, article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;" + tag[1..], article.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("author: A\npublished: 2024-01-01", "title")]
    [InlineData("title: '   '\nauthor: A\npublished: 2024-01-01", "title")]
    [InlineData("title: T\npublished: 2024-01-01", "author")]
    [InlineData("title: T\nauthor: A", "published")]
    [InlineData("title: T\nauthor: A\npublished: yesterday", "published")]
    [InlineData("title: T\nauthor: A\npublished: 2024-01-01\nupdated: 2024-13-45", "updated")]
    [InlineData("title: T\nauthor: A\npublished: 2024-01-01\ncomments: maybe", "comments")]
    public void A_missing_or_wrong_field_is_a_format_error_that_names_it(string frontMatter, string field)
    {
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("minimal", Article(frontMatter)));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_front_matter_is_a_format_error()
    {
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("minimal", "# Just markdown\n\nNo front matter."));
    }

    [Fact]
    public void Front_matter_without_a_closing_line_is_a_format_error()
    {
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("minimal", "---\ntitle: T\nauthor: A\npublished: 2024-01-01\n"));
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_a_format_error()
    {
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("minimal", Article("title: [unclosed\nauthor: A")));
    }

    [Fact]
    public void An_invalid_slug_is_a_format_error()
    {
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("Not A Slug", FullArticle));
    }

    [Fact]
    public void Empty_front_matter_is_a_format_error()
    {
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("minimal", "---\n---\nBody text.\n"));
    }
}
