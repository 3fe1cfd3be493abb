using System.Text.RegularExpressions;
using Commentary.Core.Notifications;
using MimeKit;

namespace Commentary.IntegrationTests;

/// <summary>
/// Commenters' mail, opt-in only, through the self-host, Azurite and a real SMTP server: the double opt-in, "published"
/// and "replied" mail with RFC 8058 one-click unsubscribe, and nothing at all to an address that is unconfirmed or
/// unsubscribed. "Nothing was sent" is shown by a positive signal: the notifications queue has drained, and a later
/// sentinel mail (the moderators' notice of another comment) has arrived; only then are the commenter's messages counted.
/// </summary>
public sealed partial class CommenterMailTests(CommenterMailFixture fixture) : IClassFixture<CommenterMailFixture>
{
    private readonly SelfHost _host = fixture.Host;
    private readonly SmtpTestServer _smtp = fixture.Smtp;

    [Fact]
    public async Task An_opt_in_is_confirmed_first_then_published_and_reply_mail_arrive_until_one_click_unsubscribe()
    {
        var slug = await _host.AddArticleAsync("mail-story");
        var reader = Address("reader");
        var replier = Address("replier");

        // 1. Opting in: the confirmation mail, and nothing else, even when the comment is published meanwhile.
        var first = await PostAsync(slug, "Reader", reader, "My first thoughts on this article.", published: true, replies: true);
        var confirmation = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith("Please confirm", StringComparison.Ordinal), "the confirmation mail");
        AssertOneClickUnsubscribe(confirmation);
        await PublishAsync(slug, first);
        await AssertNothingMoreAsync(reader, 1);

        // 2. Opening the link only asks; the form's POST confirms.
        var confirm = LinkIn(confirmation, SubscriptionLinks.ConfirmRoute);
        using (var page = await _host.Client.GetAsync(confirm))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            AssertPageHeaders(page);
            Assert.Contains("method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var subscriptions = _host.Services.GetRequiredService<CommenterSubscriptions>();
        Assert.False((await subscriptions.SubscriberAsync(subscriptions.KeyOf(reader), CancellationToken.None)).IsConfirmed);
        using (var confirmed = await PostFormAsync(confirm, new Dictionary<string, string> { ["token"] = TokenOf(confirm) }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("Address confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await subscriptions.SubscriberAsync(subscriptions.KeyOf(reader), CancellationToken.None)).IsConfirmed);

        // 3. A comment asked about after confirming: "published", with one-click unsubscribe.
        var second = await PostAsync(slug, "Reader", reader, "A second comment, asked about after confirming.", published: true, replies: true);
        await PublishAsync(slug, second);
        var published = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).Contains("is published", StringComparison.Ordinal), "the published mail");
        AssertOneClickUnsubscribe(published);
        Assert.Contains("A second comment, asked about after confirming.", published.TextBody, StringComparison.Ordinal);

        // 4. Someone replies: the reply mail names them and quotes them, and never shows their address.
        var reply = await PostAsync(slug, "Rowan Replier", replier, "I read your second comment and agree.", parentId: second);
        await PublishAsync(slug, reply);
        var replied = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).Contains("replied", StringComparison.Ordinal), "the reply mail");
        AssertOneClickUnsubscribe(replied);
        Assert.StartsWith("Rowan Replier replied to your comment", replied.Subject, StringComparison.Ordinal);
        Assert.Contains("I read your second comment and agree.", replied.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(replier, replied.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(replier.Split('@')[0], replied.ToString(), StringComparison.OrdinalIgnoreCase);

        // 5. One-click unsubscribe as a mail client does it (RFC 8058): a POST to the header's URL, and no more mail.
        var unsubscribe = new Uri(replied.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Contains(SubscriptionLinks.UnsubscribeRoute, unsubscribe.AbsolutePath, StringComparison.Ordinal);
        using (var stopped = await PostFormAsync(unsubscribe.PathAndQuery, new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
            AssertPageHeaders(stopped);
        }

        var count = _smtp.ReceivedFor(reader).Count;
        var again = await PostAsync(slug, "Rowan Replier", replier, "One more reply, after the unsubscribe.", parentId: second);
        await PublishAsync(slug, again);
        await AssertNothingMoreAsync(reader, count);
    }

    [Fact]
    public async Task An_address_that_never_confirms_gets_only_the_confirmation_whatever_happens()
    {
        var slug = await _host.AddArticleAsync("mail-unconfirmed");
        var reader = Address("unconfirmed");
        var first = await PostAsync(slug, "Quiet Reader", reader, "Please tell me when this is published.", published: true, replies: true);
        await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith("Please confirm", StringComparison.Ordinal), "the confirmation mail");
        await PublishAsync(slug, first);
        var reply = await PostAsync(slug, "Someone", Address("someone"), "A reply the reader never hears of.", parentId: first);
        await PublishAsync(slug, reply);
        await AssertNothingMoreAsync(reader, 1);
    }

    [Fact]
    public async Task Unsubscribing_from_one_article_stops_its_mail_and_a_reply_to_oneself_is_never_sent()
    {
        var (slug, reader, comment) = await ConfirmedReaderAsync("mail-thread");
        var published = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).Contains("is published", StringComparison.Ordinal), "the published mail");

        // The reader answering themselves is not news to them.
        var own = await PostAsync(slug, "Reader", reader, "Answering my own comment.", parentId: comment);
        await PublishAsync(slug, own);
        var count = _smtp.ReceivedFor(reader).Count;
        await AssertNothingMoreAsync(reader, count);

        // The page's button for this article only: GET shows it, its POST stops the mail.
        var thread = LinkIn(published, SubscriptionLinks.UnsubscribeRoute + "?");
        using (var page = await _host.Client.GetAsync(thread))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Stop email about this article", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stopped = await PostFormAsync(thread, new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }

        var reply = await PostAsync(slug, "Someone Else", Address("else"), "A reply after the unsubscribe from this article.", parentId: comment);
        await PublishAsync(slug, reply);
        await AssertNothingMoreAsync(reader, count);
    }

