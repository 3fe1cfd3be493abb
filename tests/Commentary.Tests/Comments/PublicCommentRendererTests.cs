using Commentary.Api.Comments;

namespace Commentary.Tests.Comments;

public class PublicCommentRendererTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static PublishedComment Stored(string id, string body, string etag) =>
        new(id, null, "Ann", "https://ann.example", body, Created, etag);

    [Fact]
    public void The_same_version_of_a_comment_is_rendered_once_and_reused()
    {
        var renderer = new PublicCommentRenderer();
        var first = renderer.Render("article", [Stored("c1", "Hello <there>", "W/\"1\"")]);
        var again = renderer.Render("article", [Stored("c1", "Hello <there>", "W/\"1\"")]);

        Assert.Same(first[0], again[0]);
        Assert.Equal("<p>Hello &lt;there&gt;</p>", first[0].Html);
        Assert.Equal(1, renderer.Count);
    }

    [Fact]
    public void A_new_version_of_a_comment_is_rendered_afresh()
    {
        var renderer = new PublicCommentRenderer();
        renderer.Render("article", [Stored("c1", "Before", "W/\"1\"")]);

        var changed = renderer.Render("article", [Stored("c1", "[erased]", "W/\"2\"")]);

        Assert.Equal("[erased]", changed[0].Body);
        Assert.Equal("<p>[erased]</p>", changed[0].Html);
    }

    [Fact]
    public void The_same_id_on_another_article_is_another_comment()
    {
        var renderer = new PublicCommentRenderer();
        renderer.Render("one", [Stored("c1", "On one", "W/\"1\"")]);

        var other = renderer.Render("two", [Stored("c1", "On two", "W/\"1\"")]);

        Assert.Equal("On two", other[0].Body);
    }

    [Fact]
    public void A_comment_without_a_version_is_rendered_every_time_and_not_kept()
    {
        var renderer = new PublicCommentRenderer();

        var first = renderer.Render("article", [Stored("c1", "Body", string.Empty)]);
        var again = renderer.Render("article", [Stored("c1", "Body", string.Empty)]);

        Assert.NotSame(first[0], again[0]);
        Assert.Equal(0, renderer.Count);
    }

    [Fact]
    public void When_full_it_starts_again_empty()
    {
        // Each rendering here holds 35 characters (body, html, author, website): room for three.
        var renderer = new PublicCommentRenderer(maxCharacters: 110);
        renderer.Render("article", [Stored("c1", "One", "1"), Stored("c2", "Two", "1"), Stored("c3", "Six", "1")]);
        Assert.Equal(3, renderer.Count);

        var fourth = renderer.Render("article", [Stored("c4", "Four", "1")]);

        Assert.Equal(1, renderer.Count);
        Assert.Equal("<p>Four</p>", fourth[0].Html);
    }

    [Fact]
    public void Renderings_keep_the_order_of_the_page()
    {
        var renderer = new PublicCommentRenderer();
        var page = renderer.Render("article", [Stored("c2", "Second", "1"), Stored("c1", "First", "1")]);

        Assert.Equal(["c2", "c1"], page.Select(c => c.Id));
    }
}
