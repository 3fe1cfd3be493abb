using System.Diagnostics;
using Commentary.Core.Moderation;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// The crisis lane in the browser: the writer of a comment held as urgent sees a calm panel with the site's resources
/// instead of "awaiting moderation" (focused, announced, tappable, axe clean, at phone width and in dark); nobody else
/// sees a trace; and the moderator sees what the writer was shown and can reply privately by email.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CrisisPanelTests(BrowserFixture fixture)
{
    private const string CrisisBody = "Reading this at 4am. I just want to die, everyone would be better off without me.";
    private readonly SelfHost _host = fixture.Host;

    public static TheoryData<string, int, int> Views => new()
    {
        { "light", 1100, 900 },
        { "dark", 1100, 900 },
        { "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_crisis_comment_shows_the_writer_the_resources_at_once_and_no_other_reader_sees_a_trace(string view, int width, int height)
    {
        var slug = await _host.AddArticleAsync("crisis-panel");
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light, width, height);
        var reader = await ReaderPage.OpenAsync(context, slug, country: "US");
        await reader.FillAsync("Robin", Seeding.NewEmail(), $"{CrisisBody} ({view})");

        var posted = Stopwatch.StartNew();
        await reader.PostAsync();
        var panel = reader.Support;
        await Expect(panel).ToBeVisibleAsync();
        posted.Stop();
        Assert.True(posted.Elapsed < TimeSpan.FromSeconds(15), $"the panel took {posted.Elapsed.TotalSeconds:0.0} s to appear");

        await Expect(panel).ToHaveAttributeAsync("role", "alert");
        await Expect(panel).ToBeFocusedAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "You don't have to face this alone" })).ToBeVisibleAsync();
        await Expect(panel).ToContainTextAsync("A person on our team will read your comment.");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Call 988" })).ToHaveAttributeAsync("href", "tel:988");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Text 988" })).ToHaveAttributeAsync("href", "sms:988");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Text 741741" })).ToHaveAttributeAsync("href", "sms:741741");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Visit 988lifeline.org" })).ToHaveAttributeAsync("href", "https://988lifeline.org/");
        await Expect(reader.FormStatus).Not.ToContainTextAsync("awaiting moderation");
        await Expect(reader.Widget.Locator("[role=alert]")).ToHaveCountAsync(1);

        var axe = await reader.Page.RunAxe();
        var problems = axe.Violations
            .Where(v => v.Impact is "serious" or "critical" || v.Nodes.Any(n => (n.Target?.ToString() ?? string.Empty).Contains("cm-support", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
        if (view == "phone")
        {
            Assert.False(await reader.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling at phone width");
            var tapHeight = await panel.GetByRole(AriaRole.Link, new() { Name = "Call 988" }).EvaluateAsync<double>("a => a.getBoundingClientRect().height");
            Assert.True(tapHeight >= 44, $"a link to tap is {tapHeight}px high");
        }

        await panel.ScreenshotAsync(new() { Path = Artifacts.PathFor($"crisis-panel-{view}.png") });

        // Another reader, in another browser profile: no panel, no comment, no count, no hint in what the page fetched.
        await using var otherContext = await fixture.NewContextAsync();
        var other = await ReaderPage.OpenAsync(otherContext, slug, country: "US");
        await Expect(other.Heading).ToHaveTextAsync("No comments yet");
        await Expect(other.Support).ToHaveCountAsync(0);
        await Expect(other.List.Locator("li")).ToHaveCountAsync(0);
        Assert.DoesNotContain(other.Requests, url => url.Contains("/comments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ordinary_comment_keeps_awaiting_moderation_and_shows_no_panel()
    {
        var slug = await _host.AddArticleAsync("crisis-ordinary");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug, country: "US");
        await reader.FillAsync("Sam", Seeding.NewEmail(), "The twenty-minute rule helped me a lot. Thank you for writing this.");
        await reader.PostAsync();
        var id = await reader.PendingIdAsync();
        await _host.StoredStatusAsync(slug, id);

        // The widget's next status answer comes after the policy decided: it is the one that would carry resources.
        var answer = await reader.Page.WaitForResponseAsync(r => r.Url.Contains($"/comments/{id}?", StringComparison.Ordinal));
        var status = await answer.JsonAsync();
        Assert.False(status!.Value.TryGetProperty("crisisResources", out _));
        await Expect(reader.FormStatus).ToContainTextAsync("awaiting moderation");
        await Expect(reader.Support).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_dashboard_shows_the_resources_the_writer_saw_and_a_private_reply_is_sent_and_recorded()
    {
        var slug = await _host.AddArticleAsync("crisis-dashboard");
        var email = Seeding.NewEmail();
        var id = await _host.SubmitAsync(slug, "Robin", email, CrisisBody);
        await _host.ListedForModerationAsync(slug, id);
        // The writer's widget asks with the page's country, as it does after posting.
        await _host.GetJsonAsync($"articles/{slug}/comments/{id}?country=US&lang=en");

        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        var item = dashboard.Item(id);
        var crisis = item.Locator(".crisis");
        await Expect(crisis).ToContainTextAsync("The writer was shown “You don't have to face this alone” (country US)");
        await Expect(crisis).ToContainTextAsync("988 Suicide & Crisis Lifeline");
        await Expect(crisis).ToContainTextAsync("call 988 · text 988 · https://988lifeline.org");
        await Expect(crisis).Not.ToContainTextAsync("Mail is not configured");

        await dashboard.Button(id, "Reply privately with resources…").ClickAsync();
        var subject = item.GetByLabel("Subject", new() { Exact = true });
        await Expect(subject).ToBeFocusedAsync();
        await Expect(subject).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^About your comment on "));
        await Expect(item.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Hello Robin,[\\s\\S]*call 988"));
        var axe = await dashboard.Page.RunAxe();
        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(blocking.Length == 0, string.Join("\n", blocking.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
        await item.ScreenshotAsync(new() { Path = Artifacts.PathFor("crisis-dashboard.png") });
        await subject.FillAsync("Thinking of you, Robin");
        await item.GetByRole(AriaRole.Button, new() { Name = "Send private reply" }).ClickAsync();

        await Expect(item.Locator(".notice")).ToContainTextAsync($"Private reply sent to {email}");
        var message = await fixture.Smtp.NextForAsync(email);
        Assert.Equal("Thinking of you, Robin", message.Subject);
        Assert.Contains("988", message.TextBody, StringComparison.Ordinal);
        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        var replied = Assert.Single(record["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.PrivateReply)!;
        Assert.Equal(SelfHost.ModeratorName, replied["by"]!.GetValue<string>());
    }
}