    [Fact]
    public async Task Erasing_a_commenter_erases_their_subscriptions_and_the_export_lists_them_first()
    {
        var slug = await _host.AddArticleAsync("mail-erase");
        var reader = Address("erase");
        await PostAsync(slug, "Erased Reader", reader, "Tell me about replies, please.", published: false, replies: true);
        await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith("Please confirm", StringComparison.Ordinal), "the confirmation mail");

        var export = await _host.GetModeratorJsonAsync($"moderation/commenters/{Uri.EscapeDataString(reader)}");
        var kinds = export["subscriptions"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["address", "comment"], kinds);

        using var request = _host.AsModerator(HttpMethod.Delete, $"moderation/commenters/{Uri.EscapeDataString(reader)}");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonObject>())!["subscriptions"]!.GetValue<int>());

        var subscriptions = _host.Services.GetRequiredService<CommenterSubscriptions>();
        Assert.Empty(await subscriptions.ListAsync(reader, CancellationToken.None));
    }

    [Fact]
    public async Task Bad_links_and_bad_posts_change_nothing_and_answer_pages()
    {
        var (_, reader, _) = await ConfirmedReaderAsync("mail-bad");
        var published = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).Contains("is published", StringComparison.Ordinal), "the published mail");
        var unsubscribe = new Uri(published.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        var token = TokenOf(unsubscribe);
        var tampered = unsubscribe.Replace(token, token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], StringComparison.Ordinal);

        using (var forged = await PostFormAsync(tampered, new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.StartsWith("text/html", forged.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            AssertPageHeaders(forged);
        }

        using (var notOneClick = await PostFormAsync(unsubscribe, new Dictionary<string, string> { ["List-Unsubscribe"] = "Maybe" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notOneClick.StatusCode);
        }

        using (var json = await _host.Client.PostAsJsonAsync(unsubscribe, new { unsubscribe = true }))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        }

        // An unsubscribe token is no confirmation token, and a confirmation from another site is refused.
        using (var wrongKind = await _host.Client.GetAsync($"subscriptions/confirm?token={Uri.EscapeDataString(token)}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongKind.StatusCode);
        }

        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, $"subscriptions/confirm?token={Uri.EscapeDataString(token)}"))
        {
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            crossSite.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
            using var answer = await _host.Client.SendAsync(crossSite);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        }

        using (var missing = await _host.Client.GetAsync("subscriptions/unsubscribe"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        }

        var subscriptions = _host.Services.GetRequiredService<CommenterSubscriptions>();
        var subscriber = await subscriptions.SubscriberAsync(subscriptions.KeyOf(reader), CancellationToken.None);
        Assert.True(subscriber.IsConfirmed);
        Assert.Null(subscriber.UnsubscribedAt);
    }

    [Fact]
    public async Task The_article_tells_the_widget_that_mail_is_offered()
    {
        var slug = await _host.AddArticleAsync("mail-flag");
        var article = await _host.GetJsonAsync($"articles/{slug}");
        Assert.True(article["emailNotifications"]!.GetValue<bool>());
    }

    /// <summary>A reader who opted in, confirmed, and has one published comment asked about (its mail sent).</summary>
    private async Task<(string Slug, string Reader, string CommentId)> ConfirmedReaderAsync(string prefix)
    {
        var slug = await _host.AddArticleAsync(prefix);
        var reader = Address(prefix);
        var first = await PostAsync(slug, "Reader", reader, "Opting in with my first comment.", published: true, replies: false);
        var confirmation = await _smtp.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith("Please confirm", StringComparison.Ordinal), "the confirmation mail");
        var confirm = LinkIn(confirmation, SubscriptionLinks.ConfirmRoute);
        using (var confirmed = await PostFormAsync(confirm, new Dictionary<string, string> { ["token"] = TokenOf(confirm) }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await PublishAsync(slug, first);
        await _smtp.WaitForAsync(reader, m => (m.TextBody ?? string.Empty).Contains("Opting in with my first comment.", StringComparison.Ordinal), "the first published mail");
        var comment = await PostAsync(slug, "Reader", reader, "The comment whose replies I want to hear about.", published: true, replies: true);
        await PublishAsync(slug, comment);
        await _smtp.WaitForAsync(reader, m => (m.TextBody ?? string.Empty).Contains("The comment whose replies I want to hear about.", StringComparison.Ordinal), "the second published mail");
        return (slug, reader, comment);
    }

    private async Task<string> PostAsync(string slug, string author, string email, string body, bool published = false, bool replies = false, string? parentId = null)
    {
        using var response = await _host.Client.PostAsJsonAsync($"articles/{slug}/comments",
            new { author, email, body, parentId, notifyPublished = published, notifyReplies = replies });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Approves the comment if the policy held it; either way it ends up published.</summary>
    private async Task PublishAsync(string slug, string id)
    {
        if (await _host.StoredStatusAsync(slug, id) == "pending")
        {
            await _host.ModerateAsync("approve", slug, id);
        }
    }

    /// <summary>
    /// Waits until every notification queued so far is handled (the queue is empty: a message leaves it only once
    /// sent), then for a sentinel mail queued after them; then the address must have no more than it had.
    /// </summary>
    private async Task AssertNothingMoreAsync(string address, int expected)
    {
        await Drained.NotificationsAsync(_host.Storage);
        var sentinel = await _host.AddArticleAsync("sentinel");
        await PublishAsync(sentinel, await PostAsync(sentinel, "Sentinel", Address("sentinel"), "A comment whose notice closes the wait."));
        await _smtp.WaitForAsync(CommenterMailFixture.Moderator, m => (m.Subject ?? string.Empty).Contains(sentinel, StringComparison.Ordinal), "the sentinel mail");
        await Drained.NotificationsAsync(_host.Storage);
        Assert.Equal(expected, _smtp.ReceivedFor(address).Count);
    }

    private Task<HttpResponseMessage> PostFormAsync(string pathAndQuery, Dictionary<string, string> fields) =>
        _host.Client.PostAsync(pathAndQuery, new FormUrlEncodedContent(fields));

    private static void AssertOneClickUnsubscribe(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        Assert.Matches("^<https?://[^>]+/subscriptions/unsubscribe\\?token=[A-Za-z0-9_.-]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    private static void AssertPageHeaders(HttpResponseMessage page)
    {
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
    }

    /// <summary>The path and query of the first link in the message's text that goes to <paramref name="route"/>.</summary>
    private static string LinkIn(MimeMessage message, string route)
    {
        var link = Links().Matches(message.TextBody ?? string.Empty).Select(m => new Uri(m.Value)).First(u => (u.AbsolutePath + u.Query).Contains(route, StringComparison.Ordinal));
        return link.PathAndQuery;
    }

    private static string TokenOf(string pathAndQuery) => pathAndQuery[(pathAndQuery.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

    private static string Address(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

/// <summary>Its own Azurite, a real SMTP server, and a host that mails commenters (and a moderator, for sentinels) through it.</summary>
public sealed class CommenterMailFixture : MailHostFixture
{
    public const string Moderator = "moderator@example.org";

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["Notifications:PublicUrl"] = "http://127.0.0.1/api";
        settings["Notifications:LinkSigningKey"] = "integration-test-link-signing-key-0123456789";
        settings["Notifications:ModeratorEmails"] = Moderator;
        settings["Notifications:EmailEvents"] = NotificationKinds.Published;
    }
}

/// <summary>A site without mail: the article says so, and asking for mail is a field error, not a silent promise.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class CommenterMailOffTests(StorageFixture fixture)
{
    [Fact]
    public async Task Asking_for_mail_where_none_is_sent_is_a_400_naming_the_field_and_the_article_does_not_offer_it()
    {
        var slug = await fixture.Host.AddArticleAsync("mail-off");
        Assert.False((await fixture.Host.GetJsonAsync($"articles/{slug}"))["emailNotifications"]!.GetValue<bool>());
        using var response = await fixture.Host.Client.PostAsJsonAsync($"articles/{slug}/comments",
            new { author = "Sam", email = "sam@example.com", body = "Tell me when it is out.", notifyReplies = true });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["notifyReplies"]);
    }
}
