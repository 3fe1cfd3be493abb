using System.Buffers.Text;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.Tests.Notifications;

/// <summary>The signed Approve and Reject links: what they carry, and that no change to them goes unnoticed.</summary>
public class ModerationLinksTests
{
    private const string Key = "a-test-link-signing-key-of-40-characters!";
    private const string Slug = "when-anxiety-wakes-you";
    private const string Id = "01JH8ZQ4W6X5N3M2K1P0R9S8T7";
    private const string ETag = "W/\"datetime'2026-12-06T23%3A19%3A02.1234567Z'\"";
    private static readonly Uri PublicUrl = new("https://comments.example.org/api");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero));

    private ModerationLinks Links(string? key = Key, Uri? publicUrl = null) =>
        new(Options.Create(new NotificationOptions { LinkSigningKey = key, PublicUrl = publicUrl ?? PublicUrl }), _clock);

    private static string TokenOf(Uri link)
    {
        var query = link.Query;
        Assert.StartsWith("?token=", query, StringComparison.Ordinal);
        return query["?token=".Length..];
    }

    [Theory]
    [InlineData(ModerationLinkAction.Approve)]
    [InlineData(ModerationLinkAction.Reject)]
    public void A_link_points_at_the_confirmation_page_and_reads_back_as_made(ModerationLinkAction action)
    {
        var links = Links();

        var link = links.Create(action, Slug, Id, ETag, "ann@example.org")!;

        Assert.StartsWith("https://comments.example.org/api/moderation/link?token=", link.AbsoluteUri, StringComparison.Ordinal);
        var token = TokenOf(link);
        Assert.True(token.Length < 400, $"the token is {token.Length} characters");
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        var (reading, read) = links.Read(token);
        Assert.Equal(LinkReading.Valid, reading);
        Assert.Equal(action, read!.Action);
        Assert.Equal(Slug, read.Slug);
        Assert.Equal(Id, read.CommentId);
        Assert.Equal(ETag, read.ETag);
        Assert.Equal("ann@example.org", read.Moderator);
        Assert.Equal(_clock.GetUtcNow() + ModerationLinks.Lifetime, read.ExpiresAt);
        Assert.Matches("^[0-9a-f]{32}$", read.LinkId);
    }

    [Fact]
    public void Two_links_for_the_same_comment_have_different_ids()
    {
        var links = Links();
        var first = links.Read(TokenOf(links.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!)).Link!;
        var second = links.Read(TokenOf(links.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!)).Link!;

        Assert.NotEqual(first.LinkId, second.LinkId);
    }

    /// <summary>Each field changed in the signed payload, the signature kept: every one must be noticed.</summary>
    public static TheoryData<string> Fields => new(typeof(ModerationLink).GetProperties().Select(p => p.Name));

    private static ModerationLink Changed(ModerationLink link, string field) => field switch
    {
        nameof(ModerationLink.Action) => link with { Action = link.Action == ModerationLinkAction.Approve ? ModerationLinkAction.Reject : ModerationLinkAction.Approve },
        nameof(ModerationLink.Slug) => link with { Slug = link.Slug + "-2" },
        nameof(ModerationLink.CommentId) => link with { CommentId = "01JH8ZQ4W6X5N3M2K1P0R9S8T8" },
        nameof(ModerationLink.ETag) => link with { ETag = link.ETag.Replace("1234567", "1234568", StringComparison.Ordinal) },
        nameof(ModerationLink.Moderator) => link with { Moderator = "mallory@example.org" },
        nameof(ModerationLink.ExpiresAt) => link with { ExpiresAt = link.ExpiresAt.AddDays(30) },
        nameof(ModerationLink.LinkId) => link with { LinkId = new string('0', 32) },
        _ => throw new ArgumentException($"No way to change {field}: add one.", nameof(field)),
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_token_whose_field_was_changed_is_not_valid(string field)
    {
        var links = Links();
        var token = TokenOf(links.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!);
        var original = links.Read(token).Link!;
        var changed = Changed(original, field);
        Assert.NotEqual(original, changed);

        // The changed payload under the original signature: what someone without the key could make.
        var signature = Base64Url.DecodeFromChars(token)[^32..];
        var changedPayload = Base64Url.DecodeFromChars(ModerationLinkToken.Write(changed, Encoding.UTF8.GetBytes(Key)))[..^32];
        var forged = Base64Url.EncodeToString([.. changedPayload, .. signature]);

        Assert.Equal((LinkReading.Invalid, null), links.Read(forged));
    }

    [Fact]
    public void Changing_any_one_character_of_a_token_makes_it_invalid()
    {
        var links = Links();
        var token = TokenOf(links.Create(ModerationLinkAction.Reject, Slug, Id, ETag, "ann@example.org")!);

        for (var i = 0; i < token.Length; i++)
        {
            var other = token[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(token.AsSpan(0, i), other.ToString(), token.AsSpan(i + 1));
            Assert.True(links.Read(tampered).Reading == LinkReading.Invalid, $"changing character {i} went unnoticed");
        }
    }

    public static TheoryData<string> NotTokens => new()
    {
        string.Empty,
        "not a token",
        "AAAA",
        new string('A', 3000),
        "%41%41",
    };

    [Theory]
    [MemberData(nameof(NotTokens))]
    public void Anything_else_is_invalid_without_an_exception(string text)
    {
        Assert.Equal(LinkReading.Invalid, Links().Read(text).Reading);
    }

    [Fact]
    public void A_token_cut_short_or_made_longer_or_made_under_another_key_is_invalid()
    {
        var links = Links();
        var token = TokenOf(links.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!);
        var otherKey = Links("another-link-signing-key-of-40-characters");

        Assert.Equal(LinkReading.Invalid, links.Read(token[..^1]).Reading);
        Assert.Equal(LinkReading.Invalid, links.Read(token + "A").Reading);
        Assert.Equal(LinkReading.Invalid, otherKey.Read(token).Reading);
        Assert.Equal(LinkReading.Valid, links.Read(token).Reading);
    }

    [Fact]
    public void A_link_works_for_seven_days_and_then_reads_as_expired()
    {
        var links = Links();
        var token = TokenOf(links.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!);

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(LinkReading.Valid, links.Read(token).Reading);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var (reading, link) = links.Read(token);
        Assert.Equal(LinkReading.Expired, reading);
        Assert.Equal(Id, link!.CommentId);
    }

    [Fact]
    public void Without_a_key_no_link_is_made_and_none_is_accepted()
    {
        var token = TokenOf(Links().Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org")!);
        var off = Links(key: null);

        Assert.False(off.IsConfigured);
        Assert.Null(off.Create(ModerationLinkAction.Approve, Slug, Id, ETag, "ann@example.org"));
        Assert.Equal(LinkReading.Invalid, off.Read(token).Reading);
    }

    [Theory]
    [InlineData("Not a slug", Id, ETag, "ann@example.org")]
    [InlineData(Slug, "not-an-id", ETag, "ann@example.org")]
    [InlineData(Slug, Id, "", "ann@example.org")]
    [InlineData(Slug, Id, ETag, " ")]
    public void A_link_for_something_that_cannot_be_a_comment_is_refused(string slug, string id, string etag, string moderator)
    {
        Assert.Throws<ArgumentException>(() => Links().Create(ModerationLinkAction.Approve, slug, id, etag, moderator));
    }

    public static TheoryData<NotificationOptions, string?> Settings => new()
    {
        { new NotificationOptions(), null },
        { new NotificationOptions { PublicUrl = PublicUrl }, null },
        { new NotificationOptions { PublicUrl = PublicUrl, LinkSigningKey = Key }, null },
        { new NotificationOptions { PublicUrl = PublicUrl, LinkSigningKey = "too-short" }, "Notifications:LinkSigningKey" },
        { new NotificationOptions { LinkSigningKey = Key }, "Notifications:PublicUrl" },
        { new NotificationOptions { PublicUrl = new Uri("comments.example.org/api", UriKind.Relative), LinkSigningKey = Key }, "Notifications:PublicUrl" },
        { new NotificationOptions { PublicUrl = new Uri("ftp://comments.example.org/api"), LinkSigningKey = Key }, "Notifications:PublicUrl" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Settings_that_cannot_make_links_are_named(NotificationOptions options, string? setting)
    {
        var problems = ModerationLinks.Problems(options).ToArray();

        if (setting is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.StartsWith(setting, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ann@example.org", "ann@example.org (email link)")]
    [InlineData("team-slack", "team-slack (webhook link)")]
    public void The_history_names_the_moderator_and_the_way_the_link_reached_them(string moderator, string actor)
    {
        Assert.Equal(actor, ModerationByLink.Actor(moderator));
    }
}
