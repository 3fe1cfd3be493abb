using Commentary.Api.Moderation;

namespace Commentary.Tests.Moderation;

/// <summary>The confirmation page behind a moderation link: what it shows, what it encodes, and how much of a long comment.</summary>
public class ModerationLinkPagesTests
{
    private static readonly Comment Held = new()
    {
        Slug = "a-post",
        Id = "01JH8ZQ4W6X5N3M2K1P0R9S8T7",
        Author = "<b>Sam</b>",
        Email = "sam@example.com",
        Body = "Buy now <script>alert(1)</script> at https://spam.example",
        Created = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero),
        Status = CommentStatus.Pending,
        Priority = CommentPriority.Urgent,
        Reasons = [new ModerationReason("links", "Has a <link>.")],
        ETag = "W/\"1\"",
    };

    private static ModerationLink LinkTo(ModerationLinkAction action) =>
        new(action, Held.Slug, Held.Id, Held.ETag, "ann@example.org", new DateTimeOffset(2026, 12, 13, 20, 0, 0, TimeSpan.Zero), new string('a', 32));

    [Fact]
    public void The_approve_page_shows_the_comment_encoded_its_reasons_and_one_form_that_posts_the_token()
    {
        var page = ModerationLinkPages.Confirmation(LinkTo(ModerationLinkAction.Approve), Held, ["../ui/moderation-link.css?v=1"], "TOKEN-123");

        Assert.Contains("<h1>Approve this comment?</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Sam", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Has a &lt;link&gt;.", page, StringComparison.Ordinal);
        Assert.Contains("Held as urgent", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Held.Email, page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"link\"><input type=\"hidden\" name=\"token\" value=\"TOKEN-123\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", page, StringComparison.Ordinal);
        Assert.Contains("href=\"../ui/moderation.html#comment/a-post/01JH8ZQ4W6X5N3M2K1P0R9S8T7\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reject_page_asks_for_the_reason_and_shows_what_was_wrong_with_the_last_try()
    {
        var page = ModerationLinkPages.Confirmation(LinkTo(ModerationLinkAction.Reject), Held, ["s.css"], "T", error: "Say why.");

        Assert.Contains("<h1>Reject this comment?</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"reason\" name=\"reason\"", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\">Say why.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_comment_shows_only_its_beginning_cut_between_whole_characters()
    {
        var body = new string('x', ModerationLinkPages.ExcerptLength - 1) + "👩‍👩‍👧 and much more after it";

        var excerpt = ModerationLinkPages.Excerpt(body);

        Assert.Equal(new string('x', ModerationLinkPages.ExcerptLength - 1) + " …", excerpt);
        Assert.Equal("Short.", ModerationLinkPages.Excerpt("  Short.  "));
    }
}
