namespace Commentary.IntegrationTests;

/// <summary>A commenter asks what we hold about them, then asks us to forget it.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class CommenterDataTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public async Task A_moderator_can_export_and_then_erase_everything_stored_about_an_email_address()
    {
        var email = $"Forget.Me-{Guid.NewGuid():N}@example.com";
        var bystander = $"stay-{Guid.NewGuid():N}@example.com";
        var first = await _host.AddArticleAsync("gdpr-a");
        var second = await _host.AddArticleAsync("gdpr-b");
        var approved = await _host.SubmitApprovedAsync(first, "Forget Me", email, "Please remember this one, for now.");
        var pending = await _host.SubmitAsync(second, "Forget Me", email.ToUpperInvariant(), "And this one waits for review.");
        var kept = await _host.SubmitAsync(first, "Stays", bystander, "I am not going anywhere.");
        await _host.StoredStatusAsync(second, pending);
        await _host.ListedForModerationAsync(first, kept);
        await Eventually.GetAsync(async () =>
            (await _host.Services.GetRequiredService<CommenterHistory>().CommentsOfAsync(email, CancellationToken.None)).Count == 2 ? "indexed" : null,
            "both comments in the commenter's history");
        var poisoned = new SubmissionMessage(1, CommentId.New(), "gdpr-a", "Forget Me", email, null, "", null, null, DateTimeOffset.UtcNow);
        await _host.Storage.SubmissionsPoison.SendMessageAsync(poisoned.ToJson());

        using var exportRequest = _host.AsModerator(HttpMethod.Get, $"moderation/commenters/{Uri.EscapeDataString(email)}");
        using var exported = await _host.Client.SendAsync(exportRequest);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var export = (await exported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([approved, pending], export["comments"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Contains(export["poisonMessages"]!.AsArray(), p => p!["commentId"]?.GetValue<string>() == poisoned.Id);

        using var eraseRequest = _host.AsModerator(HttpMethod.Delete, $"moderation/commenters/{Uri.EscapeDataString(email)}");
        using var erased = await _host.Client.SendAsync(eraseRequest);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var erasure = (await erased.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, erasure["comments"]!.GetValue<int>());
        Assert.Equal(1, erasure["poisonMessages"]!.GetValue<int>());

        var store = _host.Services.GetRequiredService<CommentStore>();
        Assert.Null(await store.FindAsync(first, approved, CancellationToken.None));
        Assert.Null(await store.FindAsync(second, pending, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(first, kept, CancellationToken.None));
        Assert.Empty(await _host.Services.GetRequiredService<CommenterHistory>().CommentsOfAsync(email, CancellationToken.None));
        Assert.Equal(0, (await _host.GetJsonAsync($"articles/{first}"))["commentCount"]!.GetValue<int>());

        foreach (var article in new[] { first, second })
        {
            using var listRequest = _host.AsModerator(HttpMethod.Get, $"moderation/comments?status=pending&article={article}");
            using var list = await _host.Client.SendAsync(listRequest);
            var listed = await list.Content.ReadAsStringAsync();
            Assert.DoesNotContain(email, listed, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(article == first, listed.Contains(bystander, StringComparison.Ordinal));
        }

        using var again = _host.AsModerator(HttpMethod.Get, $"moderation/commenters/{Uri.EscapeDataString(email)}");
        using var empty = await _host.Client.SendAsync(again);
        var after = (await empty.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Empty(after["comments"]!.AsArray());
        Assert.Empty(after["poisonMessages"]!.AsArray());
    }

    [Fact]
    public async Task An_address_that_is_not_an_email_is_400()
    {
        using var request = _host.AsModerator(HttpMethod.Get, "moderation/commenters/not-an-email");
        using var response = await _host.Client.SendAsync(request);
        Assert.NotNull((await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["email"]);
    }
}
