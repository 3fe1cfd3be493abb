using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Bench;

/// <summary>
/// The moderation drain: how fast queued submissions become stored comments, through our worker and through a raw
/// loop that makes the same storage requests per comment with nothing of ours around them.
/// </summary>
public static class Draining
{
    private const int Articles = 4;
    private const int BatchSize = 16;

    public static async Task<string> FillAsync(BenchStorage storage, string prefix, int count)
    {
        // Each drain starts on an empty queue, whatever an earlier phase left in it.
        await storage.Clients.Submissions.ClearMessagesAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await storage.EnqueueAsync(Submissions.Next($"{prefix}-{i % Articles}")));
        return $"FILLED {count}";
    }

    /// <summary>Watches the articles' counters while the worker drains; the clock starts at the first stored comment.</summary>
    public static async Task<string> WatchAsync(BenchStorage storage, string prefix, int count)
    {
        long? first = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var stored = (await Task.WhenAll(Enumerable.Range(0, Articles).Select(i => storage.StoredCountAsync($"{prefix}-{i}")))).Sum();
            if (stored > 0)
            {
                first ??= Stopwatch.GetTimestamp();
            }

            if (stored >= count)
            {
                return Rate(count, Stopwatch.GetElapsedTime(first!.Value).TotalSeconds);
            }

            // Half a second between looks: a tighter loop would load the one Azurite process that the worker it
            // times is using (the raw loop has no watcher), and a drain lasts a minute or more, so the error is < 1%.
            await Task.Delay(500);
        }

        throw new TimeoutException($"Only part of {count} comments was stored in five minutes.");
    }

    /// <summary>
    /// Per comment, what the worker asks of storage for a new comment, in the same order and with the same
    /// parallelism: look the id up; read the commenter's history, the three recent-activity counts (same body, same
    /// address, same email) and the spam fingerprint; commit the comment with its article's counter (one writer per
    /// article at a time, the counter's ETag remembered after each write); write the moderation and commenter index
    /// entries and the two recent-activity rows; write the two history events in one transaction; delete the message.
    /// Messages are fetched as the worker fetches them: the next batch once only half a batch is still running.
    /// </summary>
    public static async Task<string> RawLoopAsync(BenchStorage storage, string prefix, int count)
    {
        var queue = storage.Clients.Submissions;
        var locks = new ConcurrentDictionary<string, SemaphoreSlim>();
        var counters = new ConcurrentDictionary<string, (int Pending, ETag? ETag)>();
        var inFlight = new HashSet<Task>();
        var done = 0;
        long? first = null;
        while (done < count)
        {
            if (inFlight.Count > BatchSize / 2)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
                continue;
            }

            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
                continue;
            }

            first ??= Stopwatch.GetTimestamp();
            foreach (var m in batch)
            {
                inFlight.Add(Task.Run(async () =>
                {
                    await ProcessAsync(storage, locks, counters, SubmissionMessage.Parse(m.Body.ToString()));
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                    Interlocked.Increment(ref done);
                }));
            }
        }

        await Task.WhenAll(inFlight);
        return Rate(done, Stopwatch.GetElapsedTime(first!.Value).TotalSeconds);
    }

    private static async Task ProcessAsync(
        BenchStorage storage,
        ConcurrentDictionary<string, SemaphoreSlim> locks,
        ConcurrentDictionary<string, (int Pending, ETag? ETag)> counters,
        SubmissionMessage message)
    {
        var clients = storage.Clients;
        _ = await storage.Comments.GetEntityIfExistsAsync<TableEntity>(message.Slug, message.Id);
        var emailHash = CommenterIdentity.EmailHash(message.Email);
        var fingerprint = BodyFingerprint.Of(message.Body);
        var since = CommentId.LowestAt(DateTimeOffset.UtcNow - TimeSpan.FromHours(24));
        await Task.WhenAll(
            DrainAsync(clients.CommenterIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {emailHash}"), select: ["Status"])),
            DrainAsync(clients.RecentSignals.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"fp_" + fingerprint} and RowKey ge {since}"), select: ["RowKey"])),
            DrainAsync(clients.RecentSignals.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"ip_" + message.IpHash} and RowKey ge {since}"), select: ["RowKey"])),
            DrainAsync(clients.CommenterIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {emailHash} and RowKey ge {since}"), select: ["RowKey"])),
            clients.SpamFingerprints.GetEntityIfExistsAsync<TableEntity>(fingerprint[..2], fingerprint, ["PartitionKey"]));

        var gate = locks.GetOrAdd(message.Slug, _ => new SemaphoreSlim(1));
        await gate.WaitAsync();
        try
        {
            await CommitAsync(storage.Comments, counters, message);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            // Stored already (a redelivery): our worker re-asserts the rows after it, so the loop does too.
        }
        finally
        {
            gate.Release();
        }

        await Task.WhenAll(
            clients.ModerationIndex.UpsertEntityAsync(new TableEntity("pending", "1" + message.Id) { ["Slug"] = message.Slug, ["CommentId"] = message.Id }, TableUpdateMode.Replace),
            clients.CommenterIndex.UpsertEntityAsync(new TableEntity(emailHash, message.Id) { ["Slug"] = message.Slug, ["Status"] = "pending" }, TableUpdateMode.Replace),
            clients.RecentSignals.UpsertEntityAsync(new TableEntity("fp_" + fingerprint, message.Id) { ["Slug"] = message.Slug }, TableUpdateMode.Replace),
            clients.RecentSignals.UpsertEntityAsync(new TableEntity("ip_" + message.IpHash, message.Id) { ["Slug"] = message.Slug }, TableUpdateMode.Replace));
        await clients.CommentHistory.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(message.Slug, message.Id + "_submitted") { ["Kind"] = "submitted", ["By"] = message.Author }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(message.Slug, message.Id + "_decided") { ["Kind"] = "decided", ["By"] = "policy" }),
        ]);
    }

    private static async Task DrainAsync(AsyncPageable<TableEntity> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }

    private static async Task CommitAsync(TableClient comments, ConcurrentDictionary<string, (int Pending, ETag? ETag)> counters, SubmissionMessage message)
    {
        var entity = new TableEntity(message.Slug, message.Id)
        {
            ["Author"] = message.Author,
            ["Email"] = message.Email,
            ["Body"] = message.Body,
            ["Created"] = message.Submitted,
            ["Status"] = "pending",
            ["Score"] = 0.5,
            ["Reasons"] = "[{\"rule\":\"first-comment\",\"detail\":\"\"}]",
            ["IpHash"] = message.IpHash,
        };
        var (pending, etag) = counters.GetValueOrDefault(message.Slug, (0, null));
        var counter = new TableEntity(message.Slug, ArticleCounts.RowKey) { ["Approved"] = 0, ["Pending"] = pending + 1, ["Rejected"] = 0 };
        var response = await comments.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, entity),
            etag is { } version
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, version)
                : new TableTransactionAction(TableTransactionActionType.Add, counter),
        ]);
        counters[message.Slug] = (pending + 1, response.Value[1].Headers.ETag);
    }

    private static string Rate(int count, double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"RESULT rate={count / Math.Max(seconds, 1e-9):F1} count={count} failed=0");
}
