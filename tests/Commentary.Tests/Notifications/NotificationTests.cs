using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Commentary.Tests.Notifications;

public class WebhookSignatureTests
{
    [Fact]
    public void The_signature_matches_the_standard_webhooks_test_vector()
    {
        // The example in the Standard Webhooks specification and its reference libraries' tests.
        var key = WebhookSignature.SecretBytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!;
        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void The_reference_library_verifies_what_we_sign()
    {
        var secret = WebhookSignature.NewSecret();
        var now = DateTimeOffset.UtcNow;
        const string body = "{\"type\":\"comment.urgent\",\"data\":{\"excerpt\":\"ünïcode … and \\\"quotes\\\"\"}}";
        var headers = new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V.decided.urgent",
            [WebhookSignature.TimestampHeader] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(WebhookSignature.SecretBytes(secret)!, "01HV3Z8Y9K2M4N6P8Q0R2S4T6V.decided.urgent", now, body),
        };

        new StandardWebhooks.StandardWebhook(secret).Verify(body, headers);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhooks.StandardWebhook(secret).Verify(body + " ", headers));
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_short")]
    [InlineData("whsec_not base64!!")]
    public void Secrets_that_are_not_24_to_64_bytes_of_base64_are_refused(string secret) =>
        Assert.Null(WebhookSignature.SecretBytes(secret));
}

public class NotificationEventTests
{
    private static Comment Comment(CommentStatus status, CommentPriority priority = CommentPriority.Normal, string? parent = null) => new()
    {
        Slug = "hello-world",
        Id = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V",
        ParentId = parent,
        Author = "Robin",
        Email = "robin@example.com",
        IpHash = "iphash",
        Body = "I read this at 4am again.\n\nHonestly I want to die.",
        Created = DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture),
        Status = status,
        Priority = priority,
        Reasons = [new ModerationReason("crisis-language", "\"want to die\"")],
        ETag = "W/\"datetime'2026-01-02T03%3A04%3A05Z'\"",
    };

    [Fact]
    public void A_decision_makes_one_event_of_the_right_kind_with_an_id_that_is_the_same_on_redelivery()
    {
        Assert.Equal(NotificationKinds.Urgent, Assert.Single(NotificationEvents.ForDecision(Comment(CommentStatus.Pending, CommentPriority.Urgent))).Kind);
        Assert.Equal(NotificationKinds.Held, Assert.Single(NotificationEvents.ForDecision(Comment(CommentStatus.Pending))).Kind);
        Assert.Equal(NotificationKinds.Rejected, Assert.Single(NotificationEvents.ForDecision(Comment(CommentStatus.Rejected))).Kind);
        Assert.Equal(
            NotificationEvents.ForDecision(Comment(CommentStatus.Pending)).Single().Id,
            NotificationEvents.ForDecision(Comment(CommentStatus.Pending)).Single().Id);
        Assert.True(NotificationKeys.IsSafe(NotificationEvents.ForDecision(Comment(CommentStatus.Pending)).Single().Id));
    }

    [Fact]
    public void A_published_reply_is_published_and_replied_in_one_message_and_a_change_has_an_id_of_its_own()
    {
        var events = NotificationEvents.ForChange(Comment(CommentStatus.Approved, parent: "01HV3Z8Y9K2M4N6P8Q0R2S4T6W"));
        Assert.Equal([NotificationKinds.Published, NotificationKinds.Replied], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("01HV3Z8Y9K2M4N6P8Q0R2S4T6W", e.ParentId));
        Assert.NotEqual(events[0].Id, NotificationEvents.ForDecision(Comment(CommentStatus.Approved)).Single().Id);
        Assert.NotEqual(events[0].Id, NotificationEvents.ForChange(Comment(CommentStatus.Approved) with { ETag = "W/\"other\"" }).Single().Id);

        var json = new NotificationMessage { Events = events }.ToJson();
        Assert.DoesNotContain("robin@example.com", json, StringComparison.Ordinal);
        Assert.DoesNotContain("iphash", json, StringComparison.Ordinal);
        Assert.Equal(events, NotificationMessage.Parse(json)!.Events, (a, b) => a.Id == b.Id && a.Kind == b.Kind && a.Excerpt == b.Excerpt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"events\":[]}")]
    [InlineData("{\"events\":[{\"id\":\"x/y\",\"kind\":\"comment.held\",\"slug\":\"a\",\"commentId\":\"01HV3Z8Y9K2M4N6P8Q0R2S4T6V\",\"at\":\"2026-01-01T00:00:00Z\",\"author\":\"a\",\"excerpt\":\"b\",\"status\":\"pending\"}]}")]
    [InlineData("{\"events\":[{\"id\":\"x\",\"kind\":\"comment.exploded\",\"slug\":\"a\",\"commentId\":\"01HV3Z8Y9K2M4N6P8Q0R2S4T6V\",\"at\":\"2026-01-01T00:00:00Z\",\"author\":\"a\",\"excerpt\":\"b\",\"status\":\"pending\"}]}")]
    [InlineData("{\"digest\":\"../x\"}")]
    public void Messages_no_one_could_act_on_do_not_parse(string text) => Assert.Null(NotificationMessage.Parse(text));

    [Fact]
    public void The_excerpt_is_the_beginning_of_the_text_cut_at_a_word()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 200));
        var excerpt = NotificationEvents.Excerpt(body);
        Assert.True(excerpt.Length <= NotificationEvent.ExcerptLength);
        Assert.EndsWith("word…", excerpt, StringComparison.Ordinal);
        Assert.Equal("a b c", NotificationEvents.Excerpt("  a\n\nb\t c "));
    }
}

