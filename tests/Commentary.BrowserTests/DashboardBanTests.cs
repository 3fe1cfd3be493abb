using System.Text.RegularExpressions;
using Commentary.Core.Moderation;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// The dashboard's Bans tab in a real Chromium against the real self-host and Azurite. Bans are global to the
/// collection's Azurite, so each test bans addresses of its own and finds its rows by ban id; no test bans the IP hash
/// every test posts from.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardBanTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private static string EmailBanId(string email) => BanIds.Of(BanKind.Email, CommenterIdentity.EmailHash(email));

    private static bool IsBanPost(IResponse response) =>
        response.Request.Method == "POST" && response.Url.EndsWith("/moderation/bans", StringComparison.Ordinal);

    [Fact]
    public async Task A_ban_added_for_an_email_through_the_form_is_listed_on_the_page_and_by_the_api_and_rejects_that_address()
    {
        var email = Seeding.NewEmail();
        var banId = EmailBanId(email);
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        await dashboard.OpenBansAsync();
        await Expect(dashboard.BanRow(banId)).ToHaveCountAsync(0);

        await Expect(dashboard.BanKind("An email address")).ToBeCheckedAsync();
        await dashboard.BanValue("Email address").FillAsync(email);
        await dashboard.BanReason.FillAsync("Casino links in every comment.");
        await dashboard.BanExpires.FillAsync("2099-12-31");
        await dashboard.AddBan.ClickAsync();

        // The page: the new ban heads the list, and the form is empty for the next one.
        var row = dashboard.BanRow(banId);
        await Expect(row).ToBeVisibleAsync();
        await Expect(dashboard.BanRows.First).ToHaveAttributeAsync("data-ban-id", banId);
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync($"Email {email}");
        await Expect(row).ToContainTextAsync("Casino links in every comment.");
        await Expect(row).ToContainTextAsync($"by {SelfHost.ModeratorName}");
        await Expect(row).ToContainTextAsync("31 Dec 2099, 23:59");
        await Expect(dashboard.Status).ToHaveTextAsync($"Banned {email} until 31 Dec 2099, 23:59.");
        await Expect(dashboard.BanValue("Email address")).ToHaveValueAsync(string.Empty);
        await Expect(dashboard.BanReason).ToHaveValueAsync(string.Empty);
        await Expect(dashboard.BanExpires).ToHaveValueAsync(string.Empty);

        // The API: the same ban, lasting to the end of the chosen day in the moderator's time zone (UTC here).
        var listed = await _host.FindBanAsync(banId);
        Assert.NotNull(listed);
        Assert.Equal("email", listed["kind"]!.GetValue<string>());
        Assert.Equal(email, listed["email"]!.GetValue<string>());
        Assert.Equal("Casino links in every comment.", listed["reason"]!.GetValue<string>());
        Assert.Equal(SelfHost.ModeratorName, listed["bannedBy"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2099, 12, 31, 23, 59, 59, 999, TimeSpan.Zero), listed["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.True(listed["active"]!.GetValue<bool>());

        // And it does what a ban is for: that address's next comment is rejected.
        var slug = await _host.AddArticleAsync("banned-through-ui");
        var id = await _host.SubmitAsync(slug, "Banned Bo", email, $"Trying again after the ban ({Guid.NewGuid():N}).");
        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, id));
    }

    [Fact]
    public async Task A_ban_without_a_reason_or_with_a_bad_address_shows_the_apis_field_errors_and_bans_no_one()
    {
        var email = Seeding.NewEmail();
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        await dashboard.OpenBansAsync();
        var value = dashboard.BanValue("Email address");
        var valueError = dashboard.Page.Locator("#ban-value-error");
        var reasonError = dashboard.Page.Locator("#ban-reason-error");

        // No reason: the API refuses it, and its words are shown next to the reason, which describes the field.
        await value.FillAsync(email);
        var refused = await dashboard.Page.RunAndWaitForResponseAsync(() => dashboard.AddBan.ClickAsync(), IsBanPost);
        Assert.Equal(400, refused.Status);
        await Expect(reasonError).ToHaveTextAsync("Say why; the reason is shown to moderators and recorded with rejected comments.");
        await Expect(dashboard.BanReason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dashboard.BanReason).ToHaveAccessibleDescriptionAsync(new Regex("Say why; the reason is shown to moderators"));
        await Expect(dashboard.BanReason).ToBeFocusedAsync();
        await Expect(dashboard.Status).ToHaveTextAsync("Nothing was banned: 1 problem, shown next to the field.");
        await Expect(valueError).ToBeHiddenAsync();
        await Expect(value).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(value).ToHaveValueAsync(email);
        Assert.Null(await _host.FindBanAsync(EmailBanId(email)));

        // Not an address and no reason: both errors at once, the first field focused.
        await value.FillAsync("not-an-address");
        refused = await dashboard.Page.RunAndWaitForResponseAsync(() => dashboard.AddBan.ClickAsync(), IsBanPost);
        Assert.Equal(400, refused.Status);
        await Expect(valueError).ToHaveTextAsync("This is not an email address.");
        await Expect(reasonError).ToHaveTextAsync(new Regex("^Say why"));
        await Expect(value).ToBeFocusedAsync();
        await Expect(dashboard.Status).ToHaveTextAsync("Nothing was banned: 2 problems, shown next to the fields.");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-bans-errors.png"), FullPage = true });

        // Put right, it is accepted and the errors go.
        await value.FillAsync(email);
        await dashboard.BanReason.FillAsync("Spam");
        await dashboard.AddBan.ClickAsync();
        await Expect(dashboard.BanRow(EmailBanId(email))).ToBeVisibleAsync();
        await Expect(valueError).ToBeHiddenAsync();
        await Expect(reasonError).ToBeHiddenAsync();
        await Expect(dashboard.BanReason).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.NotNull(await _host.FindBanAsync(EmailBanId(email)));
    }

    [Fact]
    public async Task Lifting_a_ban_asks_first_then_removes_it_from_the_list_and_from_the_api()
    {
        var email = Seeding.NewEmail();
        var banId = (await _host.AddBanAsync(new { email, reason = "Was rude to everyone" }))["id"]!.GetValue<string>();
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        dashboard.AnswerConfirmations(false, true);
        await dashboard.OpenBansAsync();
        await Expect(dashboard.BanRow(banId)).ToContainTextAsync("Was rude to everyone");
        await Expect(dashboard.BanRow(banId)).ToContainTextAsync("Never");
        await Expect(dashboard.LiftButton(banId)).ToHaveAccessibleNameAsync($"Lift the ban on {email}");

        await dashboard.LiftButton(banId).ClickAsync();
        await Expect(dashboard.BanRow(banId)).ToBeVisibleAsync();
        Assert.NotNull(await _host.FindBanAsync(banId));

        await dashboard.LiftButton(banId).ClickAsync();
        await Expect(dashboard.BanRow(banId)).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToHaveTextAsync($"Lifted the ban on {email}.");
        Assert.Null(await _host.FindBanAsync(banId));

        // The list as the API has it now agrees.
        await dashboard.BansPanel.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(dashboard.BansPanel).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(dashboard.BanRow(banId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Ip_hash_and_lapsed_bans_are_listed_as_such_and_a_ban_lifted_elsewhere_is_removed_as_already_lifted()
    {
        var hash = BanCalls.UnusedIpHash();
        var lapsed = await _host.AddBanAsync(new { ipHash = hash, reason = "Flooded one thread", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        var email = Seeding.NewEmail();
        var elsewhere = (await _host.AddBanAsync(new { email, reason = "Lifted by someone else" }))["id"]!.GetValue<string>();
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        dashboard.AnswerConfirmations(true);
        await dashboard.OpenBansAsync();

        var ipRow = dashboard.BanRow(lapsed["id"]!.GetValue<string>());
        await Expect(ipRow.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync($"IP hash {hash}");
        await Expect(ipRow).ToHaveClassAsync("lapsed");
        await Expect(ipRow.Locator("td[data-label='Until']")).ToHaveTextAsync(new Regex("^Lapsed "));
        await Expect(dashboard.Page.Locator("#bans-summary")).ToContainTextAsync("lapsed");

        await _host.RemoveBanAsync(elsewhere);
        await dashboard.LiftButton(elsewhere).ClickAsync();
        await Expect(dashboard.BanRow(elsewhere)).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToHaveTextAsync($"The ban on {email} was already lifted (perhaps by someone else); it has been removed from the list.");
    }

    [Fact]
    public async Task Too_many_requests_an_unavailable_api_and_a_refused_key_are_explained_and_the_form_keeps_what_was_typed()
    {
        var email = Seeding.NewEmail();
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        await dashboard.OpenBansAsync();
        var answers = new Queue<(int Status, string Retry, string Title)>([(429, "7", "Too many requests"), (503, "5", "Service unavailable")]);
        await dashboard.Page.RouteAsync("**/moderation/bans", async route =>
        {
            if (route.Request.Method != "POST" || answers.Count == 0)
            {
                await route.ContinueAsync();
                return;
            }

            var (status, retry, title) = answers.Dequeue();
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = status,
                ContentType = "application/problem+json",
                Headers = new Dictionary<string, string> { ["Retry-After"] = retry },
                Body = $$"""{"type":"about:blank","title":"{{title}}","status":{{status}},"detail":"Not now."}""",
            });
        });
        await dashboard.BanValue("Email address").FillAsync(email);
        await dashboard.BanReason.FillAsync("Spam");

        await dashboard.AddBan.ClickAsync();
        const string TooMany = "Nothing was banned: the API has had too many requests from this address. Try again in 7 seconds.";
        await Expect(dashboard.BanFeedback).ToHaveTextAsync(TooMany);
        await Expect(dashboard.Status).ToHaveTextAsync(TooMany);

        await dashboard.AddBan.ClickAsync();
        const string Unavailable = "Nothing was banned: the API is briefly unavailable. Try again in 5 seconds.";
        await Expect(dashboard.BanFeedback).ToHaveTextAsync(Unavailable);
        await Expect(dashboard.BanValue("Email address")).ToHaveValueAsync(email);
        await Expect(dashboard.BanReason).ToHaveValueAsync("Spam");
        Assert.Null(await _host.FindBanAsync(EmailBanId(email)));

        // The third try reaches the API and succeeds.
        await dashboard.AddBan.ClickAsync();
        await Expect(dashboard.BanRow(EmailBanId(email))).ToBeVisibleAsync();
        await Expect(dashboard.BanFeedback).ToBeHiddenAsync();
        Assert.NotNull(await _host.FindBanAsync(EmailBanId(email)));

        // A key the API no longer accepts (rotated meanwhile): the dashboard signs out, says why and forgets the list.
        await dashboard.Page.RouteAsync("**/moderation/bans", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 401,
            ContentType = "application/problem+json",
            Body = """{"type":"about:blank","title":"Unauthorized","status":401}""",
        }));
        await dashboard.BansPanel.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(dashboard.KeyError).ToHaveTextAsync("The API no longer accepts this key. Please sign in again.");
        await Expect(dashboard.Key).ToBeFocusedAsync();
        await Expect(dashboard.BanRows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Ban_author_on_a_pending_comment_fills_in_its_email_or_its_ip_hash()
    {
        var slug = await _host.AddArticleAsync("ban-from-comment");
        var id = await _host.PendingCommentAsync(slug, "Prefill Pat", $"A first comment, so it waits for a moderator ({Guid.NewGuid():N}).");
        var record = await _host.ListedForModerationAsync(slug, id);
        var email = record["email"]!.GetValue<string>();
        var ipHash = record["ipHash"]!.GetValue<string>();
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.Button(id, "Ban author…").ClickAsync();
        await Expect(dashboard.Tab("Bans")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(dashboard.BanValue("Email address")).ToHaveValueAsync(email);
        await Expect(dashboard.BanReason).ToBeFocusedAsync();
        await Expect(dashboard.Page.Locator("#ban-source")).ToContainTextAsync($"the comment by Prefill Pat on {slug}");

        // The same comment's address instead: choosing the kind swaps in its IP hash, and back.
        await dashboard.BanKind("An IP hash").CheckAsync();
        await Expect(dashboard.BanValue("IP hash")).ToHaveValueAsync(ipHash);
        await dashboard.BanKind("An email address").CheckAsync();
        await Expect(dashboard.BanValue("Email address")).ToHaveValueAsync(email);

        // From the keyboard: b on the focused comment does the same. (No IP ban is added: every test posts from here.)
        await dashboard.Tab("Pending").ClickAsync();
        await dashboard.LoadedAsync();
        await dashboard.Item(id).Locator("article").FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("b");
        await Expect(dashboard.Tab("Bans")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(dashboard.BanValue("Email address")).ToHaveValueAsync(email);
        await dashboard.BanReason.FillAsync("Sells followers");
        await dashboard.AddBan.ClickAsync();
        await Expect(dashboard.BanRow(EmailBanId(email))).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#ban-source")).ToBeHiddenAsync();
        Assert.Equal("Sells followers", (await _host.FindBanAsync(EmailBanId(email)))!["reason"]!.GetValue<string>());
    }
}
