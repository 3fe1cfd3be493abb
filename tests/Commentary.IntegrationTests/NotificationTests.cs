using Azure.Storage.Queues;
using Commentary.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace Commentary.IntegrationTests;

/// <summary>
/// Moderators' notifications end to end: a real self-host on a real Azurite sends mail through a real SMTP server
/// hosted here and calls webhooks on a real Kestrel receiver that checks every signature with the reference Standard
/// Webhooks library. Each test starts its own self-host with the settings it needs; they share Azurite.
/// </summary>
public sealed class NotificationTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private const string Moderator = "mods@example.org";
    private const string SecondModerator = "Second Mod <second@example.org>";

    private static readonly string StandardSecret = WebhookSignature.NewSecret();

    private static Dictionary<string, string?> Settings(SmtpTestServer smtp, WebhookReceiver hooks, double digestMinutes = 0, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings())
        {
            ["Notifications:PublicUrl"] = "https://comments.example.org/api",
            ["Notifications:ModeratorEmails"] = $"{Moderator}; {SecondModerator}",
            ["Notifications:DigestMinutes"] = digestMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:FirstRetryDelay"] = "00:00:00.500",
            ["Notifications:LongestRetryDelay"] = "00:00:01",
            ["Notifications:RetryFor"] = "00:02:00",
            ["Notifications:Webhooks:standard:Url"] = hooks.UrlOf("standard"),
            ["Notifications:Webhooks:standard:Secret"] = StandardSecret,
            ["Notifications:Webhooks:slack:Url"] = hooks.UrlOf("slack"),
            ["Notifications:Webhooks:slack:Format"] = "slack",
            ["Notifications:Webhooks:teams:Url"] = hooks.UrlOf("teams"),
            ["Notifications:Webhooks:teams:Format"] = "Teams",
        };
        hooks.Secrets["standard"] = StandardSecret;
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Digests off and one more webhook, "everything", signed like "standard", that takes only <paramref name="events"/>.</summary>
    private static Dictionary<string, string?> WithEverythingHook(SmtpTestServer smtp, WebhookReceiver hooks, string events)
    {
        hooks.Secrets["everything"] = StandardSecret;
        return Settings(smtp, hooks, 0,
            ("Notifications:Webhooks:everything:Url", hooks.UrlOf("everything")),
            ("Notifications:Webhooks:everything:Secret", StandardSecret),
            ("Notifications:Webhooks:everything:Events", events));
    }

    /// <summary>A self-host on an Azurite of its own: no other test's host takes its queue messages, none of its messages are left for another.</summary>
    private static async Task<Rig> StartAsync(IDictionary<string, string?> settings)
    {
        var azurite = await AzuriteProcess.StartAsync();
        var host = await SelfHost.StartAsync(azurite.ConnectionString, settings, environment: "Development");
        await host.UseModerationSettingsAsync(s =>
        {
            s.Flood.MaxRecentFromIp = 100_000;
            s.Duplicates.Enabled = false;
        });
        return new Rig(azurite, host);
    }

    private sealed class Rig(AzuriteProcess azurite, SelfHost host) : IAsyncDisposable
    {
        public SelfHost Host => host;

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Starts a host that must not start; one that does is stopped before the test fails.</summary>
    private async Task<Exception> StartupFailsAsync(Dictionary<string, string?> settings, string environment = "Production")
    {
        SelfHost? host = null;
        try
        {
            host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, settings, environment: environment);
        }
#pragma warning disable CA1031 // Any exception is the answer the test wants.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }

        await host.DisposeAsync();
        throw new Xunit.Sdk.XunitException("The host started.");
    }

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task A_crisis_comment_alerts_every_moderator_and_every_webhook_at_once_signed_and_without_the_commenters_email()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var rig = await StartAsync(Settings(smtp, hooks, digestMinutes: 60));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-urgent");
        var email = NewEmail("writer");
        var id = await host.SubmitAsync(slug, "Robin", email, CrisisLaneTests.CrisisBody);

        var mail = await smtp.NextForAsync(Moderator);
        Assert.StartsWith("URGENT", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(slug, mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://comments.example.org/api/ui/moderation.html#comment/{slug}/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("want to die", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://comments.example.org/api/ui/moderation.html#comment/{slug}/{id}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        // NextForAsync skips what is not for its address: the second moderator's copy is looked for among all that arrived.
        var second = await Eventually.GetAsync(() => Task.FromResult(smtp.All.FirstOrDefault(m => m.To.Mailboxes.Any(x => x.Address == "second@example.org"))), "the second moderator's mail");
        Assert.Equal("Second Mod", second.To.Mailboxes.Single().Name);

        var standard = await hooks.NextAsync("standard", c => c.Body.Contains(id, StringComparison.Ordinal));
        Assert.True(standard.HasSignature && standard.Verified, "the standard endpoint's call carries a valid Standard Webhooks signature");
        Assert.Equal(NotificationKinds.Urgent, standard.Json["type"]!.GetValue<string>());
        var data = standard.Json["data"]!;
        Assert.Equal(slug, data["slug"]!.GetValue<string>());
        Assert.Equal(id, data["commentId"]!.GetValue<string>());
        Assert.Equal("Robin", data["author"]!.GetValue<string>());
        Assert.True(data["urgent"]!.GetValue<bool>());
        Assert.NotEmpty(data["reasons"]!.AsArray());
        Assert.Equal($"https://comments.example.org/api/ui/moderation.html#comment/{slug}/{id}", data["dashboardUrl"]!.GetValue<string>());

        var slack = await hooks.NextAsync("slack", c => c.Body.Contains(id, StringComparison.Ordinal));
        Assert.Contains("URGENT", slack.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(slack.Json["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");

        var teams = await hooks.NextAsync("teams", c => c.Body.Contains(id, StringComparison.Ordinal));
        Assert.Equal("message", teams.Json["type"]!.GetValue<string>());
        var attachment = teams.Json["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());

        // The commenter's address is in no webhook call, whatever its format.
        Assert.DoesNotContain(hooks.Calls, c => c.Body.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(hooks.Calls, c => c.Body.Contains("writer-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_message_delivered_again_sends_nothing_twice()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var rig = await StartAsync(Settings(smtp, hooks, digestMinutes: 60));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-again");
        var id = await host.SubmitAsync(slug, "Robin", NewEmail("again"), CrisisLaneTests.CrisisBody);
        var first = await hooks.NextAsync("standard", c => c.Body.Contains(id, StringComparison.Ordinal));
        await smtp.NextForAsync(Moderator);

        // The same happening queued twice more (a redelivered submission, a retried request), and the worker's own
        // redelivery path: the stored comment is decided again.
        var stored = (await host.Services.GetRequiredService<Core.Comments.CommentStore>().FindAsync(slug, id, CancellationToken.None))!;
        var outbox = host.Services.GetRequiredService<NotificationOutbox>();
        await outbox.EnqueueAsync(NotificationEvents.ForDecision(stored), CancellationToken.None);
        await outbox.EnqueueAsync(NotificationEvents.ForDecision(stored), CancellationToken.None);
        await Drained.NotificationsAsync(host.Storage);

        Assert.Single(hooks.Calls, c => c.Endpoint == "standard" && c.Body.Contains(id, StringComparison.Ordinal));
        Assert.Single(smtp.All, m => m.To.Mailboxes.Any(x => x.Address == Moderator) && (m.TextBody ?? "").Contains(id, StringComparison.Ordinal));
        Assert.Equal(first.Id, Assert.Single(hooks.Calls, c => c.Endpoint == "slack" && c.Body.Contains(id, StringComparison.Ordinal)).Id);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_is_retried_one_that_refuses_is_not_and_is_logged_once()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Answer("slack", n => n <= 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        hooks.Answer("teams", n => n == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
        hooks.Answer("gone", _ => HttpStatusCode.Gone);
        await using var rig = await StartAsync(Settings(smtp, hooks, 60, ("Notifications:Webhooks:gone:Url", hooks.UrlOf("gone")), ("Notifications:Webhooks:gone:Format", "slack")));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-retry");
        var id = await host.SubmitAsync(slug, "Robin", NewEmail("retry"), CrisisLaneTests.CrisisBody);

        await hooks.NextAsync("slack", c => c.Body.Contains(id, StringComparison.Ordinal));
        await hooks.NextAsync("teams", c => c.Body.Contains(id, StringComparison.Ordinal));
        var slackCalls = hooks.Calls.Where(c => c.Endpoint == "slack").ToList();
        Assert.Equal(3, slackCalls.Count);
        Assert.Single(slackCalls.Select(c => c.Id).Distinct());

        // The mail went at once, once, whatever the webhooks did: counted once every retry has been handled.
        await Drained.NotificationsAsync(host.Storage);
        Assert.Single(smtp.All, m => m.To.Mailboxes.Any(x => x.Address == Moderator));
        Assert.Single(hooks.Calls, c => c.Endpoint == "gone");
        var refused = host.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Contains(id, Assert.Single(refused).Message, StringComparison.Ordinal);
        Assert.Contains("webhook:gone", refused[0].Message, StringComparison.Ordinal);
        Assert.Single(hooks.Accepted("standard"));
    }

    [Fact]
    public async Task A_channel_down_for_longer_than_RetryFor_puts_the_message_on_the_poison_queue_with_one_error_naming_the_comment()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Answer("standard", _ => HttpStatusCode.BadGateway);
        await using var rig = await StartAsync(Settings(smtp, hooks, 60, ("Notifications:RetryFor", "00:00:03")));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-poison");
        var id = await host.SubmitAsync(slug, "Robin", NewEmail("poison"), CrisisLaneTests.CrisisBody);

        var poison = host.Storage.NotificationsPoison;
        var message = await Eventually.GetAsync(async () =>
        {
            var peeked = (await poison.PeekMessagesAsync(32)).Value;
            return peeked.FirstOrDefault(m => m.Body.ToString().Contains(id, StringComparison.Ordinal));
        }, "the notification on the poison queue");
        Assert.NotNull(NotificationMessage.Parse(message.Body.ToString()));
        // The error is logged just after the poison message is sent, by the handler that sent it.
        await Drained.NotificationsAsync(host.Storage);
        var errors = host.Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Contains("poison", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.Single(smtp.All, m => m.To.Mailboxes.Any(x => x.Address == Moderator));
    }

    [Fact]
    public async Task Held_comments_go_out_in_digests_that_list_each_comment_exactly_once()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        // A digest 3 s after the oldest waiting comment.
        await using var rig = await StartAsync(Settings(smtp, hooks, digestMinutes: 0.05));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-digest");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await host.SubmitAsync(slug, "Sam", NewEmail("held"), $"A first comment, number {i}, with a link https://example.net/{i} to hold it."));
        }

        foreach (var id in ids)
        {
            Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        }

        var digests = await Eventually.GetAsync(() =>
        {
            var received = hooks.Accepted("standard").Where(c => c.Json["type"]!.GetValue<string>() == NotificationKinds.HeldDigest).ToList();
            var listed = received.SelectMany(c => c.Json["data"]!["comments"]!.AsArray().Select(x => x!["commentId"]!.GetValue<string>())).ToList();
            return Task.FromResult(ids.All(listed.Contains) ? received : null);
        }, "every held comment in a digest", TimeSpan.FromSeconds(60));

        var all = digests.SelectMany(c => c.Json["data"]!["comments"]!.AsArray().Select(x => x!["commentId"]!.GetValue<string>())).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), all.Order());
        Assert.All(digests, d => Assert.Equal(d.Json["data"]!["count"]!.GetValue<int>(), d.Json["data"]!["comments"]!.AsArray().Count));
        Assert.All(digests, d => Assert.True(d.Verified));

        // The same digests by mail, each comment once; no comment went out on its own. Counted once no digest is left
        // to make or to send.
        await Drained.DigestsAsync(host.Storage);
        var mails = smtp.All.Where(m => m.To.Mailboxes.Any(x => x.Address == Moderator)).ToList();
        // A digest may list one comment when the others came after its cut-off ("1 comment waits …"): what counts is
        // that every mail is a digest, never a single comment's own alert.
        Assert.All(mails, m => Assert.Equal("comment.held.digest", m.Headers["X-Commentary-Event"]));
        Assert.All(ids, id => Assert.Single(mails, m => (m.TextBody ?? "").Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(hooks.Calls, c => c.Json["type"]?.GetValue<string>() == NotificationKinds.Held);
    }

    [Fact]
    public async Task With_digests_off_each_held_comment_is_one_message_and_a_reply_approved_later_is_published_and_replied()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var rig = await StartAsync(WithEverythingHook(smtp, hooks, "comment.published, comment.replied"));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-reply");
        var parentEmail = NewEmail("parent");
        var parent = await host.SubmitAsync(slug, "Pat", parentEmail, "A first comment that a moderator will approve, thank you.");
        await host.StoredStatusAsync(slug, parent);
        var held = await hooks.NextAsync("standard", c => c.Body.Contains(parent, StringComparison.Ordinal));
        Assert.Equal(NotificationKinds.Held, held.Json["type"]!.GetValue<string>());
        Assert.Contains(parent, (await smtp.NextForAsync(Moderator)).TextBody, StringComparison.Ordinal);
        await ApproveAsync(host, slug, parent);

        var replyEmail = NewEmail("replier");
        var reply = await host.SubmitAsync(slug, "Kim", replyEmail, "A reply from someone new, held for a moderator first.", parentId: parent);
        await host.StoredStatusAsync(slug, reply);
        await ApproveAsync(host, slug, reply);

        var replied = await hooks.NextAsync("everything", c => c.Json["type"]!.GetValue<string>() == NotificationKinds.Replied && c.Body.Contains(reply, StringComparison.Ordinal));
        Assert.True(replied.Verified);
        Assert.Equal(parent, replied.Json["data"]!["parentId"]!.GetValue<string>());
        Assert.Equal(reply, replied.Json["data"]!["commentId"]!.GetValue<string>());
        Assert.Equal(SelfHost.ModeratorName, replied.Json["data"]!["by"]!.GetValue<string>());
        await hooks.NextAsync("everything", c => c.Json["type"]!.GetValue<string>() == NotificationKinds.Published && c.Body.Contains(reply, StringComparison.Ordinal));
        Assert.DoesNotContain(hooks.Calls, c => c.Body.Contains(replyEmail, StringComparison.OrdinalIgnoreCase) || c.Body.Contains(parentEmail, StringComparison.OrdinalIgnoreCase));
        // The moderators' channels take held and urgent only: nothing about the approvals went to them.
        Assert.DoesNotContain(hooks.Calls, c => c.Endpoint == "standard" && c.Json["type"]!.GetValue<string>() == NotificationKinds.Published);
    }

    [Fact]
    public async Task A_moderator_who_confirms_the_policys_decision_makes_it_theirs_and_nobody_is_told_again()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var rig = await StartAsync(WithEverythingHook(smtp, hooks, "comment.published, comment.rejected"));
        var host = rig.Host;
        await host.UseModerationSettingsAsync(s =>
        {
            s.Flood.MaxRecentFromIp = 100_000;
            s.Duplicates.Enabled = false;
            s.FirstComment.Enabled = false;
        });
        var slug = await host.AddArticleAsync("notify-confirm");
        var published = await host.SubmitAsync(slug, "Ash", NewEmail("published"), "Thank you, the part about sleep helped me a lot.");
        var links = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"https://shop{i}.example.com/deal"));
        var rejected = await host.SubmitAsync(slug, "Seller", NewEmail("rejected"), "Great deals here " + links);
        Assert.Equal("approved", await host.StoredStatusAsync(slug, published));
        Assert.Equal("rejected", await host.StoredStatusAsync(slug, rejected));
        await hooks.NextAsync("everything", c => c.Json["type"]!.GetValue<string>() == NotificationKinds.Published && c.Body.Contains(published, StringComparison.Ordinal));
        await hooks.NextAsync("everything", c => c.Json["type"]!.GetValue<string>() == NotificationKinds.Rejected && c.Body.Contains(rejected, StringComparison.Ordinal));

        var approved = await host.ModerateAsync("approve", slug, published);
        var confirmed = await host.ModerateAsync("reject", slug, rejected, new { reason = "Harassment of readers" });

        // Each decision is now the moderator's, with their reason, in the comment and in its history.
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.Equal(SelfHost.ModeratorName, approved["moderatedBy"]!.GetValue<string>());
        Assert.Equal("rejected", confirmed["status"]!.GetValue<string>());
        Assert.Equal(SelfHost.ModeratorName, confirmed["moderatedBy"]!.GetValue<string>());
        Assert.Equal("Harassment of readers", confirmed["statusNote"]!.GetValue<string>());
        var last = confirmed["events"]!.AsArray().Last()!;
        Assert.Equal(("rejected", SelfHost.ModeratorName), (last["kind"]!.GetValue<string>(), last["by"]!.GetValue<string>()));

        // Asked again, there is nothing to take over: no second event.
        var again = await host.ModerateAsync("reject", slug, rejected, new { reason = "Harassment of readers" });
        Assert.Equal(confirmed["events"]!.AsArray().Count, again["events"]!.AsArray().Count);

        // Readers and commenters saw no change, so no channel hears of one: each comment's event went out once.
        await Drained.NotificationsAsync(host.Storage);
        Assert.Single(hooks.Calls, c => c.Endpoint == "everything" && c.Body.Contains(published, StringComparison.Ordinal));
        Assert.Single(hooks.Calls, c => c.Endpoint == "everything" && c.Body.Contains(rejected, StringComparison.Ordinal));
        var counts = await host.GetJsonAsync($"counts?article={slug}");
        Assert.Equal(1, counts["counts"]![slug]!.GetValue<int>());
    }

    [Fact]
    public async Task The_smtp_server_stopped_for_a_while_delays_mail_loses_none_and_sends_none_twice_and_posting_goes_on()
    {
        var smtp = SmtpTestServer.Start();
        var port = smtp.Port;
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var rig = await StartAsync(Settings(smtp, hooks, 0));
        var host = rig.Host;
        var slug = await host.AddArticleAsync("notify-chaos");
        await smtp.DisposeAsync();

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await host.SubmitAsync(slug, "Lee", NewEmail("chaos"), $"First comment {i} while the mail server is down, held for a moderator."));
        }

        // Posting goes on: every comment is accepted and stored while the mail server is still down.
        foreach (var id in ids)
        {
            await host.StoredStatusAsync(slug, id);
        }

        // Webhooks are not held up by the mail server: they all arrive while it is still down. (The deadline only bounds
        // a failure. It is shorter than a delivery claim's three-minute lease, so a webhook held up by a claim whose lost
        // answer was taken for another sender's, as once happened here, fails this wait; AmbiguousSuccessTests pin it.)
        await Eventually.GetAsync(() => Task.FromResult(ids.All(id => hooks.Accepted("standard").Any(c => c.Body.Contains(id, StringComparison.Ordinal))) ? "" : null), "every webhook call", TimeSpan.FromMinutes(2));

        // The mail server comes back once every mail has been tried and is waiting for its retry.
        var deliveries = host.Services.GetRequiredService<NotificationDeliveries>();
        var store = host.Services.GetRequiredService<Core.Comments.CommentStore>();
        var mailKey = "mail:" + NotificationKeys.Hash(Moderator);
        var events = new List<string>();
        foreach (var id in ids)
        {
            var stored = (await store.FindAsync(slug, id, CancellationToken.None))!;
            events.Add(Assert.Single(NotificationEvents.ForDecision(stored)).Id);
        }

        await Eventually.GetAsync(async () =>
        {
            foreach (var notification in events)
            {
                if (await deliveries.StateAsync(notification, mailKey, CancellationToken.None) != NotificationDeliveries.Waiting)
                {
                    return null;
                }
            }

            return "";
        }, "every mail to have failed once");
        await using var back = SmtpTestServer.StartOn(port);

        await Eventually.GetAsync(() =>
        {
            var arrived = back.All.Where(m => m.To.Mailboxes.Any(x => x.Address == Moderator)).ToList();
            return Task.FromResult(ids.All(id => arrived.Any(m => (m.TextBody ?? "").Contains(id, StringComparison.Ordinal))) ? arrived : null);
        }, "every delayed mail", TimeSpan.FromSeconds(60));
        await Drained.NotificationsAsync(host.Storage);
        var mails = back.All.Where(m => m.To.Mailboxes.Any(x => x.Address == Moderator)).ToList();
        Assert.All(ids, id => Assert.Single(mails, m => (m.TextBody ?? "").Contains(id, StringComparison.Ordinal)));
        Assert.All(ids, id => Assert.Single(hooks.Calls, c => c.Endpoint == "standard" && c.Body.Contains(id, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Notifications:DigestMinutes", "often")]
    [InlineData("Notifications:Webhooks:ops:Format", "discord")]
    [InlineData("Notifications:FirstRetryDelay", "a minute")]
    public async Task Settings_that_do_not_parse_stop_start_up_naming_the_setting(string key, string value)
    {
        var error = await StartupFailsAsync(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:ops:Url"] = "https://hooks.example.org/ops",
            ["Notifications:Webhooks:ops:Secret"] = StandardSecret,
            ["Notifications:PublicUrl"] = "https://comments.example.org/api",
            [key] = value,
        });
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Notifications:Webhooks:ops:Url", "http://hooks.example.org/ops", "Production", "must be https")]
    [InlineData("Notifications:Webhooks:ops:Url", "http://127.0.0.1:9/ops", "Production", "must be https")]
    [InlineData("Notifications:Webhooks:ops:Secret", "not-a-secret", "Development", "Secret must be")]
    [InlineData("Notifications:ModeratorEmails", "mods-at-example.org", "Development", "not an email address")]
    [InlineData("Notifications:PublicUrl", "", "Development", "PublicUrl is needed")]
    public async Task Settings_that_make_no_sense_stop_start_up_naming_the_setting(string key, string value, string environment, string problem)
    {
        var error = await StartupFailsAsync(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:ops:Url"] = "https://hooks.example.org/ops",
            ["Notifications:Webhooks:ops:Secret"] = StandardSecret,
            ["Notifications:PublicUrl"] = "https://comments.example.org/api",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:From"] = "comments@example.org",
            [key] = value,
        }, environment);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static async Task ApproveAsync(SelfHost host, string slug, string id)
    {
        using var request = host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/approve");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class NotificationFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}
