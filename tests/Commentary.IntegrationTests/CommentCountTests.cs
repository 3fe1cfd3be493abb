using Commentary.Api.Http;
using Commentary.Core.Caching;

namespace Commentary.IntegrationTests;

/// <summary><c>GET /counts</c>: many articles' approved counts in one request, from the read cache, and its bad input.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class CommentCountTests(StorageFixture fixture)
{
    private const string ListingSite = "https://listing.example";

    [Fact]
    public async Task Counts_are_the_approved_counts_the_article_pages_show_and_unknown_slugs_count_zero()
    {
        var settings = new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = ListingSite };
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, settings);
        var busy = await host.AddArticleAsync("busy");
        var quiet = await host.AddArticleAsync("quiet");
        foreach (var n in new[] { 1, 2 })
        {
            var id = await host.SubmitApprovedAsync(busy, $"Reader {n}", $"count-{n}-{Guid.NewGuid():N}@example.com", $"Approved comment number {n}.");
        }

        var held = await host.SubmitAsync(busy, "Held", $"held-{Guid.NewGuid():N}@example.com", "Still waiting for a moderator.");
        Assert.Equal("pending", await host.StoredStatusAsync(busy, held));
        var unknown = $"no-such-article-{Guid.NewGuid():N}";

        using var request = new HttpRequestMessage(HttpMethod.Get, $"counts?article={busy}&article={quiet}&article={unknown}&article={busy}");
        request.Headers.Add("Origin", ListingSite);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ListingSite, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpCaching.PublicShortLived, response.Headers.CacheControl?.ToString());
        var counts = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["counts"]!.AsObject();
        Assert.Equal([busy, quiet, unknown], counts.Select(c => c.Key));
        Assert.Equal(2, counts[busy]!.GetValue<int>());
        Assert.Equal(0, counts[quiet]!.GetValue<int>());
        Assert.Equal(0, counts[unknown]!.GetValue<int>());
        Assert.Equal(2, (await host.GetJsonAsync($"articles/{busy}"))["commentCount"]!.GetValue<int>());

        // Unchanged counts: 304. An approval changes the count and the ETag at once on this instance.
        var etag = response.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await host.GetIfNoneMatchAsync($"counts?article={busy}&article={quiet}&article={unknown}&article={busy}", etag)).StatusCode);
        await host.ModerateAsync("approve", busy, held);
        using var changed = await host.GetIfNoneMatchAsync($"counts?article={busy}&article={quiet}&article={unknown}&article={busy}", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["counts"]![busy]!.GetValue<int>());
    }

    public static TheoryData<string, string, string?> BadQueries => new()
    {
        { "no slug", "counts", null },
        { "an empty slug", "counts?article=", "''" },
        { "capitals", "counts?article=good-one&article=Bad-One", "'Bad-One'" },
        { "a double hyphen", "counts?article=a--b", "'a--b'" },
        { "a path", "counts?article=..%2Fetc%2Fpasswd", "'../etc/passwd'" },
        { "a script", "counts?article=%3Cscript%3E", "'<script>'" },
        { "a slug that is too long", "counts?article=" + new string('a', 101), "'" + new string('a', 101) + "'" },
        { "101 slugs", "counts?" + string.Join('&', Enumerable.Range(0, 101).Select(i => $"article=a{i}")), "101" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_queries_are_a_400_that_names_the_bad_slugs(string name, string path, string? named)
    {
        using var response = await fixture.Host.Client.GetAsync(path);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!["article"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        Assert.True(errors.Length > 0, name);
        if (named is not null)
        {
            Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_hundred_slugs_are_accepted()
    {
        var slugs = Enumerable.Range(0, 100).Select(i => $"hundred-{i}").ToArray();

        var counts = (await fixture.Host.GetJsonAsync("counts?" + string.Join('&', slugs.Select(s => $"article={s}"))))["counts"]!.AsObject();

        Assert.Equal(slugs, counts.Select(c => c.Key));
        Assert.All(counts, c => Assert.Equal(0, c.Value!.GetValue<int>()));
    }

    [Fact]
    public async Task Warm_counts_make_no_storage_call_and_unknown_slugs_never_reach_the_comments_table()
    {
        var counter = new StorageRequestCounter();
        var connection = fixture.Azurite.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            [$"{ReadCacheOptions.Section}:FreshFor"] = "00:10:00",
            ["extensions:queues:maxPollingInterval"] = "00:10:00",
        };
        await using var host = await SelfHost.StartAsync(connection, settings, storage: counter.ClientsFor(connection));
        var slug = await host.AddArticleAsync("warmcount");
        var unknown = Enumerable.Range(0, 19).Select(i => $"made-up-{i}-{Guid.NewGuid():N}").ToArray();
        var path = $"counts?article={slug}&" + string.Join('&', unknown.Select(s => $"article={s}"));

        counter.Reset();
        await host.GetJsonAsync(path);
        // The listing of articles, and the one real article's counter: the 19 made-up slugs read nothing.
        Assert.DoesNotContain(counter.Requests, r => unknown.Any(u => r.Contains(u, StringComparison.Ordinal)));
        Assert.Single(counter.Requests, r => r.Contains($"/{StorageNames.CommentsTable}", StringComparison.Ordinal));

        counter.Reset();
        await host.GetJsonAsync(path);
        Assert.Empty(counter.Requests);
    }
}
