namespace Commentary.IntegrationTests;

/// <summary>
/// Replies from the dashboard with their badges, pins, "This helped" and the reader's orders, through the self-host
/// against Azurite. The host believes <c>X-Forwarded-For</c> from loopback, so a test can speak as several readers.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class RepliesPinsHelpfulTests(StorageFixture fixture)
{
    private static async Task<string> PublishedAsync(SelfHost host, string slug, string body, string? parentId = null)
    {
        var id = await host.SubmitApprovedAsync(slug, "Reader", $"reader-{Guid.NewGuid():N}@example.com", body, parentId);
        return id;
    }

    private static async Task<HttpResponseMessage> ReplyAsync(SelfHost host, string slug, string id, object body, string key = SelfHost.QueueModeratorKey)
    {
        using var request = host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/replies", key);
        request.Content = JsonContent.Create(body);
        return await host.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PinAsync(SelfHost host, string slug, string id, bool pin = true)
    {
        using var request = host.AsModerator(pin ? HttpMethod.Put : HttpMethod.Delete, $"moderation/comments/{slug}/{id}/pin", SelfHost.QueueModeratorKey);
        return await host.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> HelpedAsync(SelfHost host, string slug, string id, string address, string readerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments/{id}/helpful") { Content = JsonContent.Create(new { readerId }) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonObject> HelpedJsonAsync(SelfHost host, string slug, string id, string address, string readerId)
    {
        using var response = await HelpedAsync(host, slug, id, address, readerId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonNode Item(JsonObject page, string id) => page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task A_moderator_replies_as_the_author_and_as_themselves_and_both_are_published_at_once_with_their_badge_and_the_policys_say()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("replies");
        var question = await PublishedAsync(host, slug, "Does it get easier after the first month?");

        using var asAuthor = await ReplyAsync(host, slug, question, new { body = "It does. Give yourself time.", asAuthor = true });
        Assert.Equal(HttpStatusCode.Created, asAuthor.StatusCode);
        var authorReply = (await asAuthor.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Test Author", authorReply["author"]!.GetValue<string>());
        Assert.Equal("author", authorReply["badge"]!.GetValue<string>());
        Assert.Equal("approved", authorReply["status"]!.GetValue<string>());
        Assert.Equal(SelfHost.QueueModeratorName, authorReply["moderatedBy"]!.GetValue<string>());
        Assert.EndsWith($"/moderation/comments/{slug}/{authorReply["id"]}", asAuthor.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["submitted", "decided", "approved"], authorReply["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));

        // The policy would hold a first comment full of links; the reply is published anyway, with the reasons kept.
        using var asModerator = await ReplyAsync(host, slug, question, new { body = "See https://a.example https://b.example https://c.example https://d.example" });
        Assert.Equal(HttpStatusCode.Created, asModerator.StatusCode);
        var moderatorReply = (await asModerator.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(SelfHost.QueueModeratorName, moderatorReply["author"]!.GetValue<string>());
        Assert.Equal("moderator", moderatorReply["badge"]!.GetValue<string>());
        Assert.NotEmpty(moderatorReply["reasons"]!.AsArray());
        var decided = moderatorReply["events"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "decided")!;
        Assert.Equal("policy", decided["by"]!.GetValue<string>());
        Assert.StartsWith("pending", decided["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var page = await host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Equal([question, authorReply["id"]!.GetValue<string>(), moderatorReply["id"]!.GetValue<string>()], page.Ids());
        Assert.Equal("author", Item(page, authorReply["id"]!.GetValue<string>())["badge"]!.GetValue<string>());
        Assert.Null(Item(page, question)["badge"]);
        Assert.DoesNotContain("email", Item(page, authorReply["id"]!.GetValue<string>()).AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Replies_are_refused_to_held_comments_empty_bodies_and_callers_without_a_moderator_credential()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("replies-bad");
        var held = await host.SubmitAsync(slug, "New", $"new-{Guid.NewGuid():N}@example.com", "Held as a first comment.");
        await host.StoredStatusAsync(slug, held);

        using (var toHeld = await ReplyAsync(host, slug, held, new { body = "Hello" }))
        {
            await toHeld.ProblemAsync(HttpStatusCode.Conflict);
        }

        var published = await PublishedAsync(host, slug, "A published question.");
        using (var empty = await ReplyAsync(host, slug, published, new { body = "   " }))
        {
            var problem = await empty.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["body"]);
        }

        using (var anonymous = new HttpRequestMessage(HttpMethod.Post, $"moderation/comments/{slug}/{published}/replies") { Content = JsonContent.Create(new { body = "Hi" }) })
        using (var answer = await host.Client.SendAsync(anonymous))
        {
            await answer.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal([published], (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());
    }

    [Fact]
    public async Task Pinned_comments_come_first_at_most_three_only_published_ones_and_only_for_moderators()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("pins");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PublishedAsync(host, slug, $"Comment number {i} on this article."));
        }

        using (var pin = await PinAsync(host, slug, ids[3]))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
            Assert.True((await pin.Content.ReadFromJsonAsync<JsonObject>())!["pinned"]!.GetValue<bool>());
        }

        var page = await host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Equal([ids[3], ids[0], ids[1], ids[2], ids[4]], page.Ids());
        Assert.True(Item(page, ids[3])["pinned"]!.GetValue<bool>());
        Assert.Equal([ids[3], ids[4], ids[2], ids[1], ids[0]], (await host.GetJsonAsync($"articles/{slug}/comments?sort=newest")).Ids());

        (await PinAsync(host, slug, ids[0])).Dispose();
        (await PinAsync(host, slug, ids[1])).Dispose();
        using (var fourth = await PinAsync(host, slug, ids[4]))
        {
            var problem = await fourth.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("at most 3", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A pinned comment that leaves the list frees its place.
        await host.ModerateAsync("reject", slug, ids[1], new { reason = "Off topic after all." });
        using (var now = await PinAsync(host, slug, ids[4]))
        {
            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        }

        using (var unpin = await PinAsync(host, slug, ids[3], pin: false))
        {
            Assert.False((await unpin.Content.ReadFromJsonAsync<JsonObject>())!["pinned"]!.GetValue<bool>());
        }

        Assert.Equal([ids[0], ids[4], ids[2], ids[3]], (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());

        var held = await host.SubmitAsync(slug, "New", $"new-{Guid.NewGuid():N}@example.com", "Held, so not pinnable.");
        await host.StoredStatusAsync(slug, held);
        using (var pending = await PinAsync(host, slug, held))
        {
            await pending.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var anonymous = new HttpRequestMessage(HttpMethod.Put, $"moderation/comments/{slug}/{ids[2]}/pin"))
        using (var answer = await host.Client.SendAsync(anonymous))
        {
            await answer.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var wrongKey = host.AsModerator(HttpMethod.Put, $"moderation/comments/{slug}/{ids[2]}/pin", "not-a-moderator-key"))
        using (var answer = await host.Client.SendAsync(wrongKey))
        {
            await answer.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.False(Item(await host.GetJsonAsync($"articles/{slug}/comments"), ids[2])["pinned"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reader_marks_a_comment_helpful_once_the_count_orders_the_list_and_held_comments_cannot_be_marked()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("helpful");
        var first = await PublishedAsync(host, slug, "The first answer.");
        var second = await PublishedAsync(host, slug, "The second answer, which helped more.");
        var reply = await PublishedAsync(host, slug, "A reply to the first.", first);
        const string ReaderA = "reader-a-0123456789abcdef";
        const string ReaderB = "reader-b-0123456789abcdef";

        var marked = await HelpedJsonAsync(host, slug, second, "203.0.113.1", ReaderA);
        Assert.Equal(1, marked["helpful"]!.GetValue<int>());
        Assert.True(marked["counted"]!.GetValue<bool>());

        // The same reader again: nothing stored, the count stays.
        var again = await HelpedJsonAsync(host, slug, second, "203.0.113.1", ReaderA);
        Assert.Equal(1, again["helpful"]!.GetValue<int>());
        Assert.False(again["counted"]!.GetValue<bool>());

        // Another reader behind the same address counts, as does the first reader's id from another address.
        Assert.Equal(2, (await HelpedJsonAsync(host, slug, second, "203.0.113.1", ReaderB))["helpful"]!.GetValue<int>());
        Assert.Equal(3, (await HelpedJsonAsync(host, slug, second, "203.0.113.2", ReaderA))["helpful"]!.GetValue<int>());

        var helpful = await host.GetJsonAsync($"articles/{slug}/comments?sort=helpful");
        Assert.Equal([second, first, reply], helpful.Ids());
        Assert.Equal(3, Item(helpful, second)["helpful"]!.GetValue<int>());
        // Oldest first, with nothing pinned, is simply by time; the widget puts the reply under its parent.
        Assert.Equal([first, second, reply], (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());

        var held = await host.SubmitAsync(slug, "New", $"new-{Guid.NewGuid():N}@example.com", "Held for a moderator.");
        await host.StoredStatusAsync(slug, held);
        using (var pending = await HelpedAsync(host, slug, held, "203.0.113.1", ReaderA))
        {
            await pending.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var badReader = await HelpedAsync(host, slug, first, "203.0.113.1", "short"))
        {
            Assert.NotNull((await badReader.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["readerId"]);
        }

        using (var badSort = await host.Client.GetAsync($"articles/{slug}/comments?sort=best"))
        {
            Assert.NotNull((await badSort.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["sort"]);
        }
    }

    [Fact]
    public async Task Concurrent_marks_from_different_readers_all_count()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("helpful-race");
        var id = await PublishedAsync(host, slug, "Everyone found this useful.");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => HelpedJsonAsync(host, slug, id, $"203.0.113.{i + 10}", $"reader-{i:D2}-0123456789abcdef")));

        Assert.Equal(12, Item(await host.GetJsonAsync($"articles/{slug}/comments"), id)["helpful"]!.GetValue<int>());
    }

    [Fact]
    public async Task Switched_off_in_the_live_settings_marks_are_refused_and_the_article_says_so()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var slug = await host.AddArticleAsync("helpful-off");
        var id = await PublishedAsync(host, slug, "Worth a mark, if marks were on.");
        Assert.True((await host.GetJsonAsync($"articles/{slug}"))["helpfulMarks"]!.GetValue<bool>());

        await SwitchHelpfulMarksAsync(host, false);
        try
        {
            using (var refused = await HelpedAsync(host, slug, id, "203.0.113.1", "reader-a-0123456789abcdef"))
            {
                await refused.ProblemAsync(HttpStatusCode.Forbidden);
            }

            Assert.False((await host.GetJsonAsync($"articles/{slug}"))["helpfulMarks"]!.GetValue<bool>());
            Assert.Equal(0, Item(await host.GetJsonAsync($"articles/{slug}/comments"), id)["helpful"]!.GetValue<int>());
        }
        finally
        {
            // The settings are shared by every test on this Azurite.
            await SwitchHelpfulMarksAsync(host, true);
        }
    }

    private static Task SwitchHelpfulMarksAsync(SelfHost host, bool enabled) =>
        host.ChangeModerationSettingsAsync(settings => settings["helpfulMarks"]!["enabled"] = enabled);
}
