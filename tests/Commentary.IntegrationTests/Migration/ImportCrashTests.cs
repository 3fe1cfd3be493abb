using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Commentary.IntegrationTests.Migration;

/// <summary>
/// The CLI as its own process, killed with SIGKILL half way through a large import and run again: every comment is
/// stored exactly once, each article's counter agrees with its comments, and every comment is in the moderation index.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ImportCrashTests(StorageFixture fixture) : IDisposable
{
    private const int Articles = 4;
    private const int PerArticle = 1500;
    private readonly string _export = Path.Combine(Path.GetTempPath(), $"commentary-crash-import-{Guid.NewGuid():N}.xml");
    private readonly string _prefix = "crashimp" + Guid.NewGuid().ToString("N")[..6];

    public void Dispose() => File.Delete(_export);

    private string Slug(int article) => $"{_prefix}-{article}";

    [Fact]
    public async Task An_import_killed_half_way_and_run_again_stores_every_comment_once_with_matching_counts()
    {
        WriteExport();
        var store = new CommentStore(fixture.Host.Storage);
        const int total = Articles * PerArticle;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "commentary.dll"), "comments", "import", "--disqus", _export, "--storage", fixture.Azurite.ConnectionString })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The signal to kill: the counters say some comments are stored (the first transactions have committed).
        var storedAtKill = 0;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (storedAtKill < CommentStore.MaxBatch * 2 && !process.HasExited && DateTime.UtcNow < deadline)
        {
            storedAtKill = await StoredCountAsync(store);
        }

        Assert.False(process.HasExited, $"The import finished (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed; make the export larger.");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var afterKill = await StoredCountAsync(store);
        Assert.InRange(afterKill, 1, total - 1);

        var again = await CliRun.RunAsync("comments", "import", "--disqus", _export, "--storage", fixture.Azurite.ConnectionString);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"Imported {total - afterKill} new comments; {afterKill} were imported before; 0 skipped.", again.Output, StringComparison.Ordinal);
        var index = fixture.Host.Storage.Tables.GetTableClient(StorageNames.ModerationIndexTable);
        for (var article = 0; article < Articles; article++)
        {
            var ids = new List<string>();
            await foreach (var comment in store.AllAsync(Slug(article), CancellationToken.None))
            {
                ids.Add(comment.Id);
            }

            Assert.Equal(PerArticle, ids.Count);
            Assert.Equal(PerArticle, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(new ArticleCounts(PerArticle, 0, 0), await store.CountsAsync(Slug(article), CancellationToken.None));
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var entry in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"approved"} and Slug eq {Slug(article)}")))
            {
                indexed.Add(entry.GetString("CommentId"));
            }

            Assert.Equal(ids.Order(StringComparer.Ordinal), indexed.Order(StringComparer.Ordinal));
        }
    }

    private async Task<int> StoredCountAsync(CommentStore store)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, Articles).Select(a => store.CountsAsync(Slug(a), CancellationToken.None)));
        return counts.Sum(c => c.Approved + c.Pending + c.Rejected);
    }

    private void WriteExport()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
        for (var article = 0; article < Articles; article++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<thread dsq:id=\"t{article}\"><link>https://blog.example.com/{Slug(article)}/</link><title>Article {article}</title></thread>\n");
        }

        var created = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < Articles * PerArticle; n++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <post dsq:id="p{n}"><message><![CDATA[<p>Comment {n}, with a few words to carry.</p>]]></message>
                <createdAt>{created.AddMinutes(n):yyyy-MM-ddTHH:mm:ssZ}</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
                <author><name>Reader {n % 97}</name><email>reader{n % 97}@example.com</email></author><thread dsq:id="t{n % Articles}" /></post>

                """);
        }

        File.WriteAllText(_export, xml.Append("</disqus>\n").ToString());
    }
}
