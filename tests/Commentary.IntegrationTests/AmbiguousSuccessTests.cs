using Azure.Core;

namespace Commentary.IntegrationTests;

/// <summary>
/// A write whose answer is lost is retried by the SDK and then meets its own effect (409 on insert, 412 on update).
/// The store must recognise that from the stored state: no failure reported, nothing counted twice.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class AmbiguousSuccessTests(StorageFixture fixture)
{
    private (CommentStore Store, LoseFirstResponsePolicy Fault) StoreWithLostBatchAnswer()
    {
        var fault = new LoseFirstResponsePolicy(m => m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal));
        return (new CommentStore(PolicyStorageClients.For(fixture.Azurite.ConnectionString, fault)), fault);
    }

    private static Comment NewComment(string slug) => new()
    {
        Slug = slug,
        Id = CommentId.New(),
        Author = "Amy Biguous",
        Email = "amy@example.com",
        Body = "Did that work?",
        Created = DateTimeOffset.UtcNow,
        Status = CommentStatus.Pending,
    };

    [Fact]
    public async Task An_insert_whose_answer_was_lost_is_recognised_as_done_and_counted_once()
    {
        var (store, fault) = StoreWithLostBatchAnswer();
        var slug = "ambiguous-insert-" + Guid.NewGuid().ToString("N")[..8];
        var comment = NewComment(slug);

        var (stored, _) = await store.InsertAsync(comment, CancellationToken.None);

        Assert.Equal(1, fault.Lost);
        Assert.Equal(comment.Id, stored.Id);
        Assert.Equal(new ArticleCounts(0, 1, 0), await store.CountsAsync(slug, CancellationToken.None));
    }

    [Fact]
    public async Task An_approval_whose_answer_was_lost_is_reported_as_done_and_moves_the_counts_once()
    {
        var plain = new CommentStore(fixture.Host.Storage);
        var slug = "ambiguous-update-" + Guid.NewGuid().ToString("N")[..8];
        var comment = NewComment(slug);
        await plain.InsertAsync(comment, CancellationToken.None);

        var (store, fault) = StoreWithLostBatchAnswer();
        var outcome = await store.ChangeStatusAsync(slug, comment.Id,
            new StatusChange(CommentStatus.Approved, "moderator", DateTimeOffset.UtcNow, null, null), CancellationToken.None);

        Assert.Equal(1, fault.Lost);
        Assert.Equal(StoreOutcomeKind.Changed, outcome.Kind);
        Assert.Equal(CommentStatus.Approved, outcome.Comment!.Status);
        Assert.Equal(new ArticleCounts(1, 0, 0), await store.CountsAsync(slug, CancellationToken.None));
    }

    [Fact]
    public async Task A_real_concurrent_change_is_still_a_conflict()
    {
        var store = new CommentStore(fixture.Host.Storage);
        var slug = "ambiguous-conflict-" + Guid.NewGuid().ToString("N")[..8];
        var comment = NewComment(slug);
        var (stored, _) = await store.InsertAsync(comment, CancellationToken.None);
        await store.ChangeStatusAsync(slug, comment.Id, new StatusChange(CommentStatus.Rejected, "first", DateTimeOffset.UtcNow, "spam", null), CancellationToken.None);

        var late = await store.ChangeStatusAsync(slug, comment.Id,
            new StatusChange(CommentStatus.Approved, "second", DateTimeOffset.UtcNow, null, stored.ETag), CancellationToken.None);

        Assert.Equal(StoreOutcomeKind.Conflict, late.Kind);
        Assert.Equal(new ArticleCounts(0, 0, 1), await store.CountsAsync(slug, CancellationToken.None));
    }
}
