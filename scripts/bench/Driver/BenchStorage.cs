using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Commentary.Core.Articles;
using Commentary.Core.Comments;
using Commentary.Core.Storage;

namespace Commentary.Bench;

/// <summary>The raw Azure SDK calls the baselines make: the same requests our stores make, without our code around them.</summary>
public sealed class BenchStorage(string connection)
{
    private static long _version;

    public StorageClients Clients { get; } = new(
        new BlobServiceClient(connection),
        new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = StorageClients.SubmissionEncoding }),
        new TableServiceClient(connection));

    public TableClient Comments => Clients.Comments;

    public async Task DownloadArticleAsync(string slug) =>
        _ = (await Clients.Articles.GetBlobClient(ArticleStore.BlobName(slug)).DownloadContentAsync()).Value.Content;

    /// <summary>Publishes a new version of one worker's article, so the next read of it cannot be answered from memory.</summary>
    public Task ChangeMissArticleAsync(int worker) =>
        Clients.Articles.GetBlobClient(ArticleStore.BlobName(Seeding.MissArticle(worker)))
            .UploadAsync(BinaryData.FromString(Seeding.ArticleText(Seeding.MissArticle(worker), Interlocked.Increment(ref _version))), overwrite: true);

    /// <summary>Exactly the query <c>CommentStore.ListApprovedAsync</c> sends for page 1 of 50: the same filter, page size and columns.</summary>
    public async Task FirstApprovedPageAsync(string slug)
    {
        var read = 0;
        await foreach (var _ in Comments.QueryAsync<TableEntity>(CommentStore.ApprovedFilter(slug, null), maxPerPage: 51, select: CommentStore.PublishedColumns))
        {
            if (++read > 50)
            {
                break;
            }
        }
    }

    /// <summary>Rewrites the counter with the same counts: a new ETag, as a moderation on another instance would leave.</summary>
    public Task TouchCounterAsync(string slug) =>
        Comments.UpsertEntityAsync(new TableEntity(slug, ArticleCounts.RowKey) { ["Approved"] = Seeding.ThreadSize, ["Pending"] = 0, ["Rejected"] = 0 }, TableUpdateMode.Replace);

    /// <summary>The counters of a listing page's twenty articles, read as twenty point reads side by side.</summary>
    public Task ListedCountersAsync() =>
        Task.WhenAll(Enumerable.Range(0, Seeding.ListingSize).Select(i => Comments.GetEntityAsync<TableEntity>(Seeding.ListedArticle(i), ArticleCounts.RowKey)));

    public Task EnqueueAsync(SubmissionMessage message) => Clients.Submissions.SendMessageAsync(message.ToJson());

    public async Task<int> StoredCountAsync(string slug)
    {
        var counter = await Comments.GetEntityIfExistsAsync<TableEntity>(slug, ArticleCounts.RowKey);
        return counter.HasValue
            ? (counter.Value!.GetInt32("Approved") ?? 0) + (counter.Value.GetInt32("Pending") ?? 0) + (counter.Value.GetInt32("Rejected") ?? 0)
            : 0;
    }

    public static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412;
}
