using Azure.Core;
using Commentary.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>The comment widget on the demo article page, in a real Chromium against the real self-host and Azurite.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WidgetTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public async Task Approved_comments_show_threaded_with_the_count_website_links_and_exact_dates_and_nothing_is_fetched_from_elsewhere()
    {
        var slug = await _host.AddArticleAsync("thread");
        var ada = await _host.ApprovedCommentAsync(slug, "Ada", "Early waking is my whole winter.", website: "https://ada.example/");
        var bo = await _host.ApprovedCommentAsync(slug, "Bo", "Same here, Ada. Getting up helps.", parentId: ada);
        var cy = await _host.ApprovedCommentAsync(slug, "Cy", "Thank you for writing this.");
        await using var context = await fixture.NewContextAsync();

        var reader = await ReaderPage.OpenAsync(context, slug);

        await Expect(reader.Heading).ToHaveTextAsync("3 comments");
        await Expect(reader.Page.Locator($".cm-list > #comment-{ada} > .cm-replies > #comment-{bo}")).ToContainTextAsync("Getting up helps.");
        await Expect(reader.Page.Locator($".cm-list > #comment-{cy}")).ToContainTextAsync("Thank you for writing this.");
        var adaLink = reader.Comment(ada).Locator(".cm-author").First;
        await Expect(adaLink).ToHaveAttributeAsync("href", "https://ada.example/");
        await Expect(adaLink).ToHaveAttributeAsync("rel", "nofollow ugc noopener");
        var date = reader.Comment(cy).Locator("time");
        await Expect(date).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"\d{4}"));
        await Expect(reader.Comment(ada).GetByRole(AriaRole.Button, new() { Name = "Reply to Ada" })).ToBeVisibleAsync();

        Assert.NotEmpty(reader.Requests);
        Assert.All(reader.Requests, url => Assert.StartsWith(fixture.Origin + "/", url, StringComparison.Ordinal));
        Assert.Empty(reader.PolicyViolations);
    }

    [Fact]
    public async Task A_long_thread_comes_in_pages_and_show_more_loads_the_rest()
    {
        var slug = await _host.AddArticleAsync("paging");
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await _host.ApprovedCommentAsync(slug, $"Reader {i}", $"Comment number {i}."));
        }

        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug, pageSize: 2);

        await Expect(reader.Heading).ToHaveTextAsync("5 comments");
        await Expect(reader.List.Locator(".cm-item")).ToHaveCountAsync(2);
        await reader.ShowMore.ClickAsync();
        await Expect(reader.List.Locator(".cm-item")).ToHaveCountAsync(4);
        await reader.ShowMore.ClickAsync();
        await Expect(reader.List.Locator(".cm-item")).ToHaveCountAsync(5);
        await Expect(reader.ShowMore).ToBeHiddenAsync();
        Assert.Equal(ids, await reader.List.Locator(".cm-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));
    }

    [Fact]
    public async Task A_comment_posted_through_the_form_awaits_moderation_and_appears_once_a_moderator_approves_it_in_the_dashboard()
    {
        var slug = await _host.AddArticleAsync("post");
        await using var readerContext = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(readerContext, slug);
        await Expect(reader.Heading).ToHaveTextAsync("No comments yet");

        await reader.FillAsync("Dana", Seeding.NewEmail(), "Naming it really does help.\n\nThank you.", website: "https://dana.example");
        await reader.PostAsync();

        var id = await reader.PendingIdAsync();
        await Expect(reader.Comment(id)).ToContainTextAsync("Awaiting moderation");
        await Expect(reader.Comment(id)).ToContainTextAsync("Naming it really does help.");
        await Expect(reader.FormStatus).ToContainTextAsync("awaiting moderation");
        await Expect(reader.Body).ToHaveValueAsync(string.Empty);
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-awaiting-moderation.png") });
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));

        await using var moderatorContext = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(moderatorContext);
        await Expect(dashboard.Item(id)).ToContainTextAsync("Naming it really does help.");
        await dashboard.Button(id, "Approve").ClickAsync();
        await Expect(dashboard.Item(id)).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToContainTextAsync("Approved the comment by Dana");
        Assert.Equal("approved", await _host.StoredStatusAsync(slug, id));

        // The reader's page asks about its pending comment with growing pauses and shows it once approved.
        await Expect(reader.Comment(id).Locator(".cm-badge")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Expect(reader.Heading).ToHaveTextAsync("1 comment");

        await using var laterContext = await fixture.NewContextAsync();
        var later = await ReaderPage.OpenAsync(laterContext, slug);
        await Expect(later.Comment(id)).ToContainTextAsync("Naming it really does help.");
        await Expect(later.Comment(id).Locator(".cm-author")).ToHaveAttributeAsync("href", "https://dana.example/");
        await Expect(later.Pending).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_email_me_boxes_start_unticked_and_a_ticked_one_is_posted_and_brings_the_confirmation_mail()
    {
        var slug = await _host.AddArticleAsync("notify");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        var published = reader.Widget.GetByLabel("Email me when my comment is published");
        var replies = reader.Widget.GetByLabel("Email me when someone replies to my comment");
        await Expect(published).Not.ToBeCheckedAsync();
        await Expect(replies).Not.ToBeCheckedAsync();

        var email = Seeding.NewEmail();
        await reader.FillAsync("Eli", email, "Please tell me when someone answers this.");
        await replies.CheckAsync();
        await reader.PostAsync();
        var id = await reader.PendingIdAsync();
        await Expect(replies).Not.ToBeCheckedAsync();

        var confirmation = await fixture.Smtp.WaitForAsync(email, m => (m.Subject ?? string.Empty).StartsWith("Please confirm", StringComparison.Ordinal), "the confirmation mail");
        Assert.Equal("List-Unsubscribe=One-Click", confirmation.Headers["List-Unsubscribe-Post"]);
        var subscriptions = _host.Services.GetRequiredService<Core.Notifications.CommenterSubscriptions>();
        var asked = Assert.Single(await subscriptions.ListAsync(email, CancellationToken.None), r => r.Kind == "comment");
        Assert.Equal(id, asked.CommentId);
        Assert.False(asked.Published);
        Assert.True(asked.Replies);
    }

    [Fact]
    public async Task A_post_retried_after_storage_answered_too_late_is_stored_once_and_awaits_moderation()
    {
        // A host of its own whose enqueue of the first comment reaches storage, but whose answer stalls past the
        // request deadline: the reader hears "try again" about a comment that was in fact taken.
        var stall = new AnswerTooLatePolicy(m => m.Request.Method == RequestMethod.Post
            && m.Request.Uri.Path.EndsWith($"/{StorageNames.SubmissionsQueue}/messages", StringComparison.Ordinal));
        var connection = fixture.Azurite.ConnectionString;
        await using var host = await SelfHost.StartAsync(connection, storage: PolicyStorageClients.For(connection, stall));
        var slug = await host.AddArticleAsync("retry");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = new Uri(host.BaseAddress, "api/ui/").ToString(),
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var reader = await ReaderPage.OpenAsync(context, slug);
        var keys = new List<string>();
        reader.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith($"/articles/{slug}/comments", StringComparison.Ordinal))
            {
                keys.Add(request.Headers.GetValueOrDefault("idempotency-key") ?? string.Empty);
            }
        };

        await reader.FillAsync("Robin", Seeding.NewEmail(), "Posting this once, whatever storage does.");
        await reader.PostAsync();
        await stall.Committed;
        await Expect(reader.FormStatus).ToContainTextAsync("Comments are taking a short break");
        var post = reader.Widget.GetByRole(AriaRole.Button, new() { Name = "Post comment" });
        await Expect(post).Not.ToHaveAttributeAsync("aria-disabled", "true");
        await reader.PostAsync();

        await Expect(reader.FormStatus).ToContainTextAsync("awaiting moderation");
        var id = await reader.PendingIdAsync();
        await Expect(reader.Pending).ToHaveCountAsync(1);
        Assert.Equal(2, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        var pending = await host.GetModeratorJsonAsync($"moderation/comments?status=pending&article={slug}");
        Assert.Equal([id], pending["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reply_opens_the_form_under_the_comment_and_the_reply_is_posted_with_its_parent()
    {
        var slug = await _host.AddArticleAsync("reply");
        var parent = await _host.ApprovedCommentAsync(slug, "Eli", "Does anyone else wake at exactly four?");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);

        await reader.Comment(parent).GetByRole(AriaRole.Button, new() { Name = "Reply to Eli" }).ClickAsync();

        await Expect(reader.Name).ToBeFocusedAsync();
        await Expect(reader.Comment(parent).Locator("form.cm-form")).ToBeVisibleAsync();
        await Expect(reader.Form).ToContainTextAsync("Replying to Eli");
        await reader.FillAsync("Fay", Seeding.NewEmail(), "Every night at 4:05.");
        await reader.PostAsync();

        var id = await reader.PendingIdAsync();
        await Expect(reader.Page.Locator($"#comment-{parent} > .cm-replies > #comment-{id}")).ToContainTextAsync("Awaiting moderation");
        await Expect(reader.Page.Locator(".cm-form-home > form.cm-form")).ToBeVisibleAsync();
        await _host.StoredStatusAsync(slug, id);
        var stored = await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);
        Assert.Equal(parent, stored!.ParentId);
    }

    [Fact]
    public async Task A_bad_email_is_reported_next_to_the_email_field_and_what_was_typed_stays()
    {
        var slug = await _host.AddArticleAsync("bademail");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);

        await reader.FillAsync("Gil", "not-an-email", "I would like to say something.");
        await reader.PostAsync();

        var error = reader.Page.Locator("#cm-email-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("does not look like an email address");
        await Expect(reader.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(reader.Email).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("cm-email-error"));
        await Expect(reader.Email).ToBeFocusedAsync();
        await Expect(reader.Body).ToHaveValueAsync("I would like to say something.");
        Assert.Null(await reader.Name.GetAttributeAsync("aria-invalid"));
        await Expect(reader.Pending).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Markup_in_a_comment_is_shown_as_text_and_never_becomes_elements()
    {
        const string Attack = "<img src=x onerror=\"window.__owned=1\"> and <b>bold</b> <script>window.__owned=2</script>";
        var slug = await _host.AddArticleAsync("markup");
        var approved = await _host.ApprovedCommentAsync(slug, "<i>Mallory</i>", Attack);
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);

        await reader.FillAsync("<b>Trent</b>", Seeding.NewEmail(), Attack);
        await reader.PostAsync();
        var pending = await reader.PendingIdAsync();

        foreach (var id in new[] { approved, pending })
        {
            await Expect(reader.Comment(id)).ToContainTextAsync("<img src=x onerror=\"window.__owned=1\">");
            await Expect(reader.Comment(id).Locator("img, b, i, script")).ToHaveCountAsync(0);
        }

        await Expect(reader.Comment(approved).Locator(".cm-author")).ToHaveTextAsync("<i>Mallory</i>");
        await Expect(reader.Widget.Locator("img")).ToHaveCountAsync(0);
        Assert.Null(await reader.Page.EvaluateAsync<int?>("() => window.__owned ?? null"));
    }

    [Fact]
    public async Task A_filled_honeypot_pretends_success_and_posts_nothing()
    {
        var slug = await _host.AddArticleAsync("honeypot");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        var posts = new List<string>();
        reader.Page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.Url);
            }
        };

        await reader.FillAsync("Bot", Seeding.NewEmail(), "Cheap watches at example dot com");
        await reader.Page.Locator("#cm-phone").EvaluateAsync("trap => { trap.value = '+1 555 0100'; }");
        await reader.PostAsync();

        await Expect(reader.FormStatus).ToContainTextAsync("awaiting moderation");
        await Expect(reader.Pending).ToHaveCountAsync(1);
        Assert.Empty(posts);
        var counts = await _host.Services.GetRequiredService<CommentStore>().CountsAsync(slug, CancellationToken.None);
        Assert.Equal(new ArticleCounts(0, 0, 0), counts);
    }

    [Fact]
    public async Task Name_email_and_website_are_remembered_only_while_the_box_is_ticked()
    {
        var slug = await _host.AddArticleAsync("remember");
        var email = Seeding.NewEmail();
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);

        await reader.FillAsync("Hana", email, "First visit.", website: "https://hana.example");
        await reader.PostAsync();
        await Expect(reader.FormStatus).ToContainTextAsync("awaiting moderation");
        var again = await ReaderPage.OpenAsync(context, slug);
        await Expect(again.Name).ToHaveValueAsync(string.Empty);
        Assert.Null(await again.Page.EvaluateAsync<string?>("() => localStorage.getItem('commentary:reader')"));

        await again.FillAsync("Hana", email, "Second visit.", website: "https://hana.example");
        await again.Remember.CheckAsync();
        await again.PostAsync();
        await Expect(again.FormStatus).ToContainTextAsync("awaiting moderation");
        var third = await ReaderPage.OpenAsync(context, slug);
        await Expect(third.Name).ToHaveValueAsync("Hana");
        await Expect(third.Email).ToHaveValueAsync(email);
        await Expect(third.Website).ToHaveValueAsync("https://hana.example");
        await Expect(third.Remember).ToBeCheckedAsync();

        await third.Remember.UncheckAsync();
        Assert.Null(await third.Page.EvaluateAsync<string?>("() => localStorage.getItem('commentary:reader')"));
    }

    [Theory]
    [InlineData(429, "Lots of comments are arriving right now")]
    [InlineData(503, "Comments are taking a short break")]
    public async Task Busy_and_unavailable_answers_say_when_to_try_again_and_keep_what_was_typed(int status, string message)
    {
        var slug = await _host.AddArticleAsync("busy");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        await reader.Page.RouteAsync(url => url.EndsWith($"/articles/{slug}/comments", StringComparison.Ordinal), route =>
            route.Request.Method == "POST"
                ? route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = status,
                    ContentType = "application/problem+json",
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "30" },
                    Body = JsonSerializer.Serialize(new { type = "about:blank", title = "Busy", status }),
                })
                : route.ContinueAsync());

        await reader.FillAsync("Ivo", Seeding.NewEmail(), "Posting at a bad moment.");
        await reader.PostAsync();

        await Expect(reader.FormStatus).ToContainTextAsync(message);
        await Expect(reader.FormStatus).ToContainTextAsync("30 seconds");
        await Expect(reader.Body).ToHaveValueAsync("Posting at a bad moment.");
        await Expect(reader.Name).ToHaveValueAsync("Ivo");
        await Expect(reader.Pending).ToHaveCountAsync(0);

        // The button is marked disabled until then; submitting from a field is answered by the widget itself.
        await Expect(reader.Widget.GetByRole(AriaRole.Button, new() { Name = "Post comment" })).ToBeDisabledAsync();
        await reader.Name.PressAsync("Enter");
        await Expect(reader.FormStatus).ToContainTextAsync("Please wait");
    }

    [Fact]
    public async Task A_closed_article_shows_no_form_and_a_409_on_posting_closes_the_form()
    {
        var closed = await _host.AddArticleAsync("closed", commentsOpen: false);
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, closed);
        await Expect(reader.Page.Locator(".cm-closed")).ToHaveTextAsync("Comments are closed.");
        await Expect(reader.Form).ToHaveCountAsync(0);

        var slug = await _host.AddArticleAsync("closing");
        await _host.ApprovedCommentAsync(slug, "Jo", "Made it in before closing.");
        var open = await ReaderPage.OpenAsync(context, slug);
        await open.Page.RouteAsync(url => url.EndsWith($"/articles/{slug}/comments", StringComparison.Ordinal), route =>
            route.Request.Method == "POST"
                ? route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 409,
                    ContentType = "application/problem+json",
                    Body = JsonSerializer.Serialize(new { type = "https://commentary.dev/problems/comments-closed", title = "Comments are closed", status = 409 }),
                })
                : route.ContinueAsync());
        await open.FillAsync("Kai", Seeding.NewEmail(), "Too late?");
        await open.PostAsync();

        await Expect(open.Page.Locator(".cm-closed")).ToContainTextAsync("Comments are closed on this article");
        await Expect(open.Form).ToHaveCountAsync(0);
        await Expect(open.Widget.GetByRole(AriaRole.Button, new() { Name = "Reply to Jo" })).ToHaveCountAsync(0);
    }
}
