using Commentary.Core.Moderation.Akismet;
using Microsoft.Extensions.Logging;

namespace Commentary.IntegrationTests;

/// <summary>
/// The optional Akismet check, against a fake Akismet on loopback: what it is told, how its verdicts and its silence
/// change a decision, the later recheck, and the moderators' corrections sent back.
/// </summary>
public sealed class AkismetTests(AkismetFixture fixture) : IClassFixture<AkismetFixture>
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) CommentaryTest/1.0";
    private const string Page = "https://therapy.example.org/articles/sleep";

    private static async Task<string> PostAsync(SelfHost host, string slug, string email, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments")
        {
            Content = JsonContent.Create(new { author = "Robin", email, body }),
        };
        request.Headers.UserAgent.ParseAdd(Browser);
        request.Headers.Referrer = new Uri(Page);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<Comment> StoredAsync(SelfHost host, string slug, string id)
    {
        await host.StoredStatusAsync(slug, id);
        return (await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None))!;
    }

    private static string[] Rules(Comment comment) => [.. comment.Reasons.Select(r => r.Rule)];

    /// <summary>An address with an approved comment, so the policy approves its next clean comment.</summary>
    private static async Task<string> TrustedEmailAsync(SelfHost host, string slug)
    {
        var email = $"trusted-{Guid.NewGuid():N}@example.com";
        var first = await PostAsync(host, slug, email, $"My first comment here, thank you for writing this ({Guid.NewGuid():N}).");
        await host.StoredStatusAsync(slug, first);
        await host.ModerateAsync("approve", slug, first);
        return email;
    }

    [Fact]
    public async Task Akismet_is_told_the_comment_and_the_readers_request_and_its_verdicts_hold_or_reject()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-verdicts");
        var email = await TrustedEmailAsync(host, slug);

        var hamText = $"Sleep came back slowly for me too ({Guid.NewGuid():N}).";
        var spamText = $"Sleep routines matter [akismet:spam] ({Guid.NewGuid():N}).";
        var discardText = $"Mornings are hard [akismet:discard] ({Guid.NewGuid():N}).";
        var ham = await StoredAsync(host, slug, await PostAsync(host, slug, email, hamText));
        var spam = await StoredAsync(host, slug, await PostAsync(host, slug, email, spamText));
        var discard = await StoredAsync(host, slug, await PostAsync(host, slug, email, discardText));

        Assert.Equal(CommentStatus.Approved, ham.Status);
        Assert.Empty(Rules(ham));
        Assert.Equal(CommentStatus.Pending, spam.Status);
        Assert.Equal([AkismetReasons.SpamRule], Rules(spam));
        Assert.Equal(CommentStatus.Rejected, discard.Status);
        Assert.Equal([AkismetReasons.DiscardRule], Rules(discard));

        var check = Assert.Single(akismet.CallsAbout(hamText));
        Assert.Equal("comment-check", check.Method);
        Assert.Equal(FakeAkismet.ApiKey, check.Fields["api_key"]);
        Assert.Equal(FakeAkismet.SiteUrl, check.Fields["blog"]);
        Assert.Equal("127.0.0.1", check.Fields["user_ip"]);
        Assert.Equal(Browser, check.Fields["user_agent"]);
        Assert.Equal(Page, check.Fields["referrer"]);
        Assert.Equal("comment", check.Fields["comment_type"]);
        Assert.Equal("Robin", check.Fields["comment_author"]);
        Assert.Equal(email, check.Fields["comment_author_email"]);

        // The address went to Akismet, but it is stored nowhere: only its keyed hash is.
        var rows = host.Storage.Comments.QueryAsync<TableEntity>(e => e.PartitionKey == slug);
        await foreach (var row in rows)
        {
            Assert.DoesNotContain(row, p => p.Value is string s && s.Contains("127.0.0.1", StringComparison.Ordinal));
            Assert.DoesNotContain(row, p => p.Value is string s && s.Contains(Browser, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_comment_in_the_crisis_lane_is_held_for_a_person_even_when_Akismet_says_discard()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-crisis");

        var id = await PostAsync(host, slug, $"crisis-{Guid.NewGuid():N}@example.com", $"I want to die, nothing helps anymore [akismet:discard] ({Guid.NewGuid():N})");
        var stored = await StoredAsync(host, slug, id);

        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal(CommentPriority.Urgent, stored.Priority);
        Assert.Contains("crisis-language", Rules(stored));
        Assert.Contains(AkismetReasons.SpamRule, Rules(stored));
        Assert.DoesNotContain(AkismetReasons.DiscardRule, Rules(stored));
    }

    [Fact]
    public async Task While_Akismet_is_unreachable_a_comment_is_held_never_approved_and_rechecked_later()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-recheck");
        var email = await TrustedEmailAsync(host, slug);

        var cleanText = $"This is exactly what my nights look like [akismet:down-once] ({Guid.NewGuid():N}).";
        var spamText = $"Evenings are the worst [akismet:down-once-spam] ({Guid.NewGuid():N}).";
        var clean = await StoredAsync(host, slug, await PostAsync(host, slug, email, cleanText));
        var spam = await StoredAsync(host, slug, await PostAsync(host, slug, email, spamText));

        // The policy alone would have published both; without Akismet's answer they wait.
        Assert.Equal(CommentStatus.Pending, clean.Status);
        Assert.Equal([AkismetReasons.UnavailableRule], Rules(clean));
        Assert.Equal(CommentStatus.Pending, spam.Status);

        Assert.Equal("approved", await Eventually.GetAsync(
            async () => await host.StoredStatusAsync(slug, clean.Id) is "approved" ? "approved" : null, "the recheck to publish the clean comment"));
        var published = await StoredAsync(host, slug, clean.Id);
        Assert.Equal(AkismetWorkProcessor.ActorName, published.ModeratedBy);
        Assert.Contains(clean.Id, (await host.GetJsonAsync($"articles/{slug}/comments")).Ids());

        var reheld = await Eventually.GetAsync(async () =>
        {
            var now = await StoredAsync(host, slug, spam.Id);
            return Rules(now).Contains(AkismetReasons.SpamRule) ? now : null;
        }, "the recheck to mark the spam");
        Assert.Equal(CommentStatus.Pending, reheld.Status);
        Assert.Equal([AkismetReasons.SpamRule], Rules(reheld));
        var listed = await Eventually.GetAsync(async () =>
        {
            var item = await host.ListedForModerationAsync(slug, spam.Id);
            var rules = item["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToArray();
            return rules.SequenceEqual([AkismetReasons.SpamRule]) ? item : null;
        }, "the moderation list to show the new reason");
        Assert.Equal(spam.Id, listed["id"]!.GetValue<string>());

        // The recheck told Akismet about the same request as the first check did.
        var checks = akismet.CallsAbout(cleanText);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal("127.0.0.1", c.Fields["user_ip"]));
        Assert.All(checks, c => Assert.Equal(Browser, c.Fields["user_agent"]));

        var history = await host.GetModeratorJsonAsync($"moderation/comments/{slug}/{spam.Id}");
        Assert.Contains(history["events"]!.AsArray(), e => e!["by"]!.GetValue<string>() == AkismetWorkProcessor.ActorName);
    }

    [Fact]
    public async Task When_Akismet_never_answers_the_comment_stays_held_for_the_moderators_and_an_operator_is_told_once()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-down");
        var text = $"Thank you for this [akismet:down] ({Guid.NewGuid():N}).";
        var id = await PostAsync(host, slug, $"down-{Guid.NewGuid():N}@example.com", text);

        await Eventually.GetAsync(
            () => Task.FromResult(host.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal))),
            "the give-up message", TimeSpan.FromSeconds(60));

        Assert.Equal(3, akismet.CallsAbout(text).Count);
        var stored = await StoredAsync(host, slug, id);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Contains(AkismetReasons.UnavailableRule, Rules(stored));

        // A fourth attempt would be a message on the Akismet queue, sent before the third one was deleted: once the
        // queue is empty, every attempt ever queued has been made.
        await Drained.QueueAsync(host.Storage.AkismetWork, TimeSpan.FromSeconds(60));
        Assert.Equal(3, akismet.CallsAbout(text).Count);
        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moderators_corrections_are_sent_back_to_Akismet()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-feedback");

        var falseAlarm = $"My therapist suggested the same thing [akismet:spam] ({Guid.NewGuid():N}).";
        var missed = $"Lovely article, it made my day ({Guid.NewGuid():N}).";
        var agreed = $"Naps help a little [akismet:spam] ({Guid.NewGuid():N}).";
        var falseAlarmId = await PostAsync(host, slug, $"a-{Guid.NewGuid():N}@example.com", falseAlarm);
        var missedId = await PostAsync(host, slug, $"b-{Guid.NewGuid():N}@example.com", missed);
        var agreedId = await PostAsync(host, slug, $"c-{Guid.NewGuid():N}@example.com", agreed);
        foreach (var id in new[] { falseAlarmId, missedId, agreedId })
        {
            await host.StoredStatusAsync(slug, id);
        }

        await host.ModerateAsync("approve", slug, falseAlarmId);
        await host.ModerateAsync("spam", slug, missedId);
        await host.ModerateAsync("spam", slug, agreedId);

        var ham = await Eventually.GetAsync(() => Task.FromResult(akismet.CallsAbout(falseAlarm).FirstOrDefault(c => c.Method == "submit-ham")), "submit-ham");
        var spam = await Eventually.GetAsync(() => Task.FromResult(akismet.CallsAbout(missed).FirstOrDefault(c => c.Method == "submit-spam")), "submit-spam");
        Assert.Equal(FakeAkismet.ApiKey, ham.Fields["api_key"]);
        Assert.Equal(FakeAkismet.SiteUrl, spam.Fields["blog"]);

        // Akismet already called that one spam: agreeing teaches it nothing, so nothing is sent. Feedback is queued
        // before the moderator's answer: once the queue is empty, any feedback about it would have been sent.
        await Drained.QueueAsync(host.Storage.AkismetWork, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(akismet.CallsAbout(agreed), c => c.Method.StartsWith("submit-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moderator_who_marks_a_comment_the_policy_rejected_as_spam_tells_Akismet()
    {
        var (akismet, host) = (fixture.Akismet, fixture.Host);
        var slug = await host.AddArticleAsync("akismet-takeover");
        var links = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"https://shop{i}.example.com/deal"));
        var marker = Guid.NewGuid().ToString("N");
        var text = $"Cheap sleep aids here ({marker}) {links}";
        var id = await PostAsync(host, slug, $"d-{Guid.NewGuid():N}@example.com", text);
        var rejected = await StoredAsync(host, slug, id);
        Assert.Equal(CommentStatus.Rejected, rejected.Status);
        Assert.DoesNotContain(rejected.Reasons, r => r.Rule is AkismetReasons.SpamRule or AkismetReasons.DiscardRule);

        // The moderator's spam mark takes the policy's rejection over: Akismet did not call it spam, so it is told.
        var marked = await host.ModerateAsync("spam", slug, id);

        Assert.Equal(SelfHost.ModeratorName, marked["moderatedBy"]!.GetValue<string>());
        var spam = await Eventually.GetAsync(() => Task.FromResult(akismet.CallsAbout(marker).FirstOrDefault(c => c.Method == "submit-spam")), "submit-spam");
        Assert.Equal(FakeAkismet.ApiKey, spam.Fields["api_key"]);
    }

    [Fact]
    public async Task A_wrong_key_is_logged_for_the_operator_and_the_comment_is_held_until_the_retries_run_out()
    {
        var host = fixture.Host;
        var slug = await host.AddArticleAsync("akismet-key");

        var id = await PostAsync(host, slug, $"key-{Guid.NewGuid():N}@example.com", $"A calm comment [akismet:invalid] ({Guid.NewGuid():N}).");
        var stored = await StoredAsync(host, slug, id);

        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Contains(AkismetReasons.UnavailableRule, Rules(stored));
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("invalid", StringComparison.Ordinal) && e.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_poison_view_does_not_show_the_readers_address()
    {
        var host = fixture.Host;
        var id = CommentId.New(TimeProvider.System);
        var message = new SubmissionMessage(SubmissionMessage.CurrentVersion, id, "no-such-article", "Robin", "robin@example.com", null, "Hello.", null, "hash", DateTimeOffset.UtcNow)
        {
            Client = new ClientDetails("198.51.100.23", Browser, Page),
        };
        await host.Storage.SubmissionsPoison.SendMessageAsync(message.ToJson());

        var listed = await Eventually.GetAsync(async () =>
        {
            var page = await host.GetModeratorJsonAsync("moderation/poison");
            return page["items"]!.AsArray().FirstOrDefault(i => i!["commentId"]?.GetValue<string>() == id);
        }, "the poison message in the list");

        var text = listed!["text"]!.GetValue<string>();
        Assert.Contains("robin@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.23", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Browser, text, StringComparison.Ordinal);
    }
}

/// <summary>
/// Its own Azurite and one host that asks the fake Akismet: a worker without Akismet on a shared queue could take
/// these tests' comments. Three calls per comment at most, one and two seconds apart.
/// </summary>
public sealed class AkismetFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public FakeAkismet Akismet { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Akismet = await FakeAkismet.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, Akismet.Settings(maxAttempts: 3));
        await Host.UseModerationSettingsAsync(s => s.Flood.MaxRecentFromIp = 100_000);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Akismet.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
