using Commentary.Core.Moderation.Policy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.IntegrationTests;

/// <summary>Live moderation settings in Blob Storage, and the signals the processor feeds the policy.</summary>
/// <remarks>Settings are global, so these tests get an Azurite and a host of their own.</remarks>
public sealed class ModerationSettingsTests : IClassFixture<StorageFixture>
{
    private readonly SelfHost _host;

    public ModerationSettingsTests(StorageFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    private Task<(JsonObject Settings, string ETag)> GetSettingsAsync() => _host.GetModerationSettingsAsync();

    private Task<HttpResponseMessage> PutSettingsAsync(string json, string? ifMatch) => _host.PutModerationSettingsAsync(json, ifMatch);

    [Fact]
    public async Task A_moderator_adds_a_blocked_term_and_the_next_comment_with_it_is_rejected_without_a_restart()
    {
        var (settings, etag) = await GetSettingsAsync();
        settings["blockedTerms"]!["terms"]!.AsArray().Add("zorbly");
        using (var saved = await PutSettingsAsync(settings.ToJsonString(), etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(etag, saved.Headers.ETag!.ToString());
        }

        using (var stale = await PutSettingsAsync(settings.ToJsonString(), etag))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var slug = await _host.AddArticleAsync("settings");
        var id = await _host.SubmitAsync(slug, "Zed", $"zed-{Guid.NewGuid():N}@example.com", "What a zorbly thing to say.");
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, id));

        // Another instance (a fresh provider whose refresh interval has passed) sees the same settings.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var elsewhere = new PolicyProvider(_host.Services.GetRequiredService<ModerationSettingsStore>(), clock, NullLogger<PolicyProvider>.Instance);
        var before = await elsewhere.CurrentAsync(CancellationToken.None);
        var input = new ModerationInput("Zed", "zed@example.com", null, "What a zorbly thing to say.", new CommenterRecord(3, 0, 0));
        Assert.Equal(Core.Comments.CommentStatus.Rejected, before.Decide(input).Status);
    }

    [Fact]
    public async Task A_document_that_names_one_setting_changes_it_and_keeps_every_shipped_list()
    {
        var (before, etag) = await GetSettingsAsync();
        using (var saved = await PutSettingsAsync("""{ "firstComment": { "enabled": false } }""", etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var (after, afterETag) = await GetSettingsAsync();
        var expected = ModerationSettings.Defaults;
        expected.FirstComment.Enabled = false;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.ToJson()), after), after.ToJsonString());

