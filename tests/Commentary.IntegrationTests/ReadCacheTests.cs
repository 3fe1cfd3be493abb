using System.Net.Http.Headers;
using Azure.Core;
using Azure.Core.Pipeline;
using Commentary.Core.Articles;
using Commentary.Core.Caching;

namespace Commentary.IntegrationTests;

/// <summary>
/// Reads come from memory, and a change shows at once on the instance that made it and within the freshness window
/// on every other instance. Storage requests are counted by a policy in the SDK's pipeline, never timed.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ReadCacheTests(StorageFixture fixture)
{
    private static readonly Dictionary<string, string?> LongFreshness = new() { [$"{ReadCacheOptions.Section}:FreshFor"] = "00:10:00" };
    private static readonly Dictionary<string, string?> ShortFreshness = new() { [$"{ReadCacheOptions.Section}:FreshFor"] = "00:00:01" };
    private static readonly Dictionary<string, string?> NoFreshness = new() { [$"{ReadCacheOptions.Section}:FreshFor"] = "00:00:00" };

    [Fact]
    public async Task An_approval_on_this_instance_shows_at_once_in_the_comment_page_and_the_article_count()
    {
        // Ten minutes of freshness: only the invalidation can explain seeing the approval straight away.
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, LongFreshness);
        var slug = await host.AddArticleAsync("instant");
        var id = await host.SubmitAsync(slug, "Ida", $"ida-{Guid.NewGuid():N}@example.com", "Waiting for a moderator, then cached.");
        Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        Assert.Empty((await host.GetJsonAsync($"articles/{slug}/comments")).Ids());
        Assert.Equal(0, (await host.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());

        await host.ModerateAsync("approve", slug, id);

        Assert.Equal([id], (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());
        Assert.Equal(1, (await host.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());
        Assert.Equal(1, ArticleIn(await host.GetJsonAsync("articles?limit=100"), slug)["commentCount"]!.GetValue<int>());

        await host.ModerateAsync("reject", slug, id, new { reason = "changed my mind" });
        Assert.Empty((await host.GetJsonAsync($"articles/{slug}/comments")).Ids());
        Assert.Equal(0, (await host.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_change_made_by_another_instance_shows_within_the_freshness_window_and_not_before()
    {
        await using var patient = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, LongFreshness);
        await using var quick = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, ShortFreshness);
        var other = fixture.Host;
        var slug = await other.AddArticleAsync("elsewhere");
        var id = await other.SubmitAsync(slug, "Oto", $"oto-{Guid.NewGuid():N}@example.com", "Approved on another instance.");
        Assert.Equal("pending", await other.StoredStatusAsync(slug, id));
        foreach (var reader in new[] { patient, quick })
        {
            Assert.Empty((await reader.GetJsonAsync($"articles/{slug}/comments")).Ids());
            Assert.Equal(0, (await reader.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());
        }

        await other.ModerateAsync("approve", slug, id);

        // The one-second instance rechecks the counter's version and sees the change soon after.
        await Eventually.GetAsync(async () => (await quick.GetJsonAsync($"articles/{slug}/comments")).Ids().Contains(id) ? "shown" : null,
            "the approval to reach the instance with a one-second window", TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await quick.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());

        // The ten-minute instance still answers from memory: proof that its reads do not go to storage.
        Assert.Empty((await patient.GetJsonAsync($"articles/{slug}/comments")).Ids());
        Assert.Equal(0, (await patient.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_comment_page_answers_304_to_a_current_copy_and_200_with_a_new_etag_after_an_approval()
    {
        var host = fixture.Host;
        var slug = await host.AddArticleAsync("page-etag");
        var first = await host.SubmitApprovedAsync(slug, "Pia", $"pia-{Guid.NewGuid():N}@example.com", "First.");

        using var initial = await host.Client.GetAsync($"articles/{slug}/comments");
        Assert.Equal(HttpStatusCode.OK, initial.StatusCode);
        var etag = initial.Headers.ETag!;
        Assert.Contains("public", initial.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var notModified = await host.GetIfNoneMatchAsync($"articles/{slug}/comments", etag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Another page of the same article is another resource with its own validator.
        using var smaller = await host.GetIfNoneMatchAsync($"articles/{slug}/comments?limit=1", etag);
        Assert.Equal(HttpStatusCode.OK, smaller.StatusCode);

        var second = await host.SubmitApprovedAsync(slug, "Pia", $"pia2-{Guid.NewGuid():N}@example.com", "Second.");
        using var changed = await host.GetIfNoneMatchAsync($"articles/{slug}/comments", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal([first, second], (await changed.Content.ReadFromJsonAsync<JsonObject>())!.Ids());
    }

    [Fact]
    public async Task Warm_reads_make_no_storage_call_and_a_post_costs_one_queue_write()
    {
        var counter = new StorageRequestCounter();
        var connection = fixture.Azurite.ConnectionString;
        // This host's own worker polls rarely, so the requests it makes while processing the post stay out of the count.
        var settings = new Dictionary<string, string?>(LongFreshness) { ["extensions:queues:maxPollingInterval"] = "00:10:00" };
        await using var host = await SelfHost.StartAsync(connection, settings, storage: counter.ClientsFor(connection));
        var slug = await host.AddArticleAsync("warm");
        string[] reads = [$"articles/{slug}", $"articles/{slug}/comments", "articles?limit=5"];
        foreach (var path in reads)
        {
            await host.GetJsonAsync(path);
        }

        // The worker receives through clients of its own, so its polls are not counted here.
        counter.Reset();
        foreach (var path in reads.Concat(reads))
        {
            await host.GetJsonAsync(path);
        }

        Assert.Empty(counter.Requests);

        counter.Reset();
        using var posted = await host.PostCommentAsync(slug, "Wes", "wes@example.com", "Only a queue write, please.");
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var caused = counter.Requests.ToArray();
        Assert.Equal([$"POST /devstoreaccount1/{Core.Storage.StorageNames.SubmissionsQueue}/messages"], caused);
    }

    [Fact]
    public async Task The_first_page_of_many_approved_comments_reads_one_page_of_entities_not_the_partition()
    {
        var counter = new StorageRequestCounter();
        var storage = counter.ClientsFor(fixture.Azurite.ConnectionString);
        var slug = await fixture.Host.AddArticleAsync("many");
        await SeedApprovedAsync(storage.Comments, slug, 500);
        var store = new CommentStore(storage);

        counter.Reset();
        var (items, lastId) = await store.ListApprovedAsync(slug, null, 50, CancellationToken.None);

        Assert.Equal(50, items.Count);
        Assert.Equal(items[^1].Id, lastId);
        Assert.Single(counter.Requests);
        Assert.Equal(51, counter.EntitiesRead);
    }

    [Theory]
    [InlineData("articles/{0}/comments")]
    [InlineData("articles/{0}")]
    public async Task An_article_that_does_not_exist_and_its_comments_are_a_404_that_reads_no_table(string path)
    {
        var counter = new StorageRequestCounter();
        var connection = fixture.Azurite.ConnectionString;
        var settings = new Dictionary<string, string?>(NoFreshness) { ["extensions:queues:maxPollingInterval"] = "00:10:00" };
        await using var host = await SelfHost.StartAsync(connection, settings, storage: counter.ClientsFor(connection));
        var slug = $"never-{Guid.NewGuid():N}";

        counter.Reset();
        using var response = await host.Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, slug));

        await response.ProblemAsync(HttpStatusCode.NotFound);
        // One request: the article's blob. No counter read, no query of the comments table.
        var only = Assert.Single(counter.Requests);
        Assert.StartsWith("GET ", only, StringComparison.Ordinal);
        Assert.EndsWith($"devstoreaccount1/{Core.Storage.StorageNames.ArticlesContainer}/{slug}.md", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_freshness_a_deleted_article_that_was_read_before_is_a_404_for_itself_and_its_comments()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, NoFreshness);
        var slug = await host.AddArticleAsync("deleted");
        using (var before = await host.Client.GetAsync($"articles/{slug}/comments"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await host.Storage.Articles.GetBlobClient(ArticleStore.BlobName(slug)).DeleteAsync();

        using var comments = await host.Client.GetAsync($"articles/{slug}/comments");
        await comments.ProblemAsync(HttpStatusCode.NotFound);
        using var article = await host.Client.GetAsync($"articles/{slug}");
        await article.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_freshness_every_read_shows_the_stored_article_and_comments_with_a_matching_etag()
    {
        await using var reader = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, NoFreshness);
        var writer = fixture.Host;
        var slug = await writer.AddArticleAsync("versions");
        using var first = await reader.Client.GetAsync($"articles/{slug}");
        var firstTag = first.Headers.ETag!;
        Assert.StartsWith("Test article", (await first.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        using var emptyPage = await reader.Client.GetAsync($"articles/{slug}/comments");
        var emptyTag = emptyPage.Headers.ETag!;

        // A new version of the blob, written behind the reader's back.
        var text = "---\ntitle: Second version\nauthor: Test Author\npublished: 2026-01-01T00:00:00Z\n---\nNew *text*.\n";
        await reader.Storage.Articles.GetBlobClient(ArticleStore.BlobName(slug)).UploadAsync(BinaryData.FromString(text), overwrite: true);
        using var second = await reader.GetIfNoneMatchAsync($"articles/{slug}", firstTag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(firstTag, second.Headers.ETag);
        var article = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Second version", article["title"]!.GetValue<string>());
        Assert.Contains("<em>text</em>", article["html"]!.GetValue<string>(), StringComparison.Ordinal);
        using var current = await reader.GetIfNoneMatchAsync($"articles/{slug}", second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);

        // A comment approved through another instance: the reader's next page and count show it.
        var id = await writer.SubmitApprovedAsync(slug, "Vic", $"vic-{Guid.NewGuid():N}@example.com", "Approved elsewhere, read here at once.");
        using var page = await reader.GetIfNoneMatchAsync($"articles/{slug}/comments", emptyTag);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(emptyTag, page.Headers.ETag);
        var comments = (await page.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([id], comments.Ids());
        Assert.Equal(1, comments["total"]!.GetValue<int>());
        Assert.Null(comments["items"]![0]!["email"]);
        Assert.Equal(1, (await reader.GetJsonAsync($"articles/{slug}"))["commentCount"]!.GetValue<int>());
        using var samePage = await reader.GetIfNoneMatchAsync($"articles/{slug}/comments", page.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, samePage.StatusCode);
    }

    [Fact]
    public async Task A_reader_who_arrives_while_an_older_counter_read_is_under_way_is_not_answered_by_it()
    {
        // Readers who miss at the same moment share storage reads. Reader A's read of the counter has its answer (no
        // approval yet) but is held back; then a comment is approved elsewhere and reader B asks. B must not share
        // A's read: it must wait for one that began after it asked, and show the approval.
        var hold = new HoldAnswerPolicy(m => Uri.UnescapeDataString(m.Request.Uri.Path).Contains($"RowKey='{ArticleCounts.RowKey}'", StringComparison.Ordinal));
        await using var reader = await StartWithAsync(hold, NoFreshness);
        var writer = fixture.Host;
        var slug = await writer.AddArticleAsync("shared-read");
        var id = await writer.SubmitAsync(slug, "Bea", $"bea-{Guid.NewGuid():N}@example.com", $"Approved while a read was held {Guid.NewGuid():N}.");
        await writer.StoredStatusAsync(slug, id);
        Assert.Empty((await reader.GetJsonAsync($"articles/{slug}/comments")).Ids());

        var cache = reader.Services.GetRequiredService<CommentPageCache>();
        var (readerA, readerB) = await ReadAcrossAChangeAsync(hold, reader, $"articles/{slug}/comments", () => writer.ModerateAsync("approve", slug, id),
            () => cache.CounterReadsJoined(slug));

        Assert.Equal([id], readerB.Ids());
        Assert.Equal(1, readerB["total"]!.GetValue<int>());
        Assert.True(readerA["total"]!.GetValue<int>() is 0 or 1);
    }

    [Fact]
    public async Task A_reader_who_arrives_while_an_older_article_read_is_under_way_is_not_answered_by_it()
    {
        // The same for the article: A's conditional request has found the old version and is held back, a new
        // version is published behind the reader's back, and B, who asks after that, must get the new version.
        var hold = new HoldAnswerPolicy(m => m.Request.Method == RequestMethod.Get && m.Request.Uri.Path.EndsWith(".md", StringComparison.Ordinal));
        await using var reader = await StartWithAsync(hold, NoFreshness);
        var slug = await fixture.Host.AddArticleAsync("shared-article");
        Assert.StartsWith("Test article", (await reader.GetJsonAsync($"articles/{slug}"))["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var text = "---\ntitle: Published while a read was held\nauthor: Test Author\npublished: 2026-01-01T00:00:00Z\n---\nNew.\n";
        var articles = reader.Services.GetRequiredService<ArticleStore>();
        var (_, readerB) = await ReadAcrossAChangeAsync(hold, reader, $"articles/{slug}",
            () => reader.Storage.Articles.GetBlobClient(ArticleStore.BlobName(slug)).UploadAsync(BinaryData.FromString(text), overwrite: true),
            () => articles.RevalidationsJoined(slug));

        Assert.Equal("Published while a read was held", readerB["title"]!.GetValue<string>());
    }

    /// <summary>A self-host whose storage requests pass <paramref name="policy"/>.</summary>
    private Task<SelfHost> StartWithAsync(HttpPipelinePolicy policy, Dictionary<string, string?> settings) =>
        SelfHost.StartAsync(fixture.Azurite.ConnectionString, settings, storage: PolicyStorageClients.For(fixture.Azurite.ConnectionString, policy));

    /// <summary>
    /// Reader A asks and its storage answer is held; <paramref name="change"/> is made; reader B asks and reaches the
    /// read A is held in (<paramref name="joined"/>, the number of callers sharing it, goes up); only then is A's
    /// answer let go. Returns both answers.
    /// </summary>
    private static async Task<(JsonObject A, JsonObject B)> ReadAcrossAChangeAsync(
        HoldAnswerPolicy hold, SelfHost reader, string path, Func<Task> change, Func<int> joined)
    {
        var held = hold.Arm();
        var readerA = reader.GetJsonAsync(path);
        await held;
        await change();
        var before = joined();
        var readerB = reader.GetJsonAsync(path);
        // A B that arrived after A's answer was let go would read afresh whatever the cache does, and prove nothing.
        await Eventually.GetAsync(
            () => Task.FromResult(joined() > before ? "joined" : null), "reader B to reach the read that reader A is held in", TimeSpan.FromSeconds(30));
        Assert.False(readerB.IsCompleted, "Reader B was answered while reader A's read was still held.");
        hold.Release();
        return (await readerA, await readerB);
    }

    private static async Task SeedApprovedAsync(TableClient table, string slug, int count)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var comments = Enumerable.Range(0, count).Select(i => new Comment
        {
            Slug = slug,
            Id = CommentId.FromSource(start.AddSeconds(i), $"seed:{slug}:{i}"),
            Author = "Seed",
            Email = "seed@example.com",
            Body = $"Seeded comment {i}.",
            Created = start.AddSeconds(i),
            Status = CommentStatus.Approved,
        });
        foreach (var batch in comments.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.Add, CommentEntity.From(c))));
        }

        await table.UpsertEntityAsync(new ArticleCounts(count, 0, 0).ToEntity(slug));
    }

    private static JsonNode ArticleIn(JsonObject list, string slug) =>
        list["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == slug)!;
}
