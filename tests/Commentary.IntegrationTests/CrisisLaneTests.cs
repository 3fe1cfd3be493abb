using Commentary.Core.Moderation.Policy;

namespace Commentary.IntegrationTests;

/// <summary>
/// The crisis lane's writer-facing half on the shared host (shipped settings, no mail): the status answer carries the
/// default resources to the writer only, nothing shows anywhere public, the answer matches the OpenAPI document, and
/// the private reply says clearly that mail is not configured.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class CrisisLaneTests(StorageFixture fixture)
{
    public const string CrisisBody = "I read this at 4am again. Honestly I want to die, everyone would be better off without me.";
    private readonly SelfHost _host = fixture.Host;

    private async Task<OpenApiContract> ContractAsync()
    {
        var document = await _host.GetJsonAsync("openapi.json");
        return new OpenApiContract(document);
    }

    private static async Task<JsonObject> DocumentedAsync(OpenApiContract contract, HttpResponseMessage response, string method, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text);
        var results = contract.Validate(method, path, (int)response.StatusCode, response.Content.Headers.ContentType!.MediaType!, body);
        Assert.True(results.IsValid, $"{method} {path} does not match the document:\n{OpenApiContract.Describe(results)}\n{text}");
        return body!.AsObject();
    }

    [Fact]
    public async Task The_writer_of_a_crisis_comment_gets_the_default_resources_and_no_one_else_sees_a_trace()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("crisis-status");
        var id = await _host.SubmitAsync(slug, "Alex", $"alex-{Guid.NewGuid():N}@example.com", CrisisBody);
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));

        JsonObject status;
        using (var response = await _host.Client.GetAsync($"articles/{slug}/comments/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            status = await DocumentedAsync(contract, response, "GET", "/articles/{slug}/comments/{id}");
        }

        var resources = status["crisisResources"]!.AsObject();
        var defaults = ModerationSettings.Defaults.CrisisResources.Default;
        Assert.Equal(defaults.Heading, resources["heading"]!.GetValue<string>());
        Assert.Equal(defaults.Message, resources["message"]!.GetValue<string>());
        Assert.Empty(resources["resources"]!.AsArray());

        // Polling again (as the widget does) records the set once; an unknown country changes nothing.
        (await _host.GetJsonAsync($"articles/{slug}/comments/{id}?country=ZZ&lang=xx-!!")).AsObject();
        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        var shown = record["events"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == CommentEventKinds.ResourcesShown).ToArray();
        Assert.Equal(CrisisResourceMatch.DefaultKey, Assert.Single(shown)!["detail"]!.GetValue<string>());
        Assert.True(record["crisis"]!["shown"]!.GetValue<bool>());
        Assert.Equal(defaults.Heading, record["crisis"]!["resources"]!["heading"]!.GetValue<string>());
        Assert.Contains("Alex", record["crisis"]!["reply"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(record["crisis"]!["canSendMail"]!.GetValue<bool>());

        // Another reader: the public list, the count and the article show nothing of it.
        var page = await _host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
        var article = await _host.GetJsonAsync($"articles/{slug}");
        Assert.Equal(0, article["commentCount"]!.GetValue<int>());
        foreach (var answer in new[] { page.ToJsonString(), article.ToJsonString() })
        {
            Assert.DoesNotContain("crisisResources", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(defaults.Heading, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(id, answer, StringComparison.Ordinal);
        }

        // The moderators' list carries it too, and matches the document.
        await _host.ListedForModerationAsync(slug, id);
        using var listRequest = _host.AsModerator(HttpMethod.Get, $"moderation/comments?status=pending&article={slug}");
        using var list = await _host.Client.SendAsync(listRequest);
        var listed = await DocumentedAsync(contract, list, "GET", "/moderation/comments");
        var item = listed["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("urgent", item["priority"]!.GetValue<string>());
        Assert.Equal(CrisisResourceMatch.DefaultKey, item["crisis"]!["match"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_status_of_a_comment_outside_the_crisis_lane_has_no_crisis_field()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("crisis-none");
        var held = await _host.SubmitAsync(slug, "Sam", $"sam-{Guid.NewGuid():N}@example.com", "This helped me sleep better. Thank you.");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, held));
        var approved = await _host.SubmitApprovedAsync(slug, "Kim", $"kim-{Guid.NewGuid():N}@example.com", "A second, ordinary comment.");

        foreach (var id in new[] { held, approved })
        {
            using var response = await _host.Client.GetAsync($"articles/{slug}/comments/{id}?country=US&lang=en");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await DocumentedAsync(contract, response, "GET", "/articles/{slug}/comments/{id}");
            Assert.False(status.ContainsKey("crisisResources"), status.ToJsonString());
            Assert.Equal(["id", "status"], status.Select(p => p.Key).ToArray());
        }

        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{held}");
        Assert.Null(record["crisis"]);
        Assert.DoesNotContain(record["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.ResourcesShown);

        using var reply = await _host.Client.SendAsync(_host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{held}/private-reply"));
        var problem = await reply.ProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/not-in-crisis-lane", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_request_for_an_unknown_comment_reveals_nothing()
    {
        var slug = await _host.AddArticleAsync("crisis-unknown");
        foreach (var path in new[]
        {
            $"articles/{slug}/comments/01AAAAAAAAAAAAAAAAAAAAAAAA?country=US",
            $"articles/no-such-article/comments/01AAAAAAAAAAAAAAAAAAAAAAAA",
            $"articles/{slug}/comments/not-an-id?lang=en",
        })
        {
            using var response = await _host.Client.GetAsync(path);
            var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("crisisResources", problem.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_private_reply_without_mail_settings_is_a_409_that_says_so_and_records_nothing()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("crisis-nomail");
        var id = await _host.SubmitAsync(slug, "Jo", $"jo-{Guid.NewGuid():N}@example.com", CrisisBody);
        await _host.StoredStatusAsync(slug, id);

        using var request = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/private-reply");
        request.Content = JsonContent.Create(new { subject = "Thinking of you" });
        using var response = await _host.Client.SendAsync(request);
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/mail-not-configured", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Mail__Host", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(contract.Validate("POST", "/moderation/comments/{slug}/{id}/private-reply", 409, "application/problem+json", problem).IsValid);

        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.DoesNotContain(record["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.PrivateReply);
    }

    [Theory]
    [InlineData("""{"countries":["US"],"heading":"H","message":"M","resources":[{"name":"Bad","url":"javascript:alert(1)"}]}""", "crisisResources.sets[0].resources[0].url")]
    [InlineData("""{"countries":["US"],"heading":"H","message":"M","resources":[{"name":"Bad","url":"data:text/html,hi"}]}""", "crisisResources.sets[0].resources[0].url")]
    [InlineData("""{"countries":["US"],"heading":"H","message":"M","resources":[{"name":"Bad","phone":"CALL-NOW"}]}""", "crisisResources.sets[0].resources[0].phone")]
    [InlineData("""{"countries":["XX"],"heading":"H","message":"M","resources":[]}""", "crisisResources.sets[0].countries[0]")]
    [InlineData("""{"languages":["en"],"heading":"H","message":"M","resources":[]}""", null)]
    public async Task Settings_with_unsafe_or_unknown_resources_are_refused_by_json_path(string set, string? path)
    {
        var (settings, etag) = await _host.GetModerationSettingsAsync();
        settings["crisisResources"]!["sets"] = new JsonArray(JsonNode.Parse(set));
        if (path is null)
        {
            // Too many entries and text over its limit, in a set that is otherwise fine.
            var entries = new JsonArray();
            for (var i = 0; i < 21; i++)
            {
                entries.Add(new JsonObject { ["name"] = $"Line {i}", ["phone"] = "116 123" });
            }

            settings["crisisResources"]!["sets"]![0]!["resources"] = entries;
            settings["crisisResources"]!["default"]!["heading"] = new string('h', 121);
        }

        using var response = await _host.PutModerationSettingsAsync(settings.ToJsonString(), etag);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        foreach (var expected in path is null ? new[] { "crisisResources.sets[0].resources", "crisisResources.default.heading" } : [path])
        {
            Assert.Contains(expected, keys);
        }

        Assert.Equal(etag, (await _host.GetModerationSettingsAsync()).ETag);
    }

    [Fact]
    public async Task A_writer_polling_the_status_costs_one_history_read_then_none()
    {
        var counter = new StorageRequestCounter();
        var storage = counter.ClientsFor(fixture.Azurite.ConnectionString);
        var crisis = new CrisisSupport(
            new CommentEvents(storage),
            new Core.Articles.ArticleStore(storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Articles.ArticleStore>.Instance),
            new Core.Notifications.SmtpMailSender(Microsoft.Extensions.Options.Options.Create(new Core.Notifications.MailOptions())),
            TimeProvider.System);
        var comment = new Core.Comments.Comment
        {
            Slug = "polling-" + Guid.NewGuid().ToString("N")[..8],
            Id = Core.Comments.CommentId.New(),
            Author = "Writer",
            Email = "writer@example.com",
            Body = "Some days I want to end it all.",
            Created = DateTimeOffset.UtcNow,
            Status = Core.Comments.CommentStatus.Pending,
            Priority = CommentPriority.Urgent,
        };
        var match = new CrisisResourceMatch(ModerationSettings.Defaults.CrisisResources.Default, CrisisResourceMatch.DefaultKey);

        await crisis.RecordShownAsync(comment, match, CancellationToken.None);
        Assert.NotEmpty(counter.Requests);
        counter.Reset();
        await crisis.RecordShownAsync(comment, match, CancellationToken.None);

        Assert.Empty(counter.Requests);
        Assert.Single(await new CommentEvents(storage).ListAsync(comment.Slug, comment.Id, CancellationToken.None), e => e.Kind == CommentEventKinds.ResourcesShown);
    }
}
