using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Storage;

namespace Commentary.Bench;

/// <summary>
/// The comment import: a Disqus export of <c>count</c> comments spread over <c>articles</c> articles, imported by
/// <c>commentary comments import</c> (timed by scripts/bench/import.sh around the whole process), against a raw SDK
/// loop that writes the same entities in the same transactions: per article, batches of 99 comments with the counter,
/// then each batch's moderation-index and commenter entries in one transaction per partition.
/// </summary>
public static class Importing
{
    private static readonly DateTimeOffset FirstComment = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Slug(int article) => $"bench-import-{article}";

    // Comments come from a few hundred commenters, as on a real blog: most batches touch many commenters' partitions.
    private static (int Article, string Author, string Email, string Text, DateTimeOffset Created) Source(int n, int articles) =>
        (n % articles, $"Reader {n % 400}", $"reader{n % 400}@example.com",
            $"Comment {n}: thank you for this article, it helped me think about what to do next.", FirstComment.AddMinutes(n));

    public static string WriteExport(string path, int count, int articles)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
        for (var a = 0; a < articles; a++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<thread dsq:id=\"t{a}\"><link>https://blog.example.com/{Slug(a)}/</link><title>Article {a}</title></thread>\n");
        }

        for (var n = 0; n < count; n++)
        {
            var (article, author, email, text, created) = Source(n, articles);
            xml.Append(CultureInfo.InvariantCulture,
                $"<post dsq:id=\"p{n}\"><message><![CDATA[<p>{text}</p>]]></message><createdAt>{created:yyyy-MM-ddTHH:mm:ssZ}</createdAt>" +
                $"<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>{author}</name><email>{email}</email></author><thread dsq:id=\"t{article}\" /></post>\n");
        }

        File.WriteAllText(path, xml.Append("</disqus>\n").ToString());
        return $"WROTE {count} comments over {articles} articles to {path}";
    }

    public static async Task<string> RawLoopAsync(BenchStorage storage, int count, int articles)
    {
        var imported = DateTimeOffset.UtcNow;
        var comments = Enumerable.Range(0, count).Select(n =>
        {
            var (article, author, email, text, created) = Source(n, articles);
            return new Comment
            {
                Slug = Slug(article),
                Id = CommentId.FromSource(created, $"disqus:p{n}"),
                Author = author,
                Email = email,
                Body = text,
                Created = created,
                Status = CommentStatus.Approved,
                Reasons = [new ModerationReason("import", $"Imported from Disqus (comment p{n}), where it was approved.")],
                ModeratedBy = "import:disqus",
                ModeratedAt = imported,
            };
        }).ToArray();

        var index = storage.Clients.ModerationIndex;
        var commenters = storage.Clients.CommenterIndex;
        var started = Stopwatch.GetTimestamp();
        foreach (var article in comments.GroupBy(c => c.Slug))
        {
            var total = 0;
            foreach (var batch in article.OrderBy(c => c.Id, StringComparer.Ordinal).Chunk(CommentStore.MaxBatch))
            {
                total += batch.Length;
                var counter = new ArticleCounts(total, 0, 0).ToEntity(article.Key);
                await storage.Comments.SubmitTransactionAsync(
                    [.. batch.Select(c => new TableTransactionAction(TableTransactionActionType.Add, CommentEntity.From(c))),
                     new TableTransactionAction(TableTransactionActionType.UpsertReplace, counter)]);
                await Task.WhenAll(
                    TableBatches.UpsertAsync(index, batch.Select(ModerationIndex.Entry), CancellationToken.None),
                    TableBatches.UpsertAsync(commenters, batch.Select(CommenterHistory.Entry), CancellationToken.None));
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"RESULT rate={count / seconds:F1} count={count} seconds={seconds:F2}");
    }
}
