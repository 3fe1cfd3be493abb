namespace Commentary.Core.Maintenance;

/// <summary>What one sweep removed.</summary>
public sealed record SweepResult(int RecentSignals, int IdempotencyKeys)
{
    /// <summary>Notification delivery rows (the dedupe) older than <see cref="StaleRowSweeper.DeliveryRetention"/>.</summary>
    public int NotificationDeliveries { get; init; }
}

/// <summary>
/// Table Storage has no expiry, so rows that only matter for a while are deleted here, once a day: recent-signal rows
/// older than the longest window a rule looks back (the duplicate day or the flood window, whichever is longer, plus an
/// hour), idempotency records past their 24 hours, and notification delivery rows past 30 days. Comments, their
/// history, bans and reports are never touched.
/// </summary>
public sealed partial class StaleRowSweeper(StorageClients storage, PolicyProvider policies, TimeProvider clock, ILogger<StaleRowSweeper> logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a notification's delivery rows are kept: longer than any retry (<c>Notifications__RetryFor</c> is at
    /// most days) and any redelivery, after which no copy of the event can come again.
    /// </summary>
    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromDays(30);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var policy = await policies.CurrentAsync(cancellationToken);
        var keepSignals = SignalRetention(policy.FloodWindow);

        var signals = await DeleteAsync(
            storage.RecentSignals, TableClient.CreateQueryFilter($"RowKey lt {CommentId.LowestAt(now - keepSignals)}"), cancellationToken);
        var keys = await DeleteAsync(
            storage.IdempotencyKeys, TableClient.CreateQueryFilter($"Created lt {now - IdempotencyKeys.Lifetime - Margin}"), cancellationToken);

        var deliveries = await DeleteAsync(
            storage.NotificationDeliveries, TableClient.CreateQueryFilter($"Timestamp lt {now - DeliveryRetention}"), cancellationToken);

        LogSwept(logger, signals, keys);
        return new SweepResult(signals, keys) { NotificationDeliveries = deliveries };
    }

    /// <summary>How long a recent-signal row is kept: the longest look-back of the duplicate and flood rules, and an hour.</summary>
    public static TimeSpan SignalRetention(TimeSpan floodWindow) =>
        (floodWindow > RecentSignals.DuplicateWindow ? floodWindow : RecentSignals.DuplicateWindow) + Margin;

    /// <summary>
    /// Deletes every row the filter finds, each on the ETag it was read with: a row rewritten meanwhile (a key claimed
    /// again) is newer than the filter meant, so it stays.
    /// </summary>
    private static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Rewritten or already gone: nothing to do.
            }
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {RecentSignals} recent-signal rows and {IdempotencyKeys} expired idempotency keys")]
    private static partial void LogSwept(ILogger logger, int recentSignals, int idempotencyKeys);
}
