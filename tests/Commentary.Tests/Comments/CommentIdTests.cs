using Microsoft.Extensions.Time.Testing;

namespace Commentary.Tests.Comments;

public class CommentIdTests
{
    private static readonly DateTimeOffset Instant = new(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

    [Fact]
    public void A_new_id_is_26_characters_and_valid()
    {
        var id = CommentId.New();

        Assert.Equal(26, id.Length);
        Assert.True(CommentId.IsValid(id));
    }

    [Theory]
    [InlineData("0000000000000000000000000")]
    [InlineData("000000000000000000000000000")]
    [InlineData("01hv3z8y9k2m4n6p8q0r2s4t6v")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6I")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6L")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6O")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6U")]
    [InlineData("81HV3Z8Y9K2M4N6P8Q0R2S4T6V")]
    [InlineData("Z1HV3Z8Y9K2M4N6P8Q0R2S4T6V")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T-V")]
    [InlineData("")]
    [InlineData(null)]
    public void A_value_outside_the_layout_is_not_valid(string? value)
    {
        Assert.False(CommentId.IsValid(value));
    }

    [Theory]
    [InlineData("00000000000000000000000000")]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6V")]
    public void A_value_in_the_layout_is_valid(string value)
    {
        Assert.True(CommentId.IsValid(value));
    }

    [Fact]
    public void Ids_made_later_sort_after_earlier_ones_as_ordinal_strings()
    {
        DateTimeOffset[] times =
        [
            Instant,
            Instant.AddMilliseconds(1),
            Instant.AddSeconds(1),
            Instant.AddDays(1),
            Instant.AddYears(30),
        ];

        var ids = times.Select(t => CommentId.New(new FakeTimeProvider(t))).ToArray();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Timestamp_returns_the_millisecond_the_id_was_made_at()
    {
        var id = CommentId.New(new FakeTimeProvider(Instant));

        Assert.Equal(Instant, CommentId.Timestamp(id));
    }

    [Fact]
    public void An_id_made_at_the_unix_epoch_starts_with_ten_zeros()
    {
        var id = CommentId.New(new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        Assert.StartsWith("0000000000", id, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.UnixEpoch, CommentId.Timestamp(id));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_share_the_time_prefix_only()
    {
        var clock = new FakeTimeProvider(Instant);

        var first = CommentId.New(clock);
        var second = CommentId.New(clock);

        Assert.Equal(first[..10], second[..10]);
        Assert.NotEqual(first[10..], second[10..]);
    }

    [Fact]
    public void A_thousand_ids_from_the_same_millisecond_are_all_distinct()
    {
        var clock = new FakeTimeProvider(Instant);

        var ids = Enumerable.Range(0, 1000).Select(_ => CommentId.New(clock)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(CommentId.IsValid(id)));
    }

    [Fact]
    public void Timestamp_of_an_invalid_id_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => CommentId.Timestamp("not-an-id"));
    }

    [Fact]
    public void An_imported_comment_gets_the_same_id_every_time_it_is_imported()
    {
        var first = CommentId.FromSource(Instant, "disqus:1234567");
        var second = CommentId.FromSource(Instant, "disqus:1234567");

        Assert.Equal(first, second);
        Assert.True(CommentId.IsValid(first));
    }

    [Fact]
    public void An_imported_id_is_the_time_then_the_first_80_bits_of_the_sha256_of_the_source_key()
    {
        // Computed independently: (1714979289123 << 80 | SHA-256("disqus:1234567")[0..10]) in Crockford base32.
        Assert.Equal("01HX6BPE13JPP8GH8EDTKWZXW6", CommentId.FromSource(Instant, "disqus:1234567"));
    }

    [Fact]
    public void Imported_comments_with_different_source_keys_get_different_ids_that_keep_their_time()
    {
        var disqus = CommentId.FromSource(Instant, "disqus:42");
        var wordpress = CommentId.FromSource(Instant, "wordpress:42");

        Assert.NotEqual(disqus, wordpress);
        Assert.Equal(disqus[..10], wordpress[..10]);
        Assert.Equal(Instant, CommentId.Timestamp(disqus));
    }

    [Fact]
    public void Imported_ids_sort_by_their_creation_time()
    {
        var older = CommentId.FromSource(Instant, "zzz");
        var newer = CommentId.FromSource(Instant.AddMilliseconds(1), "aaa");

        Assert.True(string.CompareOrdinal(older, newer) < 0);
    }

    [Fact]
    public void A_creation_time_before_1970_cannot_be_an_id()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentId.FromSource(DateTimeOffset.UnixEpoch.AddMilliseconds(-1), "key"));
    }
}
