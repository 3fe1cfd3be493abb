using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Commentary.Core.Articles;
using Commentary.Core.Comments;
using Commentary.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Bench;

/// <summary>The data the figures are taken on, written straight through the Core stores and the table, not the POST path.</summary>
public static class Seeding
{
    public const string Article = "bench-article";
    public const string Thread = "bench-thread";
    public const string PostTarget = "bench-post";
    public const string PublicContainer = "bench-public";
    public const int ThreadSize = 10_000;

    /// <summary>The articles of a listing page whose counts the counts figure asks for, all twenty in one request.</summary>
    public const int ListingSize = 20;

    public static string MissArticle(int worker) => $"bench-miss-{worker}";

    public static string ListedArticle(int i) => $"bench-listed-{i}";

    public static string CountsPath { get; } = "/api/counts?" + string.Join('&', Enumerable.Range(0, ListingSize).Select(i => $"article={ListedArticle(i)}"));

    /// <summary>An article of realistic size: front matter, headings, lists and about 1,500 words.</summary>
    public static string ArticleText(string slug, long version = 0)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"---\ntitle: Benchmark article {slug}\nauthor: Dr. Bench Mark\npublished: 2026-10-02T06:00:00Z\n");
        text.Append(CultureInfo.InvariantCulture, $"summary: Version {version} of a long article.\ntags: [sleep, anxiety]\ncomments: open\n---\n");
        for (var section = 1; section <= 10; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Part {section}\n\n");
            for (var paragraph = 0; paragraph < 3; paragraph++)
            {
                text.Append("Waking at four in the morning with a *racing mind* is common, and it is rarely a sign that something ")
                    .Append("is badly wrong. The body's stress system follows a daily rhythm, and in the early hours it begins to ")
                    .Append("prepare for the day. What helps is **not** trying harder to sleep, but [lowering the stakes](https://example.org).\n\n");
            }

            text.Append("- Keep the lights low\n- Write the worry down\n- Get up if twenty minutes pass\n");
        }

        return text.ToString();
    }

    public static async Task<string> RunAsync(BenchStorage storage, IReadOnlyDictionary<string, string> options)
    {
        var connections = int.Parse(options.GetValueOrDefault("connections", "16"), CultureInfo.InvariantCulture);
        var articles = new ArticleStore(storage.Clients, NullLogger<ArticleStore>.Instance);
        var slugs = new[] { Article, Thread, PostTarget }.Concat(Enumerable.Range(0, connections).Select(MissArticle))
            .Concat(Enumerable.Range(0, ListingSize).Select(ListedArticle));
        foreach (var slug in slugs)
        {
            await articles.AddIfMissingAsync(slug, ArticleText(slug), CancellationToken.None);
        }

        // The raw-blob baseline for wrk: the same bytes in a container that allows anonymous reads.
        var container = storage.Clients.Blobs.GetBlobContainerClient(PublicContainer);
        await container.CreateIfNotExistsAsync(PublicAccessType.Blob);
        await container.GetBlobClient(ArticleStore.BlobName(Article)).UploadAsync(BinaryData.FromString(ArticleText(Article)), overwrite: true);

        await SeedThreadAsync(storage.Comments);
        // Each listed article has a counter, as one with comments would: the baseline reads these twenty entities.
        for (var i = 0; i < ListingSize; i++)
        {
            await storage.Comments.UpsertEntityAsync(new ArticleCounts(i * 3, i % 2, 0).ToEntity(ListedArticle(i)), TableUpdateMode.Replace);
        }

        return $"SEEDED public={container.Uri}/{ArticleStore.BlobName(Article)}";
    }

    /// <summary>The queues and tables on an empty Azurite, as the host's start-up would create them.</summary>
    public static async Task<string> CreateStorageAsync(BenchStorage storage)
    {
        await StorageProvisioning.EnsureCreatedAsync(storage.Clients, CancellationToken.None);
        return "CREATED";
    }

    private static async Task SeedThreadAsync(TableClient table)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var comments = Enumerable.Range(0, ThreadSize).Select(i => new Comment
        {
            Slug = Thread,
            Id = CommentId.FromSource(start.AddSeconds(i * 60), $"bench:{i}"),
            Author = $"Reader {i % 400}",
            Email = $"reader{i % 400}@example.com",
            Body = $"Comment {i}: this is a reply of ordinary length, with a [link](https://example.org/{i}) and some *emphasis*.",
            Created = start.AddSeconds(i * 60),
            Status = CommentStatus.Approved,
            ModeratedBy = "policy",
            ModeratedAt = start.AddSeconds(i * 60),
        });
        await Parallel.ForEachAsync(comments.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, cancellationToken) =>
            await table.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CommentEntity.From(c))), cancellationToken));
        await table.UpsertEntityAsync(new ArticleCounts(ThreadSize, 0, 0).ToEntity(Thread), TableUpdateMode.Replace);
    }
}
