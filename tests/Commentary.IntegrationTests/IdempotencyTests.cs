namespace Commentary.IntegrationTests;

/// <summary>Client retries with <c>Idempotency-Key</c>: the same post twice is one comment.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class IdempotencyTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private async Task<HttpResponseMessage> PostAsync(string slug, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments")
        {
            Content = JsonContent.Create(new { author = "Retry Ruth", email = "retry@example.com", body }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await _host.Client.SendAsync(request);
    }

    private async Task<List<string>> StoredIdsAsync(string slug)
    {
        var ids = new List<string>();
        await foreach (var e in _host.Storage.Comments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey lt '~'")))
        {
            ids.Add(e.RowKey);
        }

        return ids;
    }

    [Fact]
    public async Task The_same_key_and_body_return_the_same_id_and_store_one_comment_before_and_after_moderation()
    {
        var slug = await _host.AddArticleAsync("idem");
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(slug, key, "Posted once, sent three times.");
        using var second = await PostAsync(slug, key, "Posted once, sent three times.");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        await _host.StoredStatusAsync(slug, id);
        using var third = await PostAsync(slug, key, "Posted once, sent three times.");
        Assert.Equal(id, (await third.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        await Drained.QueueAsync(_host.Storage.Submissions);

        Assert.Equal([id], await StoredIdsAsync(slug));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_creates_nothing()
    {
        var slug = await _host.AddArticleAsync("idem422");
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(slug, key, "The original comment.");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var changed = await PostAsync(slug, key, "A different comment under the same key.");
        await changed.ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var id = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await _host.StoredStatusAsync(slug, id);
        Assert.Equal([id], await StoredIdsAsync(slug));
    }

    [Fact]
    public async Task A_key_with_spaces_or_over_255_characters_is_refused()
    {
        var slug = await _host.AddArticleAsync("idembad");
        using var spaced = await PostAsync(slug, "has spaces", "Body text here.");
        Assert.NotNull((await spaced.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["Idempotency-Key"]);
        using var longKey = await PostAsync(slug, new string('k', 256), "Body text here.");
        await longKey.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
