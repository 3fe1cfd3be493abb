using System.ServiceModel.Syndication;
using System.Xml;

namespace Commentary.IntegrationTests;

/// <summary>
/// The Atom feeds, read with .NET's own feed reader (System.ServiceModel.Syndication): ids, links, dates and authors,
/// newest first, only approved comments, never an email address or an IP hash; <c>ETag</c>/<c>304</c>; 404 for no article.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class CommentFeedTests(StorageFixture fixture)
{
    private const string ArticlePage = "https://blog.example/posts/{slug}";

    [Fact]
    public async Task An_articles_feed_holds_its_approved_comments_newest_first_with_ids_links_dates_and_authors_and_nothing_private()
    {
        var settings = new Dictionary<string, string?> { ["Feeds:ArticleUrl"] = ArticlePage };
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, settings);
        var slug = await host.AddArticleAsync("feed");
        var emails = new List<string>();
        var approved = new List<string>();
        foreach (var (author, body, website) in new[]
        {
            ("Ada", "First, with **Markdown** and <script>alert(1)</script>.", "https://ada.example/"),
            ("Bea", "Second: [a link](javascript:alert(2)).", null),
            ("Cy", "Third and newest.", null),
        })
        {
            var email = $"feed-{author.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
            emails.Add(email);
            using var posted = await host.PostCommentAsync(slug, author, email, body, website);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var id = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            await host.StoredStatusAsync(slug, id);
            await host.ModerateAsync("approve", slug, id);
            approved.Add(id);
        }

        var pending = await host.SubmitAsync(slug, "Pat", $"feed-pat-{Guid.NewGuid():N}@example.com", "Not yet approved, never in the feed.");
        Assert.Equal("pending", await host.StoredStatusAsync(slug, pending));

        using var response = await host.Client.GetAsync($"articles/{slug}/comments.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var feed = Read(text);
        var host127 = host.BaseAddress.Host;

        Assert.Equal($"tag:{host127},2026:comments/{slug}", feed.Id);
        Assert.Equal($"Comments on Test article {slug}", feed.Title.Text);
        Assert.Equal(new Uri(host.Client.BaseAddress!, $"articles/{slug}/comments.atom"), Link(feed.Links, "self"));
        Assert.Equal(new Uri($"https://blog.example/posts/{slug}"), Link(feed.Links, "alternate"));

        // The public page is the reference: the same comments, dates, authors and safe HTML.
        var page = (await host.GetJsonAsync($"articles/{slug}/comments"))["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>());
        var items = feed.Items.ToArray();
        Assert.Equal(approved.AsEnumerable().Reverse().Select(id => $"tag:{host127},2026:comments/{slug}/{id}"), items.Select(i => i.Id));
        Assert.Equal(items[0].PublishDate, feed.LastUpdatedTime);
        foreach (var (item, id) in items.Zip(approved.AsEnumerable().Reverse()))
        {
            var shown = page[id]!;
            // The feed writes milliseconds; this reader keeps whole seconds of an Atom date.
            Assert.Equal(shown["created"]!.GetValue<DateTimeOffset>(), item.PublishDate, TimeSpan.FromSeconds(1));
            Assert.Equal(item.PublishDate, item.LastUpdatedTime);
            Assert.Equal(shown["author"]!.GetValue<string>(), Assert.Single(item.Authors).Name);
            Assert.Equal($"Comment by {shown["author"]!.GetValue<string>()}", item.Title.Text);
            Assert.Equal(shown["html"]!.GetValue<string>(), Assert.IsType<TextSyndicationContent>(item.Content).Text);
            Assert.Equal("html", ((TextSyndicationContent)item.Content).Type);
            Assert.Equal(new Uri($"https://blog.example/posts/{slug}#comment-{id}"), Link(item.Links, "alternate"));
        }

        Assert.Equal("https://ada.example/", items[^1].Authors[0].Uri);
        Assert.Null(items[0].Authors[0].Uri);
        Assert.Contains("<strong>Markdown</strong>", ((TextSyndicationContent)items[^1].Content).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", ((TextSyndicationContent)items[1].Content).Text, StringComparison.OrdinalIgnoreCase);

        // Nothing private: no email and no IP hash of any comment, approved or not.
        var stored = await host.Storage.Comments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey lt '~'")).ToListAsync();
        var ipHashes = stored.Select(e => e.GetString("IpHash")).OfType<string>().Where(h => h.Length > 0).ToArray();
        Assert.NotEmpty(ipHashes);
        foreach (var secret in emails.Concat(ipHashes))
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(pending, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_answers_304_while_unchanged_and_shows_a_new_comment_at_once()
    {
        var host = fixture.Host;
        var slug = await host.AddArticleAsync("feedetag");
        using var first = await host.Client.GetAsync($"articles/{slug}/comments.atom");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(Read(await first.Content.ReadAsStringAsync()).Items);
        var etag = first.Headers.ETag!;
        Assert.Equal(Api.Http.HttpCaching.PublicShortLived, first.Headers.CacheControl?.ToString());

        using var again = await host.GetIfNoneMatchAsync($"articles/{slug}/comments.atom", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        var id = await host.SubmitApprovedAsync(slug, "Nia", $"nia-{Guid.NewGuid():N}@example.com", "A new comment changes the feed.");
        using var changed = await host.GetIfNoneMatchAsync($"articles/{slug}/comments.atom", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.EndsWith($"/{id}", Assert.Single(Read(await changed.Content.ReadAsStringAsync()).Items).Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_articles_feed_holds_only_its_newest_fifty()
    {
        var host = fixture.Host;
        var slug = await host.AddArticleAsync("feedmany");
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var seeded = Enumerable.Range(0, NewestComments.FeedSize + 10).Select(i => new Comment
        {
            Slug = slug,
            Id = CommentId.FromSource(start.AddSeconds(i), $"feed:{slug}:{i}"),
            Author = "Seed",
            Email = "seed-secret@example.com",
            Body = $"Seeded comment {i}.",
            Created = start.AddSeconds(i),
            Status = CommentStatus.Approved,
            IpHash = "seeded-ip-hash-secret",
        }).ToArray();
        await new CommentStore(host.Storage).InsertManyAsync(slug, seeded, CancellationToken.None);

        var text = await host.Client.GetStringAsync($"articles/{slug}/comments.atom");
        var items = Read(text).Items.ToArray();

        Assert.Equal(seeded.Reverse().Take(NewestComments.FeedSize).Select(c => c.Id), items.Select(i => i.Id[(i.Id.LastIndexOf('/') + 1)..]));
        Assert.DoesNotContain("seed-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("seeded-ip-hash-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_feed_holds_the_newest_comments_of_every_article_with_their_titles()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var older = await host.AddArticleAsync("siteone");
        var newer = await host.AddArticleAsync("sitetwo");
        var ids = new List<(string Slug, string Id)>();
        foreach (var slug in new[] { older, newer, older })
        {
            var id = await host.SubmitApprovedAsync(slug, "Sam", $"site-{Guid.NewGuid():N}@example.com", $"A comment on {slug}.");
            ids.Add((slug, id));
        }

        using var response = await host.Client.GetAsync("comments.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Read(await response.Content.ReadAsStringAsync());

        Assert.Equal($"tag:{host.BaseAddress.Host},2026:comments", feed.Id);
        Assert.Equal(new Uri(host.Client.BaseAddress!, "comments.atom"), Link(feed.Links, "self"));
        // Other tests' articles share the storage account: ours are the newest three, in order.
        var ours = feed.Items.Where(i => ids.Any(x => i.Id.EndsWith($"/{x.Slug}/{x.Id}", StringComparison.Ordinal))).ToArray();
        Assert.Equal(ids.AsEnumerable().Reverse().Select(x => $"tag:{host.BaseAddress.Host},2026:comments/{x.Slug}/{x.Id}"), ours.Select(i => i.Id));
        Assert.Equal($"Sam on Test article {older}", ours[0].Title.Text);
        Assert.True(feed.Items.Count() <= NewestComments.FeedSize);

        using var again = await host.GetIfNoneMatchAsync("comments.atom", response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("articles/no-such-article-anywhere/comments.atom")]
    [InlineData("articles/Not_A_Slug/comments.atom")]
    public async Task A_feed_for_no_article_is_a_404_problem(string path)
    {
        using var response = await fixture.Host.Client.GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static SyndicationFeed Read(string atom)
    {
        using var reader = XmlReader.Create(new StringReader(atom));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "the answer is an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static Uri Link(IEnumerable<SyndicationLink> links, string rel) => Assert.Single(links, l => l.RelationshipType == rel).Uri;
}
