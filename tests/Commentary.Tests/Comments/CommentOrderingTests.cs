namespace Commentary.Tests.Comments;

public sealed class CommentOrderingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // a (oldest) ← a1, a2 (replies) ; b (3 helpful) ; c (pinned, newest) ← c1 (pinned reply), c2 ; orphan (parent not published).
    private static readonly PublishedComment[] Thread =
    [
        Comment("a", null, 0),
        Comment("b", null, 1) with { Helpful = 3 },
        Comment("a1", "a", 2) with { Helpful = 9 },
        Comment("c", null, 3) with { Pinned = true },
        Comment("a2", "a", 4),
        Comment("c1", "c", 5),
        Comment("c2", "c", 6) with { Pinned = true },
        Comment("orphan", "gone", 7) with { Helpful = 1 },
    ];

    public static TheoryData<string, string[]> Orders { get; } = new()
    {
        { "oldest", ["c", "c2", "c1", "a", "a1", "a2", "b", "orphan"] },
        { "newest", ["c", "c2", "c1", "orphan", "b", "a", "a1", "a2"] },
        { "helpful", ["c", "c2", "c1", "b", "orphan", "a", "a1", "a2"] },
    };

    [Fact]
    public void Every_order_has_a_row() =>
        Assert.Equal(CommentSortNames.All.Order(StringComparer.Ordinal), Orders.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Orders))]
    public void Threads_follow_the_order_with_pins_first_and_replies_stay_under_their_parents_oldest_first(string sort, string[] expected)
    {
        Assert.True(CommentSortNames.TryParse(sort, out var parsed));
        Assert.Equal(sort, parsed.ToWire());
        Assert.Equal(expected, CommentOrdering.Order(Thread, parsed).Select(c => c.Id));
    }

    [Theory]
    [InlineData("Oldest")]
    [InlineData("best")]
    [InlineData(" newest")]
    public void Any_other_sort_is_refused(string value) => Assert.False(CommentSortNames.TryParse(value, out _));

    [Fact]
    public void No_sort_is_the_oldest_first() => Assert.True(CommentSortNames.TryParse(null, out var sort) && sort == CommentSort.Oldest);

    [Fact]
    public void Pages_continue_after_the_last_id_and_a_vanished_id_ends_the_list()
    {
        var ordered = CommentOrdering.Order(Thread, CommentSort.Oldest);
        var (first, after) = CommentOrdering.Page(ordered, null, 3);
        Assert.Equal(["c", "c2", "c1"], first.Select(c => c.Id));
        Assert.Equal("c1", after);
        var (second, next) = CommentOrdering.Page(ordered, after, 5);
        Assert.Equal(["a", "a1", "a2", "b", "orphan"], second.Select(c => c.Id));
        Assert.Null(next);
        Assert.Equal((0, (string?)null), (CommentOrdering.Page(ordered, "unknown", 3).Items.Count, CommentOrdering.Page(ordered, "unknown", 3).LastId));
    }

    private static PublishedComment Comment(string id, string? parent, int minutes) =>
        new(id, parent, "Reader", null, "text", Start.AddMinutes(minutes), "etag");
}
