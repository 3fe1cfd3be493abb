namespace Commentary.IntegrationTests;

/// <summary>Bans, spam, bulk actions and each comment's history, through real HTTP on the self-host.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class ModeratorToolsTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    private async Task<JsonObject> BanAsync(object ban)
    {
        using var request = _host.AsModerator(HttpMethod.Post, "moderation/bans");
        request.Content = JsonContent.Create(ban);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> RecordAsync(string slug, string id)
    {
        using var request = _host.AsModerator(HttpMethod.Get, $"moderation/comments/{slug}/{id}");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string[] Rules(JsonObject record) =>
        record["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_banned_email_has_its_next_comment_rejected_until_the_ban_is_lifted()
    {
        var slug = await _host.AddArticleAsync("ban");
        var email = NewEmail("banned");
        var ban = await BanAsync(new { email, reason = "Casino links" });
        Assert.Equal("email", ban["kind"]!.GetValue<string>());
        Assert.Equal(email, ban["email"]!.GetValue<string>());
        Assert.Equal(CommenterIdentity.EmailHash(email), ban["hash"]!.GetValue<string>());
        Assert.True(ban["active"]!.GetValue<bool>());

        var listed = await _host.GetModeratorJsonAsync("moderation/bans");
        Assert.Contains(listed["items"]!.AsArray(), b => b!["id"]!.GetValue<string>() == ban["id"]!.GetValue<string>());

        var rejected = await _host.SubmitAsync(slug, "Spammer", email, "Hello there, a perfectly polite comment.");
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, rejected));
        var record = await RecordAsync(slug, rejected);
        Assert.Contains("banned", Rules(record));
        Assert.Contains(record["reasons"]!.AsArray(), r => r!["detail"]!.GetValue<string>().Contains("Casino links", StringComparison.Ordinal));

        using (var lift = _host.AsModerator(HttpMethod.Delete, $"moderation/bans/{ban["id"]!.GetValue<string>()}"))
        using (var lifted = await _host.Client.SendAsync(lift))
        {
            Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        }

        using (var again = _host.AsModerator(HttpMethod.Delete, $"moderation/bans/{ban["id"]!.GetValue<string>()}"))
        using (var gone = await _host.Client.SendAsync(again))
        {
            await gone.ProblemAsync(HttpStatusCode.NotFound);
        }

        var after = await _host.SubmitAsync(slug, "Spammer", email, "Another perfectly polite comment.");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, after));
        Assert.DoesNotContain("banned", Rules(await RecordAsync(slug, after)));
    }

    [Fact]
    public async Task An_expired_ban_no_longer_rejects_and_is_listed_as_inactive()
    {
        var slug = await _host.AddArticleAsync("ban-expired");
        var email = NewEmail("lapsed");
        var ban = await BanAsync(new { email, reason = "Was rude", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.False(ban["active"]!.GetValue<bool>());

        var id = await _host.SubmitAsync(slug, "Lapsed", email, "I have calmed down since.");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));
        Assert.DoesNotContain("banned", Rules(await RecordAsync(slug, id)));
    }

    [Fact]
    public async Task A_ban_needs_exactly_one_of_email_and_ip_hash_and_a_reason()
    {
        foreach (var body in new object[]
        {
            new { reason = "No one named" },
            new { email = "a@example.com", ipHash = new string('a', 64), reason = "Both named" },
            new { ipHash = "not-a-hash", reason = "Bad hash" },
            new { email = "a@example.com", reason = " " },
        })
        {
            using var request = _host.AsModerator(HttpMethod.Post, "moderation/bans");
            request.Content = JsonContent.Create(body);
            using var response = await _host.Client.SendAsync(request);
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Marking_spam_rejects_the_comment_rejects_a_repost_as_duplicate_and_can_ban_the_commenter()
    {
        var slug = await _host.AddArticleAsync("spam");
        var email = NewEmail("spammer");
        var body = $"Visit my shop for great deals {Guid.NewGuid():N}";
        var id = await _host.SubmitAsync(slug, "Seller", email, body);
        await _host.StoredStatusAsync(slug, id);

        var marked = await _host.ModerateAsync("spam", slug, id, new { ban = true, reason = "Shop links" });
        var ipHash = marked["ipHash"]!.GetValue<string>();
        try
        {
            Assert.Equal("rejected", marked["status"]!.GetValue<string>());
            Assert.Equal("spam: Shop links", marked["statusNote"]!.GetValue<string>());
            Assert.Equal("spam", marked["events"]!.AsArray().Last()!["kind"]!.GetValue<string>());

            var bans = (await _host.GetModeratorJsonAsync("moderation/bans"))["items"]!.AsArray();
            Assert.Contains(bans, b => b!["email"]?.GetValue<string>() == email && b["reason"]!.GetValue<string>() == "spam: Shop links");
            Assert.Contains(bans, b => b!["kind"]!.GetValue<string>() == "ip" && b["hash"]!.GetValue<string>() == ipHash);

            // The same text from someone else, with its spacing and case changed, is still the same spam.
            var repost = await _host.SubmitAsync(slug, "Other", NewEmail("repost"), body.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal));
            Assert.Equal("rejected", await _host.StoredStatusAsync(slug, repost));
            Assert.Contains("duplicate", Rules(await RecordAsync(slug, repost)));
        }
        finally
        {
            // Lift the IP ban (all tests post from one address), pass or fail, so other tests are not rejected as banned.
            var bans = (await _host.GetModeratorJsonAsync("moderation/bans"))["items"]!.AsArray();
            foreach (var ban in bans.Where(b => b!["hash"]!.GetValue<string>() == ipHash))
            {
                using var lift = _host.AsModerator(HttpMethod.Delete, $"moderation/bans/{ban!["id"]!.GetValue<string>()}");
                using var lifted = await _host.Client.SendAsync(lift);
                Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Marking_spam_without_a_ban_bans_no_one()
    {
        var slug = await _host.AddArticleAsync("spam-noban");
        var email = NewEmail("maybe");
        var id = await _host.SubmitAsync(slug, "Maybe", email, $"Borderline promotion {Guid.NewGuid():N}");
        await _host.StoredStatusAsync(slug, id);

        using var request = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/spam");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var marked = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("spam", marked["statusNote"]!.GetValue<string>());

        var bans = (await _host.GetModeratorJsonAsync("moderation/bans"))["items"]!.AsArray();
        Assert.DoesNotContain(bans, b => b!["email"]?.GetValue<string>() == email);
    }

    [Fact]
    public async Task A_bulk_action_answers_for_each_item_on_its_own()
    {
        var slug = await _host.AddArticleAsync("bulk");
        var first = await _host.SubmitAsync(slug, "One", NewEmail("bulk"), "First comment for the bulk test.");
        var second = await _host.SubmitAsync(slug, "Two", NewEmail("bulk"), "Second comment for the bulk test.");
        await _host.StoredStatusAsync(slug, first);
        await _host.StoredStatusAsync(slug, second);
        var missing = CommentId.New();

        using var request = _host.AsModerator(HttpMethod.Post, "moderation/comments/bulk");
        request.Content = JsonContent.Create(new
        {
            action = "reject",
            reason = "Off topic",
            items = new object[] { new { slug, id = first }, new { slug, id = missing }, new { slug = "Not A Slug", id = second }, new { slug, id = second } },
        });
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();

        Assert.Equal(["ok", "not-found", "invalid", "ok"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal([first, missing, second, second], results.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("rejected", results[0]!["comment"]!["status"]!.GetValue<string>());
        Assert.Equal("Off topic", results[3]!["comment"]!["statusNote"]!.GetValue<string>());
        Assert.Null(results[1]!["comment"]);
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, first));
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, second));
    }

    [Fact]
    public async Task A_bulk_reject_needs_a_reason_and_at_most_a_hundred_items()
    {
        var items = Enumerable.Range(0, 101).Select(_ => new { slug = "some-article", id = CommentId.New() }).ToArray();
        foreach (var body in new object[]
        {
            new { action = "reject", items = items.Take(1) },
            new { action = "approve", items },
            new { action = "publish", items = items.Take(1) },
            new { action = "approve", items = Array.Empty<object>() },
        })
        {
            using var request = _host.AsModerator(HttpMethod.Post, "moderation/comments/bulk");
            request.Content = JsonContent.Create(body);
            using var response = await _host.Client.SendAsync(request);
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_comment_keeps_its_history_in_order_with_who_when_and_why()
    {
        var slug = await _host.AddArticleAsync("history");
        var id = await _host.SubmitAsync(slug, "Noor", NewEmail("history"), "A comment whose story we follow.");
        await _host.StoredStatusAsync(slug, id);

        await _host.ModerateAsync("reject", slug, id, new { reason = "Too short" });
        var approved = await _host.ModerateAsync("approve", slug, id);

        var events = approved["events"]!.AsArray();
        Assert.Equal(["submitted", "decided", "rejected", "approved"], events.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(["Noor", "policy", SelfHost.ModeratorName, SelfHost.ModeratorName], events.Select(e => e!["by"]!.GetValue<string>()));
        Assert.StartsWith("pending: first-comment", events[1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Too short", events[2]!["detail"]!.GetValue<string>());
        var times = events.Select(e => e!["at"]!.GetValue<DateTimeOffset>()).ToArray();
        Assert.Equal(times.Order(), times);

        var record = await RecordAsync(slug, id);
        Assert.Equal(events.ToJsonString(), record["events"]!.ToJsonString());
        Assert.NotNull(record["history"]);
    }

    [Fact]
    public async Task Erasing_a_commenter_also_erases_the_history_of_their_comments()
    {
        var slug = await _host.AddArticleAsync("history-erase");
        var email = NewEmail("forget");
        var id = await _host.SubmitApprovedAsync(slug, "Forget", email, "Please forget me later.");
        var events = _host.Services.GetService(typeof(Core.Moderation.CommentEvents)) as Core.Moderation.CommentEvents;
        Assert.NotEmpty(await events!.ListAsync(slug, id, CancellationToken.None));

        using var erase = _host.AsModerator(HttpMethod.Delete, $"moderation/commenters/{email}");
        using var erased = await _host.Client.SendAsync(erase);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        Assert.Empty(await events.ListAsync(slug, id, CancellationToken.None));
    }
}
