using Commentary.Api.Moderation;

namespace Commentary.Tests.Moderation;

/// <summary>The pure parts of the moderator tools: ban ids and requests, bulk requests, report counting, history text.</summary>
public class ModeratorToolsRulesTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void A_ban_id_names_its_kind_and_hash_and_reads_back()
    {
        var id = BanIds.Of(BanKind.Ip, Hash);
        Assert.Equal("ip-" + Hash, id);
        Assert.True(BanIds.TryParse(id, out var kind, out var hash));
        Assert.Equal(BanKind.Ip, kind);
        Assert.Equal(Hash, hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("email")]
    [InlineData("user-aaaa")]
    [InlineData("email-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("email-aaaa/../aaaa")]
    public void Anything_else_is_not_a_ban_id(string id) =>
        Assert.False(BanIds.TryParse(id, out _, out _));

    [Fact]
    public void A_ban_is_active_until_it_expires()
    {
        var now = DateTimeOffset.Parse("2026-10-04T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(new Ban(BanKind.Email, Hash, "a@example.com", "r", "mira", now, null).IsActive(now));
        Assert.True(new Ban(BanKind.Email, Hash, "a@example.com", "r", "mira", now, now.AddSeconds(1)).IsActive(now));
        Assert.False(new Ban(BanKind.Email, Hash, "a@example.com", "r", "mira", now, now).IsActive(now));
    }

    [Fact]
    public void A_ban_request_names_exactly_one_identity_and_a_reason()
    {
        Assert.Empty(BanEndpoints.Validate(new BanRequest("a@example.com", null, "Spam", null)));
        Assert.Empty(BanEndpoints.Validate(new BanRequest(null, Hash, "Spam", null)));
        Assert.Contains("email", BanEndpoints.Validate(new BanRequest(null, null, "Spam", null)).Keys);
        Assert.Contains("email", BanEndpoints.Validate(new BanRequest("a@example.com", Hash, "Spam", null)).Keys);
        Assert.Contains("email", BanEndpoints.Validate(new BanRequest("not an email", null, "Spam", null)).Keys);
        Assert.Contains("ipHash", BanEndpoints.Validate(new BanRequest(null, "127.0.0.1", "Spam", null)).Keys);
        Assert.Contains("reason", BanEndpoints.Validate(new BanRequest("a@example.com", null, " ", null)).Keys);
        Assert.Contains("reason", BanEndpoints.Validate(new BanRequest("a@example.com", null, new string('x', 501), null)).Keys);
    }

    [Fact]
    public void A_bulk_request_has_a_known_action_one_to_a_hundred_items_and_a_reason_to_reject()
    {
        var one = new BulkItem?[] { new("some-article", CommentId.New()) };
        Assert.Empty(BulkModerationEndpoints.Validate(new BulkRequest("approve", one, null)));
        Assert.Empty(BulkModerationEndpoints.Validate(new BulkRequest("spam", one, null)));
        Assert.Contains("reason", BulkModerationEndpoints.Validate(new BulkRequest("reject", one, null)).Keys);
        Assert.Contains("action", BulkModerationEndpoints.Validate(new BulkRequest("publish", one, null)).Keys);
        Assert.Contains("items", BulkModerationEndpoints.Validate(new BulkRequest("approve", [], null)).Keys);
        var many = Enumerable.Repeat(one[0], BulkModerationEndpoints.MaxItems + 1).ToArray();
        Assert.Contains("items", BulkModerationEndpoints.Validate(new BulkRequest("approve", many, null)).Keys);
    }

    [Fact]
    public void Reports_made_before_the_comment_was_last_published_do_not_count()
    {
        var published = DateTimeOffset.Parse("2026-10-04T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        ReaderReport[] reports =
        [
            new("r1", "x", published.AddMinutes(-5)),
            new("r2", "x", published.AddMinutes(1)),
            new("r3", "x", published.AddMinutes(2)),
        ];
        Assert.Equal(2, CommentReporting.CountSince(reports, published));
        Assert.Equal(3, CommentReporting.CountSince(reports, null));
    }

    [Fact]
    public void A_spam_note_carries_the_reason_when_there_is_one()
    {
        Assert.Equal("spam", ModerationActions.SpamNote(null));
        Assert.Equal("spam", ModerationActions.SpamNote("  "));
        Assert.Equal("spam: Casino links", ModerationActions.SpamNote(" Casino links "));
    }

    [Fact]
    public void The_decision_event_says_the_status_and_every_reason()
    {
        var comment = new Comment
        {
            Slug = "a",
            Id = CommentId.New(),
            Author = "A",
            Email = "a@example.com",
            Body = "b",
            Created = DateTimeOffset.UnixEpoch,
            Status = CommentStatus.Pending,
            Reasons = [new ModerationReason("first-comment", "First comment."), new ModerationReason("links", "2 links.")],
        };
        Assert.Equal("pending: first-comment (First comment.); links (2 links.)", CommentModerator.DecisionSummary(comment));
        Assert.Equal("approved", CommentModerator.DecisionSummary(comment with { Status = CommentStatus.Approved, Reasons = [] }));
    }

    [Fact]
    public void History_keys_sort_by_time_within_a_comment_and_stay_inside_its_range()
    {
        var id = CommentId.New();
        var early = CommentEvents.RowKey(id, DateTimeOffset.UnixEpoch.AddDays(1), "ffffffff");
        var late = CommentEvents.RowKey(id, DateTimeOffset.UnixEpoch.AddDays(2), "00000000");
        Assert.True(string.CompareOrdinal(early, late) < 0);
        Assert.True(string.CompareOrdinal(early, id + "_") > 0);
        Assert.True(string.CompareOrdinal(late, id + "`") < 0);
    }
}