public class NotificationOptionsTests
{
    private static NotificationOptions Valid() => new()
    {
        PublicUrl = new Uri("https://comments.example.org/api"),
        ModeratorEmails = "mods@example.org; Lead <lead@example.org>",
        Webhooks = new(StringComparer.OrdinalIgnoreCase)
        {
            ["slack"] = new WebhookEndpointOptions { Url = "https://hooks.slack.com/services/T/B/X", Format = "Slack" },
            ["ops"] = new WebhookEndpointOptions { Url = "https://ops.example.org/hook", Secret = WebhookSignature.NewSecret(), Events = "comment.urgent, comment.replied" },
        },
    };

    [Fact]
    public void Sensible_settings_pass_and_the_retries_double_up_to_the_longest_wait()
    {
        var options = Valid();
        Assert.Empty(NotificationOptions.Problems(options, development: false));
        Assert.Equal(["mods@example.org", "Lead <lead@example.org>"], options.ModeratorAddresses);
        Assert.Equal(WebhookFormat.Slack, options.Webhooks["slack"].FormatKind);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], Enumerable.Range(1, 3).Select(options.RetryDelay));
        Assert.Equal(TimeSpan.FromHours(2), options.RetryDelay(30));
        Assert.Equal(new Uri("https://comments.example.org/api/ui/moderation.html#comment/hello/01HV3Z8Y9K2M4N6P8Q0R2S4T6V"), options.DashboardLink("hello", "01HV3Z8Y9K2M4N6P8Q0R2S4T6V"));
    }

    public static TheoryData<Action<NotificationOptions>, bool, string> Broken => new()
    {
        { o => o.Webhooks["ops"].Url = "http://ops.example.org/hook", true, "Notifications:Webhooks:ops:Url must be https" },
        { o => o.Webhooks["ops"].Url = "http://127.0.0.1:8080/hook", false, "Notifications:Webhooks:ops:Url must be https" },
        { o => o.Webhooks["ops"].Url = "not a url", true, "Notifications:Webhooks:ops:Url" },
        { o => o.Webhooks["ops"].Secret = null, true, "Notifications:Webhooks:ops:Secret is needed" },
        { o => o.Webhooks["ops"].Secret = "hunter2", true, "Notifications:Webhooks:ops:Secret must be" },
        { o => o.Webhooks["ops"].Events = "comment.urgent, comment.exploded", true, "Notifications:Webhooks:ops:Events has \"comment.exploded\"" },
        { o => o.Webhooks["slack"].Format = "discord", true, "Notifications:Webhooks:slack:Format must be" },
        { o => o.Webhooks["bad name!"] = new WebhookEndpointOptions { Url = "https://x.example.org", Format = "slack" }, true, "Notifications:Webhooks:bad name!" },
        { o => o.ModeratorEmails = "mods-at-example.org", true, "Notifications:ModeratorEmails has \"mods-at-example.org\"" },
        { o => o.EmailEvents = "everything", true, "Notifications:EmailEvents" },
        { o => o.DigestMinutes = -1, true, "Notifications:DigestMinutes" },
        { o => o.FirstRetryDelay = TimeSpan.Zero, true, "Notifications:FirstRetryDelay" },
        { o => o.PublicUrl = null, true, "Notifications:PublicUrl is needed" },
        { o => o.PublicUrl = new Uri("ftp://example.org/api"), true, "Notifications:PublicUrl must be" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_names_its_setting(Action<NotificationOptions> breakIt, bool development, string expected)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var options = Valid();
        breakIt(options);
        Assert.Contains(NotificationOptions.Problems(options, development), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_to_loopback_passes_in_development_only_and_an_endpoint_without_a_url_is_off()
    {
        var options = Valid();
        options.Webhooks["ops"].Url = "http://127.0.0.1:8080/hook";
        Assert.Empty(NotificationOptions.Problems(options, development: true));

        options.Webhooks["ops"].Url = "";
        options.Webhooks["ops"].Secret = "";
        Assert.Empty(NotificationOptions.Problems(options, development: false));
        Assert.DoesNotContain(options.ActiveWebhooks, w => w.Key == "ops");
    }

    [Fact]
    public void Settings_as_the_template_writes_them_bind_empty_values_to_nothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:PublicUrl"] = "",
            ["Notifications:ModeratorEmails"] = "",
            ["Notifications:DigestMinutes"] = "15",
            ["Notifications:LinkSigningKey"] = "",
            ["Notifications:Webhooks:moderators:Url"] = "",
            ["Notifications:Webhooks:moderators:Format"] = "slack",
            ["Notifications:Webhooks:moderators:Secret"] = "",
            ["Notifications:Webhooks:moderators:Events"] = "",
        }).Build();
        var options = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()!;
        Assert.Null(options.PublicUrl);
        Assert.False(options.HasModeratorChannels);
        Assert.Empty(NotificationOptions.Problems(options, development: false));
    }
}

