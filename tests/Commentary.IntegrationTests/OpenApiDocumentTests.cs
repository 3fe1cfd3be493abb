namespace Commentary.IntegrationTests;

/// <summary>
/// GET /api/openapi.json against what is really there: the routes the Functions build declares, and real answers of
/// the self-host validated against the document's schemas, including the headers it promises.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class OpenApiDocumentTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private async Task<OpenApiContract> ContractAsync()
    {
        using var response = await _host.Client.GetAsync("openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        return new OpenApiContract(document);
    }


    [Fact]
    public async Task The_document_describes_every_http_function_of_the_functions_build_and_nothing_else()
    {
        var contract = await ContractAsync();

        var declared = FunctionsMetadata.HttpRoutes()
            .Select(r => $"{r.Method} /{r.Route} {r.Name}")
            .Order(StringComparer.Ordinal);
        var documented = contract.Operations()
            .Select(o => $"{o.Method} {o.Path} {o.OperationId}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, documented);
    }

    [Fact]
    public async Task Every_example_in_the_document_matches_its_schema()
    {
        var contract = await ContractAsync();
        var examples = new List<(string Where, JsonNode? Example)>();
        void Collect(JsonNode? node, string location)
        {
            if (node is JsonObject obj)
            {
                if (obj.ContainsKey("schema") && obj.ContainsKey("example"))
                {
                    examples.Add((location, obj["example"]));
                }

                foreach (var (key, value) in obj)
                {
                    Collect(value, location + "/" + OpenApiContract.Escape(key));
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], $"{location}/{i}");
                }
            }
        }

        Collect(contract.Document, string.Empty);

        Assert.True(examples.Count >= 15, $"Only {examples.Count} examples found.");
        Assert.All(examples, e =>
        {
            var results = contract.Evaluate(e.Where + "/schema", e.Example);
            Assert.True(results.IsValid, $"The example at {e.Where} does not match its schema:\n{OpenApiContract.Describe(results)}");
        });
    }

    [Fact]
    public async Task The_schemas_refuse_answers_that_break_the_contract()
    {
        var contract = await ContractAsync();
        const string list = "/components/schemas/ArticleList";

        Assert.True(contract.Evaluate(list, JsonNode.Parse("""{"items":[],"continuationToken":null}""")).IsValid);
        Assert.False(contract.Evaluate(list, JsonNode.Parse("""{"items":[]}""")).IsValid);
        Assert.False(contract.Evaluate(list, JsonNode.Parse("""{"items":[],"continuationToken":null,"extra":1}""")).IsValid);
        Assert.False(contract.Evaluate("/components/schemas/PublicComment", JsonNode.Parse(
            """{"id":"01JH8ZQ4W6X5N3M2K1P0R9S8T7","parentId":null,"author":"A","website":null,"body":"b","html":"b","created":"2026-01-01T00:00:00Z","email":"a@example.com"}""")).IsValid);
        Assert.False(contract.Evaluate("/components/schemas/ArticleSummary", JsonNode.Parse(
            """{"slug":"a","title":"t","author":"a","published":"yesterday","updated":null,"summary":null,"tags":[],"commentCount":0}""")).IsValid);
        Assert.False(contract.Evaluate("/components/schemas/ValidationProblem", JsonNode.Parse(
            """{"type":"https://commentary.dev/problems/validation","title":"Invalid","status":400}""")).IsValid);
    }

    [Fact]
    public async Task Public_answers_match_the_document()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("openapi-public");

        using (var articles = await _host.Client.GetAsync("articles?limit=100"))
        {
            await contract.AssertDocumentedAsync(articles, "GET", "/articles");
        }

        using (var article = await _host.Client.GetAsync($"articles/{slug}"))
        {
            await contract.AssertDocumentedAsync(article, "GET", "/articles/{slug}");
        }

        using var posted = await _host.PostCommentAsync(slug, "Reader", $"openapi-{Guid.NewGuid():N}@example.com", "A comment with https://example.com in it.");
        var receipt = await contract.AssertDocumentedAsync(posted, "POST", "/articles/{slug}/comments");
        var id = receipt!["id"]!.GetValue<string>();
        await _host.StoredStatusAsync(slug, id);
        await _host.ModerateAsync("approve", slug, id);

        using (var status = await _host.Client.GetAsync($"articles/{slug}/comments/{id}"))
        {
            await contract.AssertDocumentedAsync(status, "GET", "/articles/{slug}/comments/{id}");
        }

        using var page = await _host.Client.GetAsync($"articles/{slug}/comments");
        var comments = await contract.AssertDocumentedAsync(page, "GET", "/articles/{slug}/comments");
        Assert.Single(comments!["items"]!.AsArray());

        using var health = await _host.Client.GetAsync("health");
        await contract.AssertDocumentedAsync(health, "GET", "/health");

        using var counts = await _host.Client.GetAsync($"counts?article={slug}&article=no-such-article");
        var counted = await contract.AssertDocumentedAsync(counts, "GET", "/counts");
        Assert.Equal(1, counted!["counts"]![slug]!.GetValue<int>());

        // A feed is XML, not JSON: its media type and headers are what the document says.
        foreach (var (feed, route) in new[] { ($"articles/{slug}/comments.atom", "/articles/{slug}/comments.atom"), ("comments.atom", "/comments.atom") })
        {
            using var atom = await _host.Client.GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
            var (documented, _) = contract.Response("GET", route, 200);
            Assert.Equal(atom.Content.Headers.ContentType!.MediaType, Assert.Single(documented["content"]!.AsObject()).Key);
            Assert.All(documented["headers"]!.AsObject(), h => Assert.True(atom.Headers.Contains(h.Key), $"{route} lacks {h.Key}"));
        }
    }

    [Fact]
    public async Task Moderator_answers_match_the_document()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("openapi-moderation");
        var id = await _host.SubmitAsync(slug, "Held", $"held-{Guid.NewGuid():N}@example.com", "Waiting for a moderator to read the OpenAPI sample.");
        await _host.ListedForModerationAsync(slug, id);

        using (var listRequest = _host.AsModerator(HttpMethod.Get, $"moderation/comments?status=pending&article={slug}&limit=200"))
        using (var list = await _host.Client.SendAsync(listRequest))
        {
            var body = await contract.AssertDocumentedAsync(list, "GET", "/moderation/comments");
            Assert.Contains(body!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        }

        using (var rejectRequest = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/reject"))
        {
            rejectRequest.Content = JsonContent.Create(new { reason = "Off topic." });
            using var rejected = await _host.Client.SendAsync(rejectRequest);
            var record = await contract.AssertDocumentedAsync(rejected, "POST", "/moderation/comments/{slug}/{id}/reject");
            Assert.Equal("rejected", record!["status"]!.GetValue<string>());
        }

        using var deleteRequest = _host.AsModerator(HttpMethod.Delete, $"moderation/comments/{slug}/{id}");
        using var deleted = await _host.Client.SendAsync(deleteRequest);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await contract.AssertDocumentedAsync(deleted, "DELETE", "/moderation/comments/{slug}/{id}");
    }

    [Fact]
    public async Task Moderator_tool_answers_match_the_document()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("openapi-tools");
        var id = await _host.SubmitAsync(slug, "Tool", $"tool-{Guid.NewGuid():N}@example.com", $"Checked against the document {Guid.NewGuid():N}.");
        await _host.StoredStatusAsync(slug, id);

        using (var getRequest = _host.AsModerator(HttpMethod.Get, $"moderation/comments/{slug}/{id}"))
        using (var record = await _host.Client.SendAsync(getRequest))
        {
            var body = await contract.AssertDocumentedAsync(record, "GET", "/moderation/comments/{slug}/{id}");
            Assert.NotEmpty(body!["events"]!.AsArray());
        }

        using (var bulkRequest = _host.AsModerator(HttpMethod.Post, "moderation/comments/bulk"))
        {
            bulkRequest.Content = JsonContent.Create(new { action = "approve", items = new[] { new { slug, id } } });
            using var bulk = await _host.Client.SendAsync(bulkRequest);
            await contract.AssertDocumentedAsync(bulk, "POST", "/moderation/comments/bulk");
        }

        using (var reportRequest = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments/{id}/reports") { Content = JsonContent.Create(new { reason = "Rude." }) })
        using (var report = await _host.Client.SendAsync(reportRequest))
        {
            await contract.AssertDocumentedAsync(report, "POST", "/articles/{slug}/comments/{id}/reports");
        }

        using (var spamRequest = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/spam"))
        {
            spamRequest.Content = JsonContent.Create(new { reason = "Advertising." });
            using var spam = await _host.Client.SendAsync(spamRequest);
            await contract.AssertDocumentedAsync(spam, "POST", "/moderation/comments/{slug}/{id}/spam");
        }

        string banId;
        using (var banRequest = _host.AsModerator(HttpMethod.Post, "moderation/bans"))
        {
            banRequest.Content = JsonContent.Create(new { email = $"banned-{Guid.NewGuid():N}@example.com", reason = "Advertising.", expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
            using var ban = await _host.Client.SendAsync(banRequest);
            banId = (await contract.AssertDocumentedAsync(ban, "POST", "/moderation/bans"))!["id"]!.GetValue<string>();
        }

        using (var listRequest = _host.AsModerator(HttpMethod.Get, "moderation/bans"))
        using (var list = await _host.Client.SendAsync(listRequest))
        {
            await contract.AssertDocumentedAsync(list, "GET", "/moderation/bans");
        }

        using var liftRequest = _host.AsModerator(HttpMethod.Delete, $"moderation/bans/{banId}");
        using var lifted = await _host.Client.SendAsync(liftRequest);
        await contract.AssertDocumentedAsync(lifted, "DELETE", "/moderation/bans/{banId}");
    }

    [Fact]
    public async Task Problem_answers_match_the_document()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("openapi-problems");

        using var invalid = await _host.PostCommentAsync(slug, "", "not-an-email", "x");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await contract.AssertDocumentedAsync(invalid, "POST", "/articles/{slug}/comments");
        Assert.NotNull(problem!["errors"]!["email"]);

        // A body that does not parse is a validation problem too, its error under "$": every 400 is one type.
        using var malformed = await _host.Client.PostAsync($"articles/{slug}/comments", new StringContent("{\"author\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var unparsed = await contract.AssertDocumentedAsync(malformed, "POST", "/articles/{slug}/comments");
        Assert.Equal("https://commentary.dev/problems/malformed-json", unparsed!["type"]!.GetValue<string>());
        Assert.Equal("Malformed JSON", unparsed["title"]!.GetValue<string>());
        Assert.NotEmpty(unparsed["errors"]!["$"]!.AsArray());

        using var anonymous = await _host.Client.GetAsync("moderation/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await contract.AssertDocumentedAsync(anonymous, "GET", "/moderation/comments");

        using var missing = await _host.Client.GetAsync("articles/no-such-article-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await contract.AssertDocumentedAsync(missing, "GET", "/articles/{slug}");

        using var badLimit = await _host.Client.GetAsync("articles?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        await contract.AssertDocumentedAsync(badLimit, "GET", "/articles");

        using var badCounts = await _host.Client.GetAsync("counts?article=Not_A_Slug");
        Assert.Equal(HttpStatusCode.BadRequest, badCounts.StatusCode);
        await contract.AssertDocumentedAsync(badCounts, "GET", "/counts");

        using var noFeed = await _host.Client.GetAsync("articles/no-such-article-here/comments.atom");
        Assert.Equal(HttpStatusCode.NotFound, noFeed.StatusCode);
        await contract.AssertDocumentedAsync(noFeed, "GET", "/articles/{slug}/comments.atom");
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi.json")]
    [InlineData("/moderation/sign-in")]
    public async Task A_request_the_host_refuses_before_the_service_reads_it_is_the_documented_4XX(string path)
    {
        var contract = await ContractAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        // Over Kestrel's 32 KB limit for all request headers.
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));

        using var refused = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, refused.StatusCode);
        Assert.Equal("/components/responses/Refused", contract.Response("GET", path, 431).Pointer);
        await contract.AssertDocumentedAsync(refused, "GET", path);
    }

    [Fact]
    public async Task The_document_is_cacheable_and_answers_304_to_a_client_that_has_it()
    {
        var contract = await ContractAsync();
        using var first = await _host.Client.GetAsync("openapi.json");
        await contract.AssertDocumentedAsync(first, "GET", "/openapi.json");

        using var again = new HttpRequestMessage(HttpMethod.Get, "openapi.json");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await _host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        await contract.AssertDocumentedAsync(notModified, "GET", "/openapi.json");
    }

    [Fact]
    public async Task Reply_pin_helpful_and_sorted_answers_match_the_document()
    {
        var contract = await ContractAsync();
        var slug = await _host.AddArticleAsync("openapi-replies");
        var id = await _host.SubmitApprovedAsync(slug, "Asker", $"asker-{Guid.NewGuid():N}@example.com", $"A question for the author {Guid.NewGuid():N}.");

        using (var replyRequest = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/replies"))
        {
            replyRequest.Content = JsonContent.Create(new { body = "An answer from the author.", asAuthor = true });
            using var reply = await _host.Client.SendAsync(replyRequest);
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
            await contract.AssertDocumentedAsync(reply, "POST", "/moderation/comments/{slug}/{id}/replies");
        }

        using (var pinRequest = _host.AsModerator(HttpMethod.Put, $"moderation/comments/{slug}/{id}/pin"))
        using (var pin = await _host.Client.SendAsync(pinRequest))
        {
            Assert.True((await contract.AssertDocumentedAsync(pin, "PUT", "/moderation/comments/{slug}/{id}/pin"))!["pinned"]!.GetValue<bool>());
        }

        using (var helpfulRequest = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments/{id}/helpful") { Content = JsonContent.Create(new { readerId = "openapi-reader-0123456789" }) })
        using (var helpful = await _host.Client.SendAsync(helpfulRequest))
        {
            await contract.AssertDocumentedAsync(helpful, "POST", "/articles/{slug}/comments/{id}/helpful");
        }

        using (var sorted = await _host.Client.GetAsync($"articles/{slug}/comments?sort=helpful"))
        {
            var page = await contract.AssertDocumentedAsync(sorted, "GET", "/articles/{slug}/comments");
            Assert.Equal(2, page!["items"]!.AsArray().Count);
        }

        using (var badSort = await _host.Client.GetAsync($"articles/{slug}/comments?sort=best"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
            await contract.AssertDocumentedAsync(badSort, "GET", "/articles/{slug}/comments");
        }

        using var unpinRequest = _host.AsModerator(HttpMethod.Delete, $"moderation/comments/{slug}/{id}/pin");
        using var unpin = await _host.Client.SendAsync(unpinRequest);
        Assert.False((await contract.AssertDocumentedAsync(unpin, "DELETE", "/moderation/comments/{slug}/{id}/pin"))!["pinned"]!.GetValue<bool>());
    }
}