        // A new commenter's ordinary comment is published (the hold is off); one with a slur is still rejected.
        var slug = await _host.AddArticleAsync("partial-settings");
        var ordinary = await _host.SubmitAsync(slug, "Ann", $"ann-{Guid.NewGuid():N}@example.com", "Thank you, this helped me sleep.");
        var slur = await _host.SubmitAsync(slug, "Bo", $"bo-{Guid.NewGuid():N}@example.com", "You are a kike and everyone knows it.");
        Assert.Equal("approved", await _host.StoredStatusAsync(slug, ordinary));
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, slur));

        using var restored = await PutSettingsAsync(before.ToJsonString(), afterETag);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task Settings_that_do_not_parse_or_do_not_validate_are_400_and_change_nothing()
    {
        var (settings, etag) = await GetSettingsAsync();
        using (var malformed = await PutSettingsAsync("{\"blockedTerms\":", etag))
        {
            await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var twice = await PutSettingsAsync("""{ "links": { "holdAt": 3 }, "links": { "holdAt": 4 } }""", etag))
        {
            await twice.ProblemAsync(HttpStatusCode.BadRequest);
        }

        settings["links"]!["holdAt"] = -3;
        using (var invalid = await PutSettingsAsync(settings.ToJsonString(), etag))
        {
            var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem["errors"]!.AsObject());
        }

        Assert.Equal(etag, (await GetSettingsAsync()).ETag);
    }

    [Fact]
    public async Task Values_a_site_left_as_an_earlier_release_shipped_them_take_this_releases()
    {
        // An earlier release shipped links.rejectAt 5 and urgentAt 0.58; the site kept the first and set its own second.
        var (current, _) = await GetSettingsAsync();
        var stored = current.DeepClone().AsObject();
        stored["links"]!["rejectAt"] = 5;
        stored["classifier"]!["crisis"]!["urgentAt"] = 0.7;
        var savedAgainst = ReleaseValues.Snapshot(JsonNode.Parse(ModerationSettings.Defaults.ToJson())!.AsObject());
        savedAgainst["links.rejectAt"] = 5;
        savedAgainst["classifier.crisis.urgentAt"] = 0.58;
        stored[ModerationSettingsStore.ShippedValuesProperty] = savedAgainst;
        var blob = _host.Services.GetRequiredService<StorageClients>().Settings.GetBlobClient(ModerationSettingsStore.BlobName);
        await blob.UploadAsync(BinaryData.FromString(stored.ToJsonString()), overwrite: true);

        var (read, readETag) = await GetSettingsAsync();
        Assert.Equal(ModerationSettings.Defaults.Links.RejectAt, read["links"]!["rejectAt"]!.GetValue<int>());
        Assert.Equal(0.7, read["classifier"]!["crisis"]!["urgentAt"]!.GetValue<double>());
        Assert.Null(read[ModerationSettingsStore.ShippedValuesProperty]);

        // Saved again, the store records this release's values beside them.
        using (var saved = await PutSettingsAsync(current.ToJsonString(), readETag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var written = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(ModerationSettings.Defaults.Links.RejectAt, written[ModerationSettingsStore.ShippedValuesProperty]!["links.rejectAt"]!.GetValue<int>());
    }

    [Fact]
    public async Task Settings_saved_by_an_earlier_release_take_up_the_words_this_release_ships()
    {
        // What an earlier release wrote: the whole settings document alone, its crisis language without a phrase this
        // release ships, and a suspect term the site had removed.
        var (current, etag) = await GetSettingsAsync();
        var older = current.DeepClone().AsObject();
        var crisis = older["crisisLanguage"]!["terms"]!.AsArray();
        crisis.Remove(crisis.Single(t => t!.GetValue<string>() == "sleep and never wake up"));
        var suspect = older["suspectTerms"]!["terms"]!.AsArray();
        suspect.Remove(suspect.Single(t => t!.GetValue<string>() == "kill you"));
        var blob = _host.Services.GetRequiredService<StorageClients>().Settings.GetBlobClient(ModerationSettingsStore.BlobName);
        await blob.UploadAsync(BinaryData.FromString(older.ToJsonString()), overwrite: true);

        // A legacy document has no record of what it was saved against, so every shipped word comes back once.
        var (read, readETag) = await GetSettingsAsync();
        Assert.NotEqual(etag, readETag);
        Assert.Contains(read["crisisLanguage"]!["terms"]!.AsArray(), t => t!.GetValue<string>() == "sleep and never wake up");
        Assert.Contains(read["suspectTerms"]!["terms"]!.AsArray(), t => t!.GetValue<string>() == "kill you");
        Assert.Null(read[ModerationSettingsStore.ShippedWordListsProperty]);

        // Saved now, the store keeps the shipped lists beside the settings: a word removed again stays removed.
        var removed = read["suspectTerms"]!["terms"]!.AsArray();
        removed.Remove(removed.Single(t => t!.GetValue<string>() == "kill you"));
        using (var saved = await PutSettingsAsync(read.ToJsonString(), readETag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var stored = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        Assert.NotNull(stored[ModerationSettingsStore.ShippedWordListsProperty]);
        var (again, _) = await GetSettingsAsync();
        Assert.DoesNotContain(again["suspectTerms"]!["terms"]!.AsArray(), t => t!.GetValue<string>() == "kill you");
        Assert.Contains(again["crisisLanguage"]!["terms"]!.AsArray(), t => t!.GetValue<string>() == "sleep and never wake up");

        var (restore, restoreETag) = await GetSettingsAsync();
        restore["suspectTerms"] = current["suspectTerms"]!.DeepClone();
        using var restored = await PutSettingsAsync(restore.ToJsonString(), restoreETag);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task The_same_body_posted_again_is_rejected_as_a_duplicate()
    {
        var first = await _host.AddArticleAsync("dup-a");
        var second = await _host.AddArticleAsync("dup-b");
        var body = $"Great article, thank you so much {Guid.NewGuid():N}!";
        var original = await _host.SubmitAsync(first, "One", $"one-{Guid.NewGuid():N}@example.com", body);
        Assert.Equal("pending", await _host.StoredStatusAsync(first, original));

        var copy = await _host.SubmitAsync(second, "Two", $"two-{Guid.NewGuid():N}@example.com", body.ToUpperInvariant() + "  ");
        Assert.Equal("rejected", await _host.StoredStatusAsync(second, copy));
        var record = await _host.ListedForModerationAsync(second, copy, "rejected");
        Assert.Contains(record["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == ModerationRules.Duplicate);
    }

    [Fact]
    public async Task A_flood_from_one_email_is_held_and_crisis_language_comes_first_in_the_queue()
    {
        var slug = await _host.AddArticleAsync("flood");
        var email = $"busy-{Guid.NewGuid():N}@example.com";
        var first = await _host.SubmitApprovedAsync(slug, "Busy", email, "My first comment here, about sleep.");

        var statuses = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = await _host.SubmitAsync(slug, "Busy", email, $"Another thought, number {i}, on a different point {Guid.NewGuid():N}.");
            statuses.Add(await _host.StoredStatusAsync(slug, id));
        }

        Assert.Equal(["approved", "approved", "approved", "approved", "approved", "pending"], statuses);

        var crisis = await _host.SubmitAsync(slug, "Low", $"low-{Guid.NewGuid():N}@example.com", "Some days I want to end it all.");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, crisis));
        using var request = _host.AsModerator(HttpMethod.Get, $"moderation/comments?status=pending&article={slug}");
        using var response = await _host.Client.SendAsync(request);
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
        Assert.Equal(crisis, items[0]!["id"]!.GetValue<string>());
        Assert.Equal("urgent", items[0]!["priority"]!.GetValue<string>());
        Assert.All(items, i => Assert.Equal(slug, i!["slug"]!.GetValue<string>()));
        Assert.Contains(items.Skip(1), i => i!["reasons"]!.AsArray().Any(r => r!["rule"]!.GetValue<string>() == ModerationRules.Flood));
    }
}
