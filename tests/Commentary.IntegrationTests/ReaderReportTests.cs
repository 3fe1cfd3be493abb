namespace Commentary.IntegrationTests;

/// <summary>
/// Readers report published comments. A host of its own believes <c>X-Forwarded-For</c> from loopback, so each test
/// can speak as several readers.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ReaderReportTests(StorageFixture fixture)
{
    private static async Task<HttpResponseMessage> ReportAsync(SelfHost host, string slug, string id, string reader, string reason = "Personal attack")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments/{id}/reports") { Content = JsonContent.Create(new { reason }) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", reader);
        return await host.Client.SendAsync(request);
    }

    private static async Task<int> ReportedCountAsync(SelfHost host, string slug, string id, string reader)
    {
        using var response = await ReportAsync(host, slug, id, reader);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["reports"]!.GetValue<int>();
    }

    private static async Task<string> PublishedCommentAsync(SelfHost host, string slug)
    {
        var id = await host.SubmitApprovedAsync(slug, "Blunt", $"blunt-{Guid.NewGuid():N}@example.com", "A sharp opinion about this article.");
        return id;
    }

    [Fact]
    public async Task Three_different_readers_send_a_published_comment_back_to_the_moderators_and_one_reader_counts_once()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("reports");
        var id = await PublishedCommentAsync(host, slug);

        Assert.Equal(1, await ReportedCountAsync(host, slug, id, "203.0.113.1"));
        Assert.Equal(1, await ReportedCountAsync(host, slug, id, "203.0.113.1"));
        Assert.Equal(2, await ReportedCountAsync(host, slug, id, "203.0.113.2"));
        Assert.Equal("approved", await host.StoredStatusAsync(slug, id));
        Assert.Equal([id], (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());

        Assert.Equal(3, await ReportedCountAsync(host, slug, id, "203.0.113.3"));

        Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        var page = await host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Empty(page.Ids());
        Assert.Equal(0, page["total"]!.GetValue<int>());

        var pending = await host.ListedForModerationAsync(slug, id);
        var reported = pending["reasons"]!.AsArray().Last()!;
        Assert.Equal("reported", reported["rule"]!.GetValue<string>());
        Assert.Contains("3 readers", reported["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var get = host.AsModerator(HttpMethod.Get, $"moderation/comments/{slug}/{id}");
        using var record = await host.Client.SendAsync(get);
        var events = (await record.Content.ReadFromJsonAsync<JsonObject>())!["events"]!.AsArray();
        Assert.Equal(["submitted", "decided", "approved", "reported", "reported", "reported", "reheld"], events.Select(e => e!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Only_published_comments_can_be_reported_and_a_report_needs_a_reason()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("reports-404");
        var held = await host.SubmitAsync(slug, "New", $"new-{Guid.NewGuid():N}@example.com", "Waiting for a moderator before anyone can report it.");
        await host.StoredStatusAsync(slug, held);

        using (var pending = await ReportAsync(host, slug, held, "203.0.113.9"))
        {
            await pending.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var unknown = await ReportAsync(host, slug, CommentId.New(), "203.0.113.9"))
        {
            await unknown.ProblemAsync(HttpStatusCode.NotFound);
        }

        var published = await PublishedCommentAsync(host, slug);
        using var noReason = await ReportAsync(host, slug, published, "203.0.113.9", reason: "  ");
        var problem = await noReason.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["reason"]);
    }

    [Fact]
    public async Task Reports_from_before_a_moderator_published_the_comment_again_do_not_hold_it_again()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("reports-again");
        var id = await PublishedCommentAsync(host, slug);
        foreach (var reader in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            await ReportedCountAsync(host, slug, id, reader);
        }

        Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        await host.ModerateAsync("approve", slug, id);

        Assert.Equal(4, await ReportedCountAsync(host, slug, id, "198.51.100.4"));
        Assert.Equal("approved", await host.StoredStatusAsync(slug, id));
    }
}
