using System.Text;

namespace Commentary.IntegrationTests;

/// <summary>Status codes, headers and problem answers a client can rely on, through real HTTP on the self-host.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class HttpContractTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    public static TheoryData<string, string> ModerationRoutes => new()
    {
        { "GET", "moderation/comments" },
        { "GET", "moderation/comments?status=approved" },
        { "POST", $"moderation/comments/some-article/{CommentId.New()}/approve" },
        { "POST", $"moderation/comments/some-article/{CommentId.New()}/reject" },
        { "DELETE", $"moderation/comments/some-article/{CommentId.New()}" },
        { "GET", "moderation/poison" },
        { "POST", $"moderation/poison/{Guid.NewGuid()}/requeue" },
        { "DELETE", $"moderation/poison/{Guid.NewGuid()}" },
        { "GET", "moderation/commenters/ann@example.com" },
        { "DELETE", "moderation/commenters/ann@example.com" },
        { "GET", "moderation/settings" },
        { "PUT", "moderation/settings" },
        { "GET", $"moderation/comments/some-article/{CommentId.New()}" },
        { "POST", $"moderation/comments/some-article/{CommentId.New()}/spam" },
        { "POST", "moderation/comments/bulk" },
        { "GET", "moderation/bans" },
        { "POST", "moderation/bans" },
        { "DELETE", $"moderation/bans/email-{new string('a', 64)}" },
    };

    [Theory]
    [MemberData(nameof(ModerationRoutes))]
    public async Task Every_moderation_route_answers_401_without_a_key_or_with_a_wrong_one(string method, string path)
    {
        using var anonymous = new HttpRequestMessage(new HttpMethod(method), path);
        using var noKey = await _host.Client.SendAsync(anonymous);
        await noKey.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", noKey.Headers.WwwAuthenticate.Single().Scheme);

        using var wrong = _host.AsModerator(new HttpMethod(method), path, key: "not-the-key");
        using var wrongKey = await _host.Client.SendAsync(wrong);
        await wrongKey.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_article_answers_304_to_a_client_that_has_the_current_version_and_200_after_a_change()
    {
        var slug = await _host.AddArticleAsync("etag");
        using var first = await _host.Client.GetAsync($"articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"articles/{slug}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _host.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // An approved comment changes the count in the answer, so the old ETag no longer matches.
        var email = $"etag-{Guid.NewGuid():N}@example.com";
        var id = await _host.SubmitApprovedAsync(slug, "Eve", email, "Changing the count.");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"articles/{slug}");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await _host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Posting_to_an_unknown_article_is_404_and_to_a_closed_one_is_409()
    {
        using var unknown = await _host.PostCommentAsync("no-such-article-" + Guid.NewGuid().ToString("N")[..8], "A", "a@example.com", "Hello there");
        await unknown.ProblemAsync(HttpStatusCode.NotFound);

        var closed = await _host.AddArticleAsync("closed", commentsOpen: false);
        using var refused = await _host.PostCommentAsync(closed, "A", "a@example.com", "Hello there");
        await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.False((await _host.GetJsonAsync($"articles/{closed}"))["commentsOpen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_an_error_for_each_field()
    {
        var slug = await _host.AddArticleAsync("invalid");
        using var response = await _host.PostCommentAsync(slug, "", "not-an-email", "x", website: "javascript:alert(1)", parentId: "nope");
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["author", "body", "email", "parentId", "website"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reply_to_a_comment_that_is_not_published_is_refused()
    {
        var slug = await _host.AddArticleAsync("reply");
        var pending = await _host.SubmitAsync(slug, "P", $"p-{Guid.NewGuid():N}@example.com", "Still pending.");
        await _host.StoredStatusAsync(slug, pending);
        using var response = await _host.PostCommentAsync(slug, "Q", "q@example.com", "A reply", parentId: pending);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["parentId"]);
    }

    [Fact]
    public async Task Bodies_that_are_not_json_malformed_or_too_large_are_refused_without_a_stack_trace()
    {
        var slug = await _host.AddArticleAsync("bodies");
        using var text = await _host.Client.PostAsync($"articles/{slug}/comments", new StringContent("hello", Encoding.UTF8, "text/plain"));
        await text.ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        using var malformed = await _host.Client.PostAsync($"articles/{slug}/comments", new StringContent("{\"author\":", Encoding.UTF8, "application/json"));
        var problem = await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Exception", problem.ToJsonString(), StringComparison.Ordinal);

        var huge = new string('a', 70 * 1024);
        using var tooLarge = await _host.Client.PostAsync($"articles/{slug}/comments", new StringContent($"{{\"body\":\"{huge}\"}}", Encoding.UTF8, "application/json"));
        await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_commenters_email_and_ip_hash_never_appear_in_a_public_answer()
    {
        var slug = await _host.AddArticleAsync("privacy");
        var email = $"private-{Guid.NewGuid():N}@example.com";
        var id = await _host.SubmitAsync(slug, "Private Person", email, "Please keep my address private.");
        await _host.StoredStatusAsync(slug, id);
        var record = await _host.ModerateAsync("approve", slug, id);
        var ipHash = record["ipHash"]!.GetValue<string>();
        Assert.Equal(64, ipHash.Length);

        foreach (var path in new[] { $"articles/{slug}/comments", $"articles/{slug}/comments/{id}", $"articles/{slug}", "articles?limit=100" })
        {
            var body = await _host.Client.GetStringAsync(path);
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ipHash, body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"email\"", body, StringComparison.Ordinal);
        }

        Assert.Contains("Private Person", await _host.Client.GetStringAsync($"articles/{slug}/comments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_html_is_inert_even_when_the_body_is_an_attack()
    {
        var slug = await _host.AddArticleAsync("xss");
        var email = $"xss-{Guid.NewGuid():N}@example.com";
        var body = "<img src=x onerror=alert(1)> <script>alert(2)</script>";
        var id = await _host.SubmitApprovedAsync(slug, "Mallory", email, body);

        var item = (await _host.GetJsonAsync($"articles/{slug}/comments"))["items"]![0]!;
        Assert.Equal(body, item["body"]!.GetValue<string>());
        var html = item["html"]!.GetValue<string>();
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approved_comments_page_oldest_first_with_a_continuation_token()
    {
        var slug = await _host.AddArticleAsync("paging");
        var email = $"pager-{Guid.NewGuid():N}@example.com";
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = await _host.SubmitApprovedAsync(slug, "Pager", email, $"Comment number {i}.");
            ids.Add(id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _host.GetJsonAsync($"articles/{slug}/comments?limit=2" + (token is null ? "" : "&continuationToken=" + token));
            Assert.Equal(5, page["total"]!.GetValue<int>());
            seen.AddRange(page.Ids());
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);

        using var badLimit = await _host.Client.GetAsync($"articles/{slug}/comments?limit=500");
        Assert.NotNull((await badLimit.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["limit"]);
        using var badToken = await _host.Client.GetAsync($"articles/{slug}/comments?continuationToken=' or 1 eq 1");
        Assert.NotNull((await badToken.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["continuationToken"]);
    }

    [Fact]
    public async Task Articles_are_listed_newest_first_with_their_comment_counts()
    {
        var older = await _host.AddArticleAsync("older", published: DateTimeOffset.UtcNow.AddYears(5));
        var newer = await _host.AddArticleAsync("newer", published: DateTimeOffset.UtcNow.AddYears(6));
        var list = await _host.GetJsonAsync("articles?limit=100");
        var slugs = list["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToList();
        Assert.True(slugs.IndexOf(newer) < slugs.IndexOf(older), "newest first");
        Assert.Equal(0, list["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == newer)!["commentCount"]!.GetValue<int>());

        var paged = await _host.GetJsonAsync("articles?limit=1");
        Assert.Single(paged["items"]!.AsArray());
        Assert.Equal("1", paged["continuationToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_routes_and_articles_answer_problem_json_404()
    {
        using var route = await _host.Client.GetAsync("no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);

        using var article = await _host.Client.GetAsync("articles/not-here");
        await article.ProblemAsync(HttpStatusCode.NotFound);
        using var badSlug = await _host.Client.GetAsync("articles/Not%20A%20Slug");
        await badSlug.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_comment_status_is_pending_while_queued_and_404_for_an_unknown_id()
    {
        var slug = await _host.AddArticleAsync("status");
        var old = "01ARZ3NDEKTSV4RRFFQ69G5FAV"; // a valid id from 2016, never stored
        using var unknown = await _host.Client.GetAsync($"articles/{slug}/comments/{old}");
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("no-store", unknown.Headers.CacheControl?.ToString());

        using var garbage = await _host.Client.GetAsync($"articles/{slug}/comments/garbage");
        await garbage.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seeded_sample_articles_are_not_overwritten_when_seeding_runs_again()
    {
        var store = _host.Services.GetService(typeof(Core.Articles.ArticleStore)) as Core.Articles.ArticleStore;
        var slug = await _host.AddArticleAsync("seeded");
        var before = await store!.FindAsync(slug, CancellationToken.None);
        var added = await store.AddIfMissingAsync(slug, "---\ntitle: Replaced\nauthor: X\npublished: 2020-01-01\n---\nNew", CancellationToken.None);
        Assert.False(added);
        Assert.Equal(before!.Article.Title, (await store.FindAsync(slug, CancellationToken.None))!.Article.Title);
    }

    [Fact]
    public async Task Moderation_list_rejects_an_unknown_status()
    {
        using var request = _host.AsModerator(HttpMethod.Get, "moderation/comments?status=spam");
        using var response = await _host.Client.SendAsync(request);
        Assert.NotNull((await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["status"]);
    }
}
