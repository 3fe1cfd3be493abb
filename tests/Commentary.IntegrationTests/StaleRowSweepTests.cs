using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Commentary.Core.Maintenance;

namespace Commentary.IntegrationTests;

/// <summary>The daily sweep removes what only matters for a while, and nothing else.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class StaleRowSweepTests(StorageFixture fixture)
{
    [Fact]
    public async Task Old_signal_rows_and_expired_idempotency_keys_go_and_recent_ones_stay()
    {
        var storage = fixture.Host.Storage;
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N");
        var oldSignal = new TableEntity("ip_" + tag, CommentId.LowestAt(now.AddDays(-3))) { ["Slug"] = "sweep" };
        var dayOldSignal = new TableEntity("fp_" + tag, CommentId.LowestAt(now.AddHours(-20))) { ["Slug"] = "sweep" };
        var freshSignal = new TableEntity("ip_" + tag, CommentId.New()) { ["Slug"] = "sweep" };
        var expiredKey = new TableEntity("expired-" + tag, string.Empty) { ["CommentId"] = "x", ["RequestHash"] = "h", ["Created"] = now.AddDays(-2) };
        var liveKey = new TableEntity("live-" + tag, string.Empty) { ["CommentId"] = "y", ["RequestHash"] = "h", ["Created"] = now.AddHours(-23) };
        foreach (var row in new[] { oldSignal, dayOldSignal, freshSignal })
        {
            await storage.RecentSignals.AddEntityAsync(row);
        }

        await storage.IdempotencyKeys.AddEntityAsync(expiredKey);
        await storage.IdempotencyKeys.AddEntityAsync(liveKey);
        var commentsBefore = await CountAsync(storage.Comments);

        var result = await fixture.Host.Services.GetRequiredService<StaleRowSweeper>().SweepAsync(CancellationToken.None);

        Assert.False(await ExistsAsync(storage.RecentSignals, oldSignal));
        Assert.True(await ExistsAsync(storage.RecentSignals, dayOldSignal), "the duplicate rule looks back 24 hours");
        Assert.True(await ExistsAsync(storage.RecentSignals, freshSignal));
        Assert.False(await ExistsAsync(storage.IdempotencyKeys, expiredKey));
        Assert.True(await ExistsAsync(storage.IdempotencyKeys, liveKey));
        Assert.True(result.RecentSignals >= 1);
        Assert.True(result.IdempotencyKeys >= 1);
        Assert.True(await CountAsync(storage.Comments) >= commentsBefore);
    }

    [Fact]
    public async Task A_sweep_that_fails_is_logged_and_the_host_keeps_serving()
    {
        var broken = new FailingRequestsPolicy(m => m.Request.Uri.Path.Contains("RecentSignals", StringComparison.Ordinal) && m.Request.Method == RequestMethod.Get);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(broken, HttpPipelinePosition.PerRetry);
        tableOptions.Retry.MaxRetries = 0;
        var connection = fixture.Azurite.ConnectionString;
        var storage = new StorageClients(new BlobServiceClient(connection), new QueueServiceClient(connection), new TableServiceClient(connection, tableOptions));
        await using var host = await SelfHost.StartAsync(
            connection, new Dictionary<string, string?> { ["Maintenance:FirstSweepAfter"] = "00:00:00", ["Maintenance:SweepEvery"] = "00:00:01" }, storage: storage);

        await Eventually.GetAsync(
            () => Task.FromResult(host.Logs.Entries.Count(e => e.Message.StartsWith("Sweeping stale rows failed", StringComparison.Ordinal)) >= 2 ? "twice" : null),
            "two failed sweeps");

        using var health = await host.Client.GetAsync("articles");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<bool> ExistsAsync(TableClient table, TableEntity row) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue;

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Fails every matching request as a dropped connection would, before it reaches storage.</summary>
public sealed class FailingRequestsPolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfMatching(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfMatching(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void ThrowIfMatching(HttpMessage message)
    {
        if (matches(message))
        {
            throw new IOException("Simulated dropped connection.");
        }
    }
}
