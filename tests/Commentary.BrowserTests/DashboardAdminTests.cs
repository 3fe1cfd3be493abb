using System.Net;
using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>The dashboard's Poison and Settings tabs in a real Chromium against the real self-host and Azurite.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardAdminTests(BrowserFixture fixture)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly SelfHost _host = fixture.Host;

    private static SubmissionMessage Submission(string slug, string body) => new(
        SubmissionMessage.CurrentVersion, CommentId.New(), slug, "Poison Pat", Seeding.NewEmail(), null, body, null, null, DateTimeOffset.UtcNow);

    private async Task<string> PoisonAsync(string text) =>
        (await _host.Storage.SubmissionsPoison.SendMessageAsync(text)).Value.MessageId;

    private async Task<bool> InPoisonQueueAsync(string messageId) =>
        (await _host.Storage.SubmissionsPoison.PeekMessagesAsync(32)).Value.Any(m => m.MessageId == messageId);

    [Fact]
    public async Task The_poison_tab_lists_messages_discards_one_after_asking_and_requeues_one_so_its_comment_is_stored()
    {
        var marker = "not a submission " + Guid.NewGuid().ToString("N");
        var malformed = await PoisonAsync(marker);
        var slug = await _host.AddArticleAsync("poisoned");
        var submission = Submission(slug, "Stuck once, fine now.");
        var valid = await PoisonAsync(submission.ToJson());
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        dashboard.AnswerConfirmations(false, true);

        await dashboard.Tab("Poison").ClickAsync();
        var bad = dashboard.PoisonItem(malformed);
        var good = dashboard.PoisonItem(valid);
        await Expect(bad).ToContainTextAsync("A message that cannot be read");
        await Expect(bad.Locator("pre")).ToBeHiddenAsync();
        await bad.GetByText("Message text").ClickAsync();
        await Expect(bad.Locator("pre")).ToHaveTextAsync(marker);
        await Expect(good).ToContainTextAsync($"A comment on {slug}");
        await Expect(good.Locator(".facts")).ToContainTextAsync(submission.Id);
        await Expect(good.Locator(".facts")).ToContainTextAsync(valid);

        await bad.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(bad).ToBeVisibleAsync();
        Assert.True(await InPoisonQueueAsync(malformed), "a dismissed confirmation discards nothing");

        await bad.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(bad).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToContainTextAsync($"Discarded message {malformed}.");
        Assert.False(await InPoisonQueueAsync(malformed));

        await good.GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();
        await Expect(good).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToContainTextAsync($"Requeued message {valid}");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, submission.Id));
        Assert.False(await InPoisonQueueAsync(valid));
    }

    [Fact]
    public async Task A_poison_message_handled_elsewhere_is_removed_as_already_handled_and_a_failure_keeps_it_with_a_notice()
    {
        var handledElsewhere = await PoisonAsync("handled elsewhere " + Guid.NewGuid().ToString("N"));
        var failing = await PoisonAsync("the API will fail " + Guid.NewGuid().ToString("N"));
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        dashboard.AnswerConfirmations(true);
        await dashboard.Tab("Poison").ClickAsync();
        await Expect(dashboard.PoisonItem(handledElsewhere)).ToBeVisibleAsync();

        // Another moderator discards it through the API while this list still shows it.
        using (var discard = _host.AsModerator(HttpMethod.Delete, $"moderation/poison/{handledElsewhere}"))
        using (var discarded = await _host.Client.SendAsync(discard))
        {
            Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        }

        await dashboard.PoisonItem(handledElsewhere).GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(dashboard.PoisonItem(handledElsewhere)).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToContainTextAsync("already handled");

        await dashboard.Page.RouteAsync($"**/moderation/poison/{failing}/requeue", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"type":"about:blank","title":"Service unavailable","status":503,"detail":"Storage did not answer in time."}""",
        }));
        await dashboard.PoisonItem(failing).GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();
        await Expect(dashboard.PoisonItem(failing).Locator(".notice")).ToHaveTextAsync(
            "This message could not be requeued: Storage did not answer in time. Try again in a moment.");
        Assert.True(await InPoisonQueueAsync(failing));
    }

    [Fact]
    public async Task Settings_are_saved_with_their_etag_and_invalid_json_problems_and_conflicts_are_explained()
    {
        var (original, originalETag) = await GetSettingsAsync();
        try
        {
            await using var context = await fixture.NewContextAsync();
            var dashboard = await DashboardPage.SignedInAsync(context);
            var puts = 0;
            dashboard.Page.Request += (_, request) =>
            {
                if (request.Method == "PUT")
                {
                    puts++;
                }
            };
            await dashboard.OpenSettingsAsync();
            var edited = JsonNode.Parse(await dashboard.SettingsBox.InputValueAsync())!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), edited), "the text box holds the settings in force");
            var holdAt = edited["links"]!["holdAt"]!.GetValue<int>();
            var save = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Save" });

            // Not JSON: caught in the page, nothing is sent.
            await dashboard.SettingsBox.FillAsync("{ \"links\": { \"holdAt\": 3, } ");
            await save.ClickAsync();
            await Expect(dashboard.SettingsFeedback).ToContainTextAsync("This is not valid JSON, so nothing was sent");
            await Expect(dashboard.SettingsBox).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(dashboard.SettingsBox).ToBeFocusedAsync();
            Assert.Equal(0, puts);

            // A negative threshold: the API's problems are listed by JSON path, and nothing changes.
            edited["links"]!["holdAt"] = -1;
            await dashboard.SettingsBox.FillAsync(edited.ToJsonString(Indented));
            await save.ClickAsync();
            await Expect(dashboard.SettingsFeedback).ToContainTextAsync("Nothing was saved");
            await Expect(dashboard.SettingsProblems.Filter(new() { HasText = "links.holdAt" })).Not.ToHaveCountAsync(0);
            await Expect(dashboard.Status).ToContainTextAsync("listed below the settings");
            await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-settings-problems.png"), FullPage = true });
            Assert.Equal(1, puts);
            Assert.Equal(originalETag, (await GetSettingsAsync()).ETag);

            // A valid change is saved with If-Match, and the page takes the new version.
            edited["links"]!["holdAt"] = holdAt + 1;
            await dashboard.SettingsBox.FillAsync(edited.ToJsonString(Indented));
            await save.ClickAsync();
            await Expect(dashboard.SettingsFeedback).ToHaveTextAsync("Saved; workers use it within a minute.");
            var (saved, savedETag) = await GetSettingsAsync();
            Assert.Equal(holdAt + 1, JsonNode.Parse(saved)!["links"]!["holdAt"]!.GetValue<int>());
            Assert.NotEqual(originalETag, savedETag);
            await Expect(dashboard.Page.Locator("#settings-version")).ToHaveTextAsync($"Version {savedETag}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(saved), JsonNode.Parse(await dashboard.SettingsBox.InputValueAsync())));

            // Someone else saves meanwhile (here: the original settings put back), so this page's next save is refused.
            var restoredETag = await PutSettingsAsync(original, savedETag);
            edited["links"]!["holdAt"] = holdAt + 2;
            await dashboard.SettingsBox.FillAsync(edited.ToJsonString(Indented));
            await save.ClickAsync();
            await Expect(dashboard.SettingsFeedback).ToContainTextAsync("Someone else changed the settings");
            var reload = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Reload" });
            await Expect(reload).ToBeFocusedAsync();
            Assert.Equal(restoredETag, (await GetSettingsAsync()).ETag);

            dashboard.AnswerConfirmations(true);
            await reload.ClickAsync();
            await Expect(dashboard.Page.Locator("#settings-version")).ToHaveTextAsync($"Version {restoredETag}");
            await Expect(dashboard.SettingsFeedback).ToBeHiddenAsync();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(await dashboard.SettingsBox.InputValueAsync())));
        }
        finally
        {
            // The settings are global to this Azurite, which other tests share: put the original ones back.
            var (_, current) = await GetSettingsAsync();
            if (current != originalETag)
            {
                await PutSettingsAsync(original, current);
            }
        }
    }

    [Fact]
    public async Task The_settings_tab_shows_the_classifier_model_in_force_and_how_it_scored()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.OpenSettingsAsync();

        var model = dashboard.Page.Locator("#model-info");
        var shipped = Core.Moderation.Classifier.ModerationModel.Shipped;
        await Expect(model).ToContainTextAsync($"Classifier model {shipped.Version} (shipped)");
        await Expect(model).ToContainTextAsync("spam-youtube.jsonl");
        await Expect(model.Locator("li")).ToHaveCountAsync(shipped.Manifest.Evaluation.Count);
        await Expect(model.Locator("li").First).ToContainTextAsync("spam on test: precision");
    }

    [Fact]
    public async Task Retrain_now_asks_for_a_retrain_and_shows_its_report_when_it_is_in()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        await dashboard.OpenSettingsAsync();
        var button = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Retrain now" });

        await button.ClickAsync();

        // This host has no public training data and no moderator decisions, so the retrain has nothing to train on
        // and says so; the tab finds its report by looking again every few seconds.
        var status = dashboard.Page.Locator("#model-retrain-status");
        await Expect(status).ToHaveTextAsync("The retrain has finished; its report is above.", new() { Timeout = 120_000 });
        await Expect(dashboard.Page.Locator("#model-info")).ToContainTextAsync("not published. ");
        await Expect(dashboard.Page.Locator("#model-info")).ToContainTextAsync("Nothing to train on: the model in force stays.");
        await Expect(button).ToBeEnabledAsync();
    }

    private async Task<(string Json, string ETag)> GetSettingsAsync()
    {
        var (settings, etag) = await _host.GetModerationSettingsAsync();
        return (settings.ToJsonString(), etag);
    }

    private async Task<string> PutSettingsAsync(string json, string etag)
    {
        using var response = await _host.PutModerationSettingsAsync(json, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }
}
