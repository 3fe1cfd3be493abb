using Commentary.Api.Comments;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.Tests.Comments;

/// <summary>The writer's edit token and the window in which it works.</summary>
public class EditTokenTests
{
    private const string Slug = "some-article";
    private const string Id = "01JH8ZQ4W6X5N3M2K1P0R9S8T7";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Posted = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Posted);
    private readonly EditTokens _tokens = new("unit-test-edit-token-key"u8.ToArray());

    private EditWindow Window(TimeSpan window) => new(Options.Create(new EditOptions { EditWindow = window }), _clock);

    private static Comment CommentWith(string? tokenHash) => new()
    {
        Slug = Slug,
        Id = Id,
        Author = "Sam",
        Email = "sam@example.org",
        Body = "Some text.",
        Created = Posted,
        Status = CommentStatus.Approved,
        EditTokenHash = tokenHash,
    };

    [Fact]
    public void A_token_without_an_idempotency_key_is_256_random_bits_in_base64url_and_never_the_same_twice()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => _tokens.Issue(Slug, Id, null)).ToArray();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Length, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_retry_with_the_same_idempotency_key_gets_the_same_token_and_anything_else_another()
    {
        var first = _tokens.Issue(Slug, Id, "key-1");

        Assert.Equal(first, _tokens.Issue(Slug, Id, "key-1"));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
        string[] others =
        [
            _tokens.Issue(Slug, Id, "key-2"),
            _tokens.Issue("other-article", Id, "key-1"),
            _tokens.Issue(Slug, "01JH8ZQ4W6X5N3M2K1P0R9S8T8", "key-1"),
            new EditTokens("another-server-key"u8.ToArray()).Issue(Slug, Id, "key-1"),
        ];
        Assert.DoesNotContain(first, others);
        Assert.Equal(others.Length, others.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_the_hash_is_stored_and_only_the_token_itself_matches_it()
    {
        var token = _tokens.Issue(Slug, Id, null);
        var hash = EditTokens.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.True(EditTokens.Matches(token, hash));
        Assert.False(EditTokens.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(EditTokens.Matches(hash, hash));
        Assert.False(EditTokens.Matches(null, hash));
        Assert.False(EditTokens.Matches(string.Empty, hash));
        Assert.False(EditTokens.Matches(new string('a', 10_000), hash));
        Assert.False(EditTokens.Matches(token, null));
        Assert.False(EditTokens.Matches(token, string.Empty));
    }

    public static TheoryData<string, double, string?> Rules => new()
    {
        // what the writer sends, minutes since posting, what is refused (null: allowed)
        { "right", 0, null },
        { "right", 14.9, null },
        { "right", 15, null },
        { "right", 15.01, nameof(AuthorActionKind.WindowClosed) },
        { "right", 60 * 24, nameof(AuthorActionKind.WindowClosed) },
        { "wrong", 1, nameof(AuthorActionKind.WrongToken) },
        { "wrong", 60, nameof(AuthorActionKind.WrongToken) },
        { "none", 1, nameof(AuthorActionKind.WrongToken) },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_token_is_checked_first_then_the_window_counted_from_posting(string sent, double minutes, string? refused)
    {
        var token = _tokens.Issue(Slug, Id, null);
        var comment = CommentWith(EditTokens.Hash(token));
        _clock.Advance(TimeSpan.FromMinutes(minutes));
        var presented = sent switch { "right" => token, "wrong" => _tokens.Issue(Slug, Id, null), _ => null };

        Assert.Equal(refused, Window(TimeSpan.FromMinutes(15)).Refusal(comment, presented)?.ToString());
    }

    [Fact]
    public void The_rules_table_covers_every_refusal_and_both_sides_of_the_window()
    {
        var refusals = Rules.Select(r => (string?)r[2]).Where(r => r is not null).ToHashSet();
        var minutes = Rules.Where(r => (string)r[0] == "right").Select(r => (double)r[1]).ToArray();

        Assert.Equal([nameof(AuthorActionKind.WindowClosed), nameof(AuthorActionKind.WrongToken)], refusals.Order());
        Assert.Contains(minutes, m => m == 15);
        Assert.Contains(minutes, m => m > 15 && m < 15.1);
    }

    [Fact]
    public void A_comment_stored_without_a_token_and_editing_turned_off_refuse_every_writer()
    {
        var token = _tokens.Issue(Slug, Id, null);

        Assert.Equal(AuthorActionKind.WrongToken, Window(TimeSpan.FromMinutes(15)).Refusal(CommentWith(null), token));
        Assert.Equal(AuthorActionKind.WindowClosed, Window(TimeSpan.Zero).Refusal(CommentWith(EditTokens.Hash(token)), token));
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("00:15:00", true)]
    [InlineData("1.00:00:00", true)]
    [InlineData("1.00:00:01", false)]
    [InlineData("-00:00:01", false)]
    public void The_window_setting_is_between_off_and_one_day(string window, bool valid) =>
        Assert.Equal(valid, EditOptions.IsValid(new EditOptions { EditWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void A_deleted_comment_shows_no_author_and_no_text_and_an_edited_one_says_when()
    {
        var deleted = PublicComment.From(new PublishedComment(Id, null, "Sam", "https://sam.example.org", "Private text", Posted, "etag") { DeletedByAuthor = true });
        var edited = PublicComment.From(new PublishedComment(Id, null, "Sam", null, "New text", Posted, "etag") { EditedAt = Posted.AddMinutes(3) });
        var json = JsonSerializer.Serialize(deleted, Web);

        Assert.True(deleted.Deleted);
        Assert.Equal((string.Empty, (string?)null, string.Empty, string.Empty), (deleted.Author, deleted.Website, deleted.Body, deleted.Html));
        Assert.DoesNotContain("Sam", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Private", json, StringComparison.Ordinal);
        Assert.Equal(Posted.AddMinutes(3), edited.Edited);
        Assert.False(edited.Deleted);
    }
}
