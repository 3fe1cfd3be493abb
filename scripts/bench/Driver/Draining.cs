using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Commentary.Core.Comments;

namespace Commentary.Bench;

/// <summary>
/// The moderation drain: how fast queued submissions become stored comments, through our worker and through a raw
/// loop that makes the same storage requests per comment with nothing of ours around them.
/// </summary>
public static class Draining
{
    private const int Articles = 4;
    private const int BatchSize = 16;
    private static readonly string[] OtherStatuses = ["approved", "rejected"];

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

            await Task.Delay(50);
        }

        throw new TimeoutException($"Only part of {count} comments was stored in five minutes.");
    }

    /// <summary>
    /// Per comment, what the worker asks of storage: look the id up, read the commenter's history, commit the comment
    /// with its article's counter (one writer per article at a time, the counter's ETag remembered after each write),
    /// read the comment back, write both index entries, delete the message.
    /// </summary>
    public static async Task<string> RawLoopAsync(BenchStorage storage, string prefix, int count)
    {
        var queue = storage.Clients.Submissions;
        var comments = storage.Comments;
        var moderation = storage.Clients.ModerationIndex;
        var commenters = storage.Clients.CommenterIndex;
        var locks = new ConcurrentDictionary<string, SemaphoreSlim>();
        var counters = new ConcurrentDictionary<string, (int Pending, ETag? ETag)>();
        var done = 0;
        long? first = null;
        while (done < count)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                continue;
            }

            first ??= Stopwatch.GetTimestamp();
            await Task.WhenAll(batch.Select(async m =>
            {
                var message = SubmissionMessage.Parse(m.Body.ToString());
                _ = await comments.GetEntityIfExistsAsync<TableEntity>(message.Slug, message.Id);
                var emailHash = CommenterIdentity.EmailHash(message.Email);
                await foreach (var _ in commenters.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {emailHash}")))
                {
                }

                var gate = locks.GetOrAdd(message.Slug, _ => new SemaphoreSlim(1));
                await gate.WaitAsync();
                try
                {
                    try
                    {
                        await CommitAsync(comments, counters, message);
                    }
                    catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
                    {
                        // Stored already (a redelivery): our worker re-asserts the indexes, so the loop does too.
                    }
                }
                finally
                {
                    gate.Release();
                }

                _ = await comments.GetEntityIfExistsAsync<TableEntity>(message.Slug, message.Id);
                // The index entry under its status, and removal of any stale one under the other two statuses.
                await Task.WhenAll(
                    moderation.UpsertEntityAsync(new TableEntity("pending", message.Id) { ["Slug"] = message.Slug, ["CommentId"] = message.Id }),
                    commenters.UpsertEntityAsync(new TableEntity(emailHash, message.Id) { ["Slug"] = message.Slug, ["Status"] = "pending" }));
                await Task.WhenAll(OtherStatuses.Select(async status =>
                {
                    try
                    {
                        await moderation.DeleteEntityAsync(status, message.Id, ETag.All);
                    }
                    catch (RequestFailedException e) when (e.Status == 404)
                    {
                    }
                }));
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                Interlocked.Increment(ref done);
            }));
        }

        return Rate(done, Stopwatch.GetElapsedTime(first!.Value).TotalSeconds);
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
