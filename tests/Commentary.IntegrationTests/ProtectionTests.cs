namespace Commentary.IntegrationTests;

/// <summary>Floods and key guessing, against a self-host of their own so the limits do not disturb other tests.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class ProtectionTests(StorageFixture fixture)
{
    private static readonly Dictionary<string, string?> Limited = new()
    {
        ["RateLimiting:Comments:PermitsPerMinute"] = "2",
        ["RateLimiting:Comments:Burst"] = "2",
        ["RateLimiting:ModeratorKeys:FreeFailures"] = "3",
        ["Network:TrustedProxies:0"] = "127.0.0.1",
    };

    private static HttpRequestMessage From(HttpRequestMessage request, string client)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        return request;
    }

    [Fact]
    public async Task Posting_past_the_burst_is_429_with_retry_after_for_that_client_only()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, Limited);
        var slug = await host.AddArticleAsync("flood");

        async Task<HttpResponseMessage> Post(string client)
        {
            using var request = From(new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { author = "Flo", email = "flo@example.com", body = "Flooding the article." }),
            }, client);
            return await host.Client.SendAsync(request);
        }

        using (var first = await Post("203.0.113.5"))
        using (var second = await Post("203.0.113.5"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        using var third = await Post("203.0.113.5");
        await third.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var neighbour = await Post("198.51.100.7");
        Assert.Equal(HttpStatusCode.Accepted, neighbour.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_keys_lock_out_that_client_but_not_another_moderator()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, Limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var guess = From(host.AsModerator(HttpMethod.Get, "moderation/comments", key: "guess-" + i), "203.0.113.5");
            using var response = await host.Client.SendAsync(guess);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            statuses);

        // Even the right key is not checked from the locked-out address, so a lucky guess is not confirmed early.
        using var right = From(host.AsModerator(HttpMethod.Get, "moderation/comments"), "203.0.113.5");
        using var refused = await host.Client.SendAsync(right);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);

        using var colleague = From(host.AsModerator(HttpMethod.Get, "moderation/comments"), "198.51.100.7");
        using var allowed = await host.Client.SendAsync(colleague);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_moderation_answers_are_never_cached()
    {
        var host = fixture.Host;
        var slug = await host.AddArticleAsync("headers");
        foreach (var path in new[] { "articles", $"articles/{slug}", $"articles/{slug}/comments", "health", "no/such/route", "articles/missing-one" })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using var moderation = host.AsModerator(HttpMethod.Get, "moderation/comments");
        using var answer = await host.Client.SendAsync(moderation);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        using var anonymous = await host.Client.GetAsync("moderation/comments");
        Assert.True(anonymous.Headers.CacheControl?.NoStore);
    }
}