public class ModeratorNoticeTests
{
    private sealed class Links : IModerationLinks
    {
        public bool IsConfigured => true;

        public Uri? Create(ModerationLinkAction action, string slug, string commentId, string etag, string moderator) =>
            new($"https://comments.example.org/api/moderation/links/{action}/{slug}/{commentId}?to={Uri.EscapeDataString(moderator)}");
    }

    private static readonly NotificationOptions Options = new() { PublicUrl = new Uri("https://comments.example.org/api") };

    private static NotificationEvent Held(int n, bool urgent = false) => new()
    {
        Id = $"01HV3Z8Y9K2M4N6P8Q0R2S4T{n:D2}.decided.held",
        Kind = urgent ? NotificationKinds.Urgent : NotificationKinds.Held,
        Slug = "hello-world",
        CommentId = $"01HV3Z8Y9K2M4N6P8Q0R2S4T{n:D2}",
        At = DateTimeOffset.UnixEpoch,
        Author = "Robin <b>&",
        Excerpt = "Text with <script>alert(1)</script> & *stars*",
        Status = "pending",
        Urgent = urgent,
        ETag = "W/\"x\"",
        Reasons = [new ModerationReason("first-comment", "a first comment")],
    };

    [Fact]
    public void A_held_comment_carries_the_dashboard_approve_and_reject_links_in_every_format_with_the_text_escaped()
    {
        var notice = ModeratorNotice.For(Held(1, urgent: true), "mods@example.org", Options, new Links());
        Assert.StartsWith("URGENT", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("https://comments.example.org/api/ui/moderation.html#comment/hello-world/01HV3Z8Y9K2M4N6P8Q0R2S4T01", notice.Text(), StringComparison.Ordinal);
        Assert.Contains("Approve: https://comments.example.org/api/moderation/links/Approve/hello-world/01HV3Z8Y9K2M4N6P8Q0R2S4T01?to=mods%40example.org", notice.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", notice.Html(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", notice.Html(), StringComparison.Ordinal);

        var standard = JsonNode.Parse(notice.StandardPayload(DateTimeOffset.UnixEpoch))!;
        Assert.Equal(NotificationKinds.Urgent, standard["type"]!.GetValue<string>());
        Assert.EndsWith("Reject/hello-world/01HV3Z8Y9K2M4N6P8Q0R2S4T01?to=mods%40example.org", standard["data"]!["rejectUrl"]!.GetValue<string>(), StringComparison.Ordinal);

        var slack = JsonNode.Parse(notice.SlackPayload())!;
        Assert.Contains("&lt;script&gt;", notice.SlackPayload(), StringComparison.Ordinal);
        var buttons = slack["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.Equal(["Open in the dashboard", "Approve", "Reject"], buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()));

        var teams = JsonNode.Parse(notice.TeamsPayload())!;
        var card = teams["attachments"]![0]!["content"]!;
        Assert.Equal("1.4", card["version"]!.GetValue<string>());
        Assert.Equal("Attention", card["body"]![0]!["color"]!.GetValue<string>());
    }

    [Fact]
    public void Without_signing_a_message_has_only_the_dashboard_link()
    {
        var notice = ModeratorNotice.For(Held(1), "mods@example.org", Options, new UnconfiguredModerationLinks());
        Assert.DoesNotContain("Approve", notice.Text(), StringComparison.Ordinal);
        Assert.Contains("moderation.html#comment/hello-world/", notice.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_big_digest_stays_within_slacks_fifty_blocks_and_lists_everything_in_mail_and_json()
    {
        var digest = new NotificationEvent
        {
            Id = "digest-1",
            Kind = NotificationKinds.HeldDigest,
            Slug = string.Empty,
            CommentId = string.Empty,
            At = DateTimeOffset.UnixEpoch,
            Author = string.Empty,
            Excerpt = string.Empty,
            Status = "pending",
            Digest = [.. Enumerable.Range(0, 99).Select(n => Held(n))],
        };
        var notice = ModeratorNotice.For(digest, "slack", Options, new Links());
        Assert.Equal("99 comments wait for moderation", notice.Subject);
        Assert.True(JsonNode.Parse(notice.SlackPayload())!["blocks"]!.AsArray().Count <= 50);
        Assert.Contains("…and 84 more", notice.SlackPayload(), StringComparison.Ordinal);
        var data = JsonNode.Parse(notice.StandardPayload(DateTimeOffset.UnixEpoch))!["data"]!;
        Assert.Equal(99, data["count"]!.GetValue<int>());
        Assert.Equal(99, data["comments"]!.AsArray().Count);
        Assert.All(Enumerable.Range(0, 99), n => Assert.Contains($"01HV3Z8Y9K2M4N6P8Q0R2S4T{n:D2}", notice.Text(), StringComparison.Ordinal));
    }
}
