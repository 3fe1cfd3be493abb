using Azure.Core;
using Commentary.Core.Notifications;

namespace Commentary.IntegrationTests;

/// <summary>
/// A write whose answer is lost is retried by the SDK and then meets its own effect (409 on insert, 412 on update).
/// The store must recognise that from the stored state: no failure reported, nothing counted twice. So must a
/// notification's delivery claim: taken for another sender's, it would hold the delivery up for a whole lease.
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

    private static NotificationEvent NewEvent() => new()
    {
        Id = "ambiguous-" + Guid.NewGuid().ToString("N"),
        Kind = NotificationKinds.Urgent,
        Slug = "ambiguous-claim",
        CommentId = CommentId.New(),
        At = DateTimeOffset.UtcNow,
        Author = "Amy Biguous",
        Excerpt = "Did that work?",
        Status = "pending",
    };

    private NotificationDeliveries DeliveriesLosingFirst(RequestMethod method, out LoseFirstResponsePolicy fault)
    {
        var table = "/" + StorageNames.NotificationDeliveriesTable;
        fault = new LoseFirstResponsePolicy(m => m.Request.Method == method && m.Request.Uri.Path.Contains(table, StringComparison.Ordinal));
        return new NotificationDeliveries(PolicyStorageClients.For(fixture.Azurite.ConnectionString, fault), TimeProvider.System);
    }

    [Fact]
    public async Task A_delivery_claim_whose_answer_was_lost_is_still_the_callers_own()
    {
        var deliveries = DeliveriesLosingFirst(RequestMethod.Post, out var fault);
        var notification = NewEvent();

        Assert.Equal(DeliveryClaim.Claimed, await deliveries.ClaimAsync(notification, "webhook:ops", CancellationToken.None));
        Assert.Equal(1, fault.Lost);
        Assert.Equal(NotificationDeliveries.Sending, await deliveries.StateAsync(notification.Id, "webhook:ops", CancellationToken.None));
    }

    [Fact]
    public async Task A_retried_delivery_whose_claim_answer_was_lost_is_still_the_callers_own()
    {
        var plain = new NotificationDeliveries(fixture.Host.Storage, TimeProvider.System);
        var notification = NewEvent();
        Assert.Equal(DeliveryClaim.Claimed, await plain.ClaimAsync(notification, "mail:ops", CancellationToken.None));
        await plain.RecordAsync(notification, "mail:ops", NotificationDeliveries.Waiting, "the mail server is down", CancellationToken.None);

        var deliveries = DeliveriesLosingFirst(RequestMethod.Put, out var fault);
        Assert.Equal(DeliveryClaim.Claimed, await deliveries.ClaimAsync(notification, "mail:ops", CancellationToken.None));
        Assert.Equal(1, fault.Lost);
    }

    [Fact]
    public async Task Another_senders_live_delivery_claim_is_still_busy()
    {
        var deliveries = new NotificationDeliveries(fixture.Host.Storage, TimeProvider.System);
        var notification = NewEvent();
        Assert.Equal(DeliveryClaim.Claimed, await deliveries.ClaimAsync(notification, "webhook:ops", CancellationToken.None));

        Assert.Equal(DeliveryClaim.Busy, await deliveries.ClaimAsync(notification, "webhook:ops", CancellationToken.None));
    }
}
