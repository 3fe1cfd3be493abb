using System.Net.Http.Headers;
using Azure;

namespace Commentary.IntegrationTests;

/// <summary>
/// A writer edits and deletes their own comment with the edit token of its receipt, on the self-host over a real
/// Azurite: the edit goes through the queue and the whole moderation again, the history keeps the old text, a retried
/// edit counts once, and every refusal is a problem that stores nothing.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class AuthorEditTests(StorageFixture fixture)
{
    private sealed record Posted(string Id, string Token, DateTimeOffset EditableUntil);

    private static async Task<Posted> PostAsync(SelfHost host, string slug, string body, string? parentId = null, string? key = null, string? email = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments")
        {
            Content = JsonContent.Create(new { author = "Sam", email = email ?? $"sam-{Guid.NewGuid():N}@example.com", body, parentId }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a receipt with a secret is never cached");
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new Posted(receipt["id"]!.GetValue<string>(), receipt["editToken"]!.GetValue<string>(), receipt["editableUntil"]!.GetValue<DateTimeOffset>());
    }

    private static async Task<HttpResponseMessage> EditAsync(SelfHost host, string slug, string id, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"articles/{slug}/comments/{id}") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(SelfHost host, string slug, string id, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"articles/{slug}/comments/{id}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Client.SendAsync(request);
    }

    private static Task<Comment> StoredWithBodyAsync(SelfHost host, string slug, string id, string body) =>
        Eventually.GetAsync(async () =>
        {
            var stored = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);
            return stored?.Body == body ? stored : null;
        }, $"comment {id} to read '{body}'");

    private static async Task<string[]> EventKindsAsync(SelfHost host, string slug, string id) =>
        (await host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}"))["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToArray();

    private static async Task<Posted> PublishedAsync(SelfHost host, string slug, string body, string? parentId = null)
    {
        var posted = await PostAsync(host, slug, body, parentId);
        await host.StoredStatusAsync(slug, posted.Id);
        await host.ModerateAsync("approve", slug, posted.Id);
        return posted;
    }

    // The edit window is counted from posting: moving the stored time back closes it, as the clock would.
    private static async Task PostedLongAgoAsync(SelfHost host, string slug, string id) =>
        await host.Storage.Comments.UpdateEntityAsync(
            new TableEntity(slug, id) { ["Created"] = DateTimeOffset.UtcNow.AddHours(-1) }, ETag.All, TableUpdateMode.Merge);

    [Fact]
    public async Task An_edit_is_moderated_again_as_a_whole_keeps_its_id_and_place_and_the_history_keeps_the_old_text()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("edit");
        var first = await PublishedAsync(host, slug, "The first comment on this article.");
        // Invisible marks pasted with the text are taken out, on posting and on editing, not refused.
        var mine = await PublishedAsync(host, slug, "My original\u200B words about the article.\uFEFF");
        var last = await PublishedAsync(host, slug, "A later comment by someone else.");
        Assert.True(mine.EditableUntil > DateTimeOffset.UtcNow.AddMinutes(14) && mine.EditableUntil <= DateTimeOffset.UtcNow.AddMinutes(15));

        using (var edited = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "\u202BMy clearer words about the article.\u202C" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
            Assert.Equal($"/api/articles/{slug}/comments/{mine.Id}", edited.Headers.Location?.OriginalString);
        }

        var stored = await StoredWithBodyAsync(host, slug, mine.Id, "My clearer words about the article.");
        Assert.NotNull(stored.EditedAt);
        var page = await Eventually.GetAsync(async () =>
        {
            var list = await host.GetJsonAsync($"articles/{slug}/comments");
            return list["items"]!.AsArray().Any(i => i!["edited"] is not null) ? list : null;
        }, "the edit to be listed");
        Assert.Equal([first.Id, mine.Id, last.Id], page.Ids());
        var shown = page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == mine.Id)!;
        Assert.Equal("My clearer words about the article.", shown["body"]!.GetValue<string>());

        // Now words the policy rejects: the edit is decided as a new comment would be, and leaves the public list.
        using (var spam = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "Try our online casino bonus today." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, spam.StatusCode);
        }

        Assert.Equal(CommentStatus.Rejected, (await StoredWithBodyAsync(host, slug, mine.Id, "Try our online casino bonus today.")).Status);
        await Eventually.GetAsync(async () => (await host.GetJsonAsync($"articles/{slug}/comments")).Ids().Length == 2 ? "gone" : null, "the rejected edit to leave the list");
        Assert.Equal(2, (await host.GetJsonAsync($"articles/{slug}/comments"))["total"]!.GetValue<int>());

        var record = await host.GetModeratorJsonAsync($"moderation/comments/{slug}/{mine.Id}");
        var events = record["events"]!.AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), Detail: e["detail"]?.GetValue<string>())).ToArray();
        Assert.Equal(["submitted", "decided", "approved", "edited", "decided", "edited", "decided"], events.Select(e => e.Kind));
        Assert.Equal(["My original words about the article.", "My clearer words about the article."], events.Where(e => e.Kind == "edited").Select(e => e.Detail));
        Assert.StartsWith("rejected: blocked-term", events[^1].Detail, StringComparison.Ordinal);
        Assert.Equal("Try our online casino bonus today.", record["body"]!.GetValue<string>());
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(mine.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retried_edit_counts_once()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("edit-retry");
        var mine = await PublishedAsync(host, slug, "Words before the edit.");

        // Sent together, both may find the old text and both be queued: the second copy must change nothing.
        var twice = await Task.WhenAll(
            EditAsync(host, slug, mine.Id, mine.Token, new { body = "Words after the edit." }),
            EditAsync(host, slug, mine.Id, mine.Token, new { body = "Words after the edit." }));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await StoredWithBodyAsync(host, slug, mine.Id, "Words after the edit.");
        using (var again = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "Words after the edit." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        // A later edit is queued after the copies, so once it is stored they have all been handled.
        using (var later = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "Words after a second edit." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        }

        await StoredWithBodyAsync(host, slug, mine.Id, "Words after a second edit.");
        var kinds = await Eventually.GetAsync(async () =>
        {
            var found = await EventKindsAsync(host, slug, mine.Id);
            return found.Count(k => k == "edited") >= 2 ? found : null;
        }, "both edits in the history");
        Assert.Equal(2, kinds.Count(k => k == "edited"));
        foreach (var response in twice)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_deleted_comment_with_replies_stays_as_a_placeholder_and_one_without_disappears()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("delete");
        var parent = await PublishedAsync(host, slug, "A comment that someone answers.");
        var reply = await PublishedAsync(host, slug, "An answer to that comment.", parent.Id);
        var alone = await PublishedAsync(host, slug, "A comment nobody answers.");

        using (var deleted = await DeleteAsync(host, slug, parent.Id, parent.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var again = await DeleteAsync(host, slug, parent.Id, parent.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        using (var deleted = await DeleteAsync(host, slug, alone.Id, alone.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var page = await host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Equal([parent.Id, reply.Id], page.Ids());
        var placeholder = page["items"]!.AsArray()[0]!;
        Assert.True(placeholder["deleted"]!.GetValue<bool>());
        Assert.Equal(string.Empty, placeholder["author"]!.GetValue<string>());
        Assert.Equal(string.Empty, placeholder["body"]!.GetValue<string>());
        Assert.DoesNotContain("someone answers", page.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(parent.Id, page["items"]!.AsArray()[1]!["parentId"]!.GetValue<string>());
        Assert.Contains("author-deleted", await EventKindsAsync(host, slug, parent.Id));

        Assert.Null(await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, alone.Id, CancellationToken.None));
        using (var gone = await DeleteAsync(host, slug, alone.Id, alone.Token))
        {
            await gone.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var editGone = await EditAsync(host, slug, parent.Id, parent.Token, new { body = "Bringing it back." }))
        {
            await editGone.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_wrong_or_missing_token_or_a_closed_window_is_403_and_stores_nothing()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("edit-refused");
        var mine = await PublishedAsync(host, slug, "My words, which only I may change.");
        var other = await PublishedAsync(host, slug, "Somebody else's words.");
        var before = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);

        foreach (var token in new[] { null, other.Token, mine.Token[..^2], "not-a-token", new string('x', 5000) })
        {
            using var edit = await EditAsync(host, slug, mine.Id, token, new { body = "Words from a stranger." });
            Assert.Equal("https://commentary.dev/problems/not-your-comment", (await edit.ProblemAsync(HttpStatusCode.Forbidden))["type"]!.GetValue<string>());
            using var delete = await DeleteAsync(host, slug, mine.Id, token);
            await delete.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var unknown = await EditAsync(host, slug, "01JH8ZQ4W6X5N3M2K1P0R9S8T7", mine.Token, new { body = "No such comment." }))
        {
            await unknown.ProblemAsync(HttpStatusCode.NotFound);
        }

        var after = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);

        // An allowed edit now: had a refused one been queued, its text would be in the history before this one.
        using (var allowed = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "My words, changed by me." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        await StoredWithBodyAsync(host, slug, mine.Id, "My words, changed by me.");
        var events = (await host.GetModeratorJsonAsync($"moderation/comments/{slug}/{mine.Id}"))["events"]!.AsArray();
        Assert.Equal(["My words, which only I may change."], events.Where(e => e!["kind"]!.GetValue<string>() == "edited").Select(e => e!["detail"]!.GetValue<string>()));

        await PostedLongAgoAsync(host, slug, mine.Id);
        var closedAt = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);
        using (var late = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "Too late to change this." }))
        {
            Assert.Equal("https://commentary.dev/problems/edit-window-closed", (await late.ProblemAsync(HttpStatusCode.Forbidden))["type"]!.GetValue<string>());
        }

        using (var lateDelete = await DeleteAsync(host, slug, mine.Id, mine.Token))
        {
            await lateDelete.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var stillThere = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);
        Assert.Equal(closedAt!.ETag, stillThere!.ETag);
        Assert.Equal("My words, changed by me.", stillThere.Body);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_key_answers_the_same_token_and_the_table_holds_only_its_hash()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("edit-token");
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(host, slug, "Posted once, answered twice.", key: key, email: "kim@example.com");
        var retried = await PostAsync(host, slug, "Posted once, answered twice.", key: key, email: "kim@example.com");
        Assert.Equal(first, retried);
        await host.StoredStatusAsync(slug, first.Id);
        var again = await PostAsync(host, slug, "Posted once, answered twice.", key: key, email: "kim@example.com");
        Assert.Equal(first, again);
        var unkeyed = await PostAsync(host, slug, "Posted without a key.");
        Assert.NotEqual(first.Token, unkeyed.Token);

        var entity = (await host.Storage.Comments.GetEntityAsync<TableEntity>(slug, first.Id)).Value;
        Assert.Equal(EditTokens.Hash(first.Token), entity.GetString("EditTokenHash"));
        Assert.DoesNotContain(((IDictionary<string, object>)entity).Values, v => v is string s && s.Contains(first.Token, StringComparison.Ordinal));
        var page = await host.GetJsonAsync($"articles/{slug}/comments?limit=200");
        Assert.DoesNotContain("editToken", page.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string, HttpStatusCode> HostileEdits => new()
    {
        // what is sent as the body, its content type, the answer
        { "{\"body\":\"x\"}", "application/json", HttpStatusCode.BadRequest },
        { "{\"body\":null}", "application/json", HttpStatusCode.BadRequest },
        { "{}", "application/json", HttpStatusCode.BadRequest },
        { "{\"body\":\"" + new string('a', 5001) + "\"}", "application/json", HttpStatusCode.BadRequest },
        { "{\"body\":\"nul \\u0000 byte\"}", "application/json", HttpStatusCode.BadRequest },
        { "{\"body\":", "application/json", HttpStatusCode.BadRequest },
        { "[\"body\"]", "application/json", HttpStatusCode.BadRequest },
        { "body=new", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "{\"body\":\"" + new string('a', 70_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
    };

    [Fact]
    public async Task Hostile_edits_are_a_clear_4xx_and_change_nothing()
    {
        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType],
            HostileEdits.Select(r => (HttpStatusCode)r[2]).Distinct().Order());
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        var slug = await host.AddArticleAsync("edit-hostile");
        var mine = await PostAsync(host, slug, "Words that stay as they are.");
        await host.StoredStatusAsync(slug, mine.Id);
        var before = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);

        foreach (var row in HostileEdits)
        {
            var (content, contentType, expected) = ((string)row[0], (string)row[1], (HttpStatusCode)row[2]);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"articles/{slug}/comments/{mine.Id}")
            {
                Content = new StringContent(content, System.Text.Encoding.UTF8, contentType),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mine.Token);
            using var response = await host.Client.SendAsync(request);
            await response.ProblemAsync(expected);
        }

        var after = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, mine.Id, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal("Words that stay as they are.", after.Body);
    }

    [Fact]
    public async Task A_malformed_slug_or_id_is_404_for_edit_and_delete()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        (string Slug, string Id)[] paths =
        [
            ("not%20a%20slug", "01JH8ZQ4W6X5N3M2K1P0R9S8T7"),
            ("edit-paths", "..%2F..%2Fsecrets"),
            ("edit-paths", "01jh8zq4w6x5n3m2k1p0r9s8t7"),
        ];
        foreach (var (slug, id) in paths)
        {
            using var edit = await EditAsync(host, slug, id, "token", new { body = "Some new words." });
            await edit.ProblemAsync(HttpStatusCode.NotFound);
            using var delete = await DeleteAsync(host, slug, id, "token");
            await delete.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Every_answer_of_editing_and_deleting_is_the_one_the_document_describes()
    {
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString);
        using var openApi = await host.Client.GetAsync("openapi.json");
        var contract = new OpenApiContract(JsonNode.Parse(await openApi.Content.ReadAsStringAsync())!.AsObject());
        var slug = await host.AddArticleAsync("edit-openapi");
        const string Item = "/articles/{slug}/comments/{id}";

        using (var posted = await host.PostCommentAsync(slug, "Reader", $"openapi-{Guid.NewGuid():N}@example.com", "A comment its writer changes."))
        {
            await contract.AssertDocumentedAsync(posted, "POST", "/articles/{slug}/comments");
        }

        var parent = await PublishedAsync(host, slug, "A comment with an answer, then deleted.");
        await PublishedAsync(host, slug, "The answer.", parent.Id);
        var mine = await PublishedAsync(host, slug, "Words to be edited.");
        using (var edited = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "Words after the edit." }))
        {
            await contract.AssertDocumentedAsync(edited, "PUT", Item);
        }

        await StoredWithBodyAsync(host, slug, mine.Id, "Words after the edit.");
        using (var status = await host.Client.GetAsync($"articles/{slug}/comments/{mine.Id}"))
        {
            Assert.NotNull((await contract.AssertDocumentedAsync(status, "GET", Item))!["edited"]);
        }

        using (var deleted = await DeleteAsync(host, slug, parent.Id, parent.Token))
        {
            await contract.AssertDocumentedAsync(deleted, "DELETE", Item);
        }

        using (var page = await host.Client.GetAsync($"articles/{slug}/comments"))
        {
            Assert.True((await contract.AssertDocumentedAsync(page, "GET", "/articles/{slug}/comments"))!["items"]![0]!["deleted"]!.GetValue<bool>());
        }

        using (var invalid = await EditAsync(host, slug, mine.Id, mine.Token, new { body = "x" }))
        {
            await contract.AssertDocumentedAsync(invalid, "PUT", Item);
        }

        using (var wrong = await EditAsync(host, slug, mine.Id, parent.Token, new { body = "Not mine to change." }))
        {
            await contract.AssertDocumentedAsync(wrong, "PUT", Item);
        }

        using (var wrongDelete = await DeleteAsync(host, slug, mine.Id, null))
        {
            await contract.AssertDocumentedAsync(wrongDelete, "DELETE", Item);
        }

        using (var unknown = await DeleteAsync(host, slug, "01JH8ZQ4W6X5N3M2K1P0R9S8T7", mine.Token))
        {
            await contract.AssertDocumentedAsync(unknown, "DELETE", Item);
        }
    }
}
