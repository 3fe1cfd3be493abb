using Commentary.Core.Notifications;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.IntegrationTests;

/// <summary>
/// The Approve and Reject links of moderators' notifications, opened over real HTTP on the self-host against a real
/// Azurite: opening one changes nothing, confirming acts once, and every bad link answers a page and changes nothing.
/// </summary>
public sealed class ModerationLinkTests(ModerationLinkFixture fixture) : IClassFixture<ModerationLinkFixture>
{
    private const string Moderator = "ann@example.org";
    private readonly SelfHost _host = fixture.Host;

    private async Task<(string Slug, string Id)> HeldCommentAsync(string prefix)
    {
        var slug = await _host.AddArticleAsync(prefix);
        var id = await _host.SubmitAsync(slug, "Sam", $"{prefix}-{Guid.NewGuid():N}@example.com", $"A first comment waits for a moderator ({Guid.NewGuid():N}).");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));
        return (slug, id);
    }

    private Task<Comment?> StoredAsync(string slug, string id) =>
        _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);

    /// <summary>Everything a link could change: the comment, its history, and the record of used links.</summary>
    private async Task<string> StateAsync(string slug, string id)
    {
        var comment = await StoredAsync(slug, id);
        var events = await _host.Services.GetRequiredService<CommentEvents>().ListAsync(slug, id, CancellationToken.None);
        var used = 0;
        await foreach (var _ in _host.Storage.UsedModerationLinks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug + "_" + id}")))
        {
            used++;
        }

        return $"{comment?.Status}|{comment?.ETag}|{comment?.ModeratedBy}|{events.Count}|{used}";
    }

    private async Task<string> OpenAsync(Uri link, HttpStatusCode expected)
    {
        using var response = await _host.Client.GetAsync(_host.OnHost(link));
        return await PageAsync(response, "GET", expected);
    }

    private async Task<string> ConfirmAsync(string token, HttpStatusCode expected, string? reason = null, string? fetchSite = null)
    {
        using var response = await _host.ConfirmLinkAsync(token, reason, fetchSite);
        return await PageAsync(response, "POST", expected);
    }

    /// <summary>A page for a person, as the OpenAPI document promises it for this status, with the headers that keep it private.</summary>
    private async Task<string> PageAsync(HttpResponseMessage response, string method, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} answered {(int)response.StatusCode}, not {(int)expected}:\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        var (documented, _) = (await fixture.ContractAsync()).Response(method, "/" + ModerationLinks.Route, (int)expected);
        Assert.NotNull(documented["content"]?["text/html"]);
        return html;
    }

    [Fact]
    public async Task Opening_a_link_shows_the_comment_and_asks_but_changes_nothing()
    {
        var (slug, id) = await HeldCommentAsync("link-open");
        var link = await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, Moderator);
        var before = await StateAsync(slug, id);

        // A mail scanner, a link preview and then the moderator: three GETs.
        for (var i = 0; i < 3; i++)
        {
            var page = await OpenAsync(link, HttpStatusCode.OK);
            Assert.Contains("<h1>Approve this comment?</h1>", page, StringComparison.Ordinal);
            Assert.Contains("A first comment waits for a moderator", page, StringComparison.Ordinal);
            Assert.Contains($"value=\"{ModerationLinkCalls.TokenOf(link)}\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.com", page, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StateAsync(slug, id));
        Assert.Equal(CommentStatus.Pending, (await StoredAsync(slug, id))!.Status);
    }

    [Fact]
    public async Task Confirming_approves_once_and_the_history_names_the_moderator_and_the_email_link()
    {
        var (slug, id) = await HeldCommentAsync("link-approve");
        var link = await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, Moderator);
        var token = ModerationLinkCalls.TokenOf(link);

        var done = await ConfirmAsync(token, HttpStatusCode.OK);

        Assert.Contains("Comment approved", done, StringComparison.Ordinal);
        var stored = (await StoredAsync(slug, id))!;
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.Equal("ann@example.org (email link)", stored.ModeratedBy);
        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        var approved = Assert.Single(record["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.Approved)!;
        Assert.Equal("ann@example.org (email link)", approved["by"]!.GetValue<string>());
        var published = await _host.GetJsonAsync($"articles/{slug}/comments");
        Assert.Equal([id], published.Ids());

        // The same link again, confirmed or only opened: used, and nothing more happens.
        var after = await StateAsync(slug, id);
        Assert.Contains("used already", await ConfirmAsync(token, HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Contains("used already", await OpenAsync(link, HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Equal(after, await StateAsync(slug, id));
    }

    [Fact]
    public async Task Of_two_confirmations_sent_at_once_exactly_one_acts()
    {
        var (slug, id) = await HeldCommentAsync("link-race");
        var token = ModerationLinkCalls.TokenOf(await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, Moderator));

        var answers = await Task.WhenAll(_host.ConfirmLinkAsync(token), _host.ConfirmLinkAsync(token));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Gone], answers.Select(a => a.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        var events = await _host.Services.GetRequiredService<CommentEvents>().ListAsync(slug, id, CancellationToken.None);
        Assert.Single(events, e => e.Kind == CommentEventKinds.Approved);
    }

    [Fact]
    public async Task A_reject_link_asks_for_the_reason_and_keeps_it_with_the_comment()
    {
        var (slug, id) = await HeldCommentAsync("link-reject");
        var link = await _host.LinkForAsync(ModerationLinkAction.Reject, slug, id, "team-slack");
        var token = ModerationLinkCalls.TokenOf(link);
        Assert.Contains("<textarea id=\"reason\" name=\"reason\"", await OpenAsync(link, HttpStatusCode.OK), StringComparison.Ordinal);
        var before = await StateAsync(slug, id);

        var again = await ConfirmAsync(token, HttpStatusCode.BadRequest, reason: "   ");
        Assert.Contains("Say why the comment is rejected", again, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(slug, id));

        Assert.Contains("Comment rejected", await ConfirmAsync(token, HttpStatusCode.OK, reason: "Advertising."), StringComparison.Ordinal);
        var stored = (await StoredAsync(slug, id))!;
        Assert.Equal(CommentStatus.Rejected, stored.Status);
        Assert.Equal("Advertising.", stored.StatusNote);
        var events = await _host.Services.GetRequiredService<CommentEvents>().ListAsync(slug, id, CancellationToken.None);
        var rejected = Assert.Single(events, e => e.Kind == CommentEventKinds.Rejected);
        Assert.Equal("team-slack (webhook link)", rejected.By);
        Assert.Equal("Advertising.", rejected.Detail);
    }

    /// <summary>One way for a link to go bad: what to do to the link or the comment, and what both routes must answer.</summary>
    public sealed record BadLink(string Name, LinkOutcomeKind Kind, HttpStatusCode Status, string Says, Func<ModerationLinkTests, string, string, Uri, Task<Uri>> Spoil)
    {
        public override string ToString() => Name;
    }

    public static readonly BadLink[] BadLinks =
    [
        new("a changed character", LinkOutcomeKind.Invalid, HttpStatusCode.Forbidden, "not valid", (_, _, _, link) =>
        {
            var token = ModerationLinkCalls.TokenOf(link);
            var middle = token.Length / 2;
            var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
            return Task.FromResult(new Uri(link.AbsoluteUri.Replace(token, changed, StringComparison.Ordinal)));
        }),
        new("another site's key", LinkOutcomeKind.Invalid, HttpStatusCode.Forbidden, "not valid", (t, slug, id, link) =>
            Task.FromResult(t.LinkMadeWith("another-sites-link-signing-key-0123456789", TimeProvider.System, slug, id, link))),
        new("eight days old", LinkOutcomeKind.Expired, HttpStatusCode.Gone, "expired", (t, slug, id, link) =>
            Task.FromResult(t.LinkMadeWith(ModerationLinkCalls.SigningKey, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-8)), slug, id, link))),
        new("used before", LinkOutcomeKind.Used, HttpStatusCode.Gone, "used already", async (t, _, _, link) =>
        {
            using var first = await t._host.ConfirmLinkAsync(ModerationLinkCalls.TokenOf(link));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            return link;
        }),
        new("a comment approved in the dashboard meanwhile", LinkOutcomeKind.Stale, HttpStatusCode.Conflict, "open the dashboard", async (t, slug, id, link) =>
        {
            await t._host.ModerateAsync("approve", slug, id);
            return link;
        }),
        new("a comment deleted meanwhile", LinkOutcomeKind.Gone, HttpStatusCode.NotFound, "gone", async (t, slug, id, link) =>
        {
            using var delete = t._host.AsModerator(HttpMethod.Delete, $"moderation/comments/{slug}/{id}");
            using var deleted = await t._host.Client.SendAsync(delete);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            return link;
        }),
    ];

    public static TheoryData<BadLink> BadLinkCases => new(BadLinks);

    private Uri LinkMadeWith(string key, TimeProvider clock, string slug, string id, Uri link)
    {
        var etag = _host.Services.GetRequiredService<ModerationLinks>().Read(ModerationLinkCalls.TokenOf(link)).Link!.ETag;
        var links = new ModerationLinks(Options.Create(new NotificationOptions { LinkSigningKey = key, PublicUrl = ModerationLinkCalls.PublicUrl }), clock);
        return links.Create(ModerationLinkAction.Approve, slug, id, etag, Moderator)!;
    }

    [Fact]
    public void The_bad_links_tried_cover_every_refusal()
    {
        var refusals = Enum.GetValues<LinkOutcomeKind>().Except([LinkOutcomeKind.Ready, LinkOutcomeKind.Done]);

        Assert.Equal(refusals.Order(), BadLinks.Select(b => b.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(BadLinkCases))]
    public async Task A_bad_link_answers_a_clear_page_when_opened_and_when_confirmed_and_changes_nothing(BadLink bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var (slug, id) = await HeldCommentAsync("link-bad");
        var link = await bad.Spoil(this, slug, id, await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, Moderator));
        var before = await StateAsync(slug, id);

        Assert.Contains(bad.Says, await OpenAsync(link, bad.Status), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(bad.Says, await ConfirmAsync(ModerationLinkCalls.TokenOf(link), bad.Status), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(before, await StateAsync(slug, id));
    }

    [Fact]
    public async Task A_confirmation_from_another_site_or_not_as_a_form_is_refused_and_changes_nothing()
    {
        var (slug, id) = await HeldCommentAsync("link-csrf");
        var token = ModerationLinkCalls.TokenOf(await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, Moderator));
        var before = await StateAsync(slug, id);

        await ConfirmAsync(token, HttpStatusCode.Forbidden, fetchSite: "cross-site");
        using (var json = await _host.Client.PostAsync(ModerationLinks.Route, new StringContent($$"""{"token":"{{token}}"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            await PageAsync(json, "POST", HttpStatusCode.UnsupportedMediaType);
        }

        using (var huge = await _host.Client.PostAsync(ModerationLinks.Route, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["reason"] = new string('x', 20_000) })))
        {
            await PageAsync(huge, "POST", HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.Equal(before, await StateAsync(slug, id));
        // From its own page, the same token still works.
        await ConfirmAsync(token, HttpStatusCode.OK, fetchSite: "same-origin");
    }

    [Fact]
    public async Task With_storage_unreachable_a_link_answers_a_503_page_with_retry_after()
    {
        var deadPort = AzuriteProcess.FreePorts(1)[0];
        var connection = AzuriteProcess.ConnectionStringFor(deadPort, deadPort, deadPort);
        await using var host = await SelfHost.StartAsync(connection, ModerationLinkCalls.WithLinks(), waitForStorage: false);
        var link = host.Services.GetRequiredService<IModerationLinks>().Create(ModerationLinkAction.Approve, "some-article", "01JH8ZQ4W6X5N3M2K1P0R9S8T7", "W/\"1\"", Moderator)!;

        using var opened = await host.Client.GetAsync(host.OnHost(link));
        using var confirmed = await host.ConfirmLinkAsync(ModerationLinkCalls.TokenOf(link));

        foreach (var (response, method) in new[] { (opened, "GET"), (confirmed, "POST") })
        {
            var page = await PageAsync(response, method, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("Storage is not answering", page, StringComparison.Ordinal);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        }
    }
}

/// <summary>Its own Azurite, and a host that makes and accepts signed moderation links.</summary>
public sealed class ModerationLinkFixture : IAsyncLifetime
{
    private OpenApiContract? _contract;

    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, ModerationLinkCalls.WithLinks());
        await Host.UseModerationSettingsAsync(s =>
        {
            s.Flood.MaxRecentFromIp = 100_000;
            s.Duplicates.Enabled = false;
        });
    }

    /// <summary>The OpenAPI document the host serves.</summary>
    public async Task<OpenApiContract> ContractAsync() =>
        _contract ??= new OpenApiContract((await Host.GetJsonAsync("openapi.json")).AsObject());

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
