using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// The widget in the reader's language: data-lang (here through the demo page's ?lang=) picks a message table that is
/// fetched only then; Arabic turns the widget right-to-left. Screenshots go to test-artifacts/.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class LanguageTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    /// <summary>Language asked for, heading for two comments, the post button, the file fetched (none for English), direction.</summary>
    public static TheoryData<string, string, string, string?, string> Languages => new()
    {
        { "en", "2 comments", "Post comment", null, "ltr" },
        { "de", "2 Kommentare", "Kommentar senden", "embed.de.json", "ltr" },
        { "de-AT", "2 Kommentare", "Kommentar senden", "embed.de.json", "ltr" },
        { "fr", "2 commentaires", "Publier le commentaire", "embed.fr.json", "ltr" },
        { "es", "2 comentarios", "Publicar comentario", "embed.es.json", "ltr" },
        { "nl", "2 reacties", "Reactie plaatsen", "embed.nl.json", "ltr" },
        { "pt-BR", "2 comentários", "Publicar comentário", "embed.pt.json", "ltr" },
        // Arabic has a dual form: two comments are "تعليقان", not "2 تعليقات".
        { "ar", "تعليقان", "نشر التعليق", "embed.ar.json", "rtl" },
        // A language we do not ship is English, quietly, with nothing fetched.
        { "xx", "2 comments", "Post comment", null, "ltr" },
        { "not a language!", "2 comments", "Post comment", null, "ltr" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_widget_speaks_the_language_it_is_given_and_fetches_only_that_one_table(
        string lang, string heading, string post, string? file, string direction)
    {
        var slug = await _host.AddArticleAsync("lang");
        await _host.ApprovedCommentAsync(slug, "Ines", $"Danke für diesen Text ({lang}).");
        await _host.ApprovedCommentAsync(slug, "Omar", $"شكرًا على هذا المقال ({lang}).");
        await using var context = await fixture.NewContextAsync();
        var errors = new List<string>();

        var reader = await OpenAsync(context, slug, lang, errors);

        await Expect(reader.Heading).ToHaveTextAsync(heading);
        await Expect(reader.Widget.Locator("button.cm-submit")).ToHaveTextAsync(post);
        await Expect(reader.Widget.Locator("section.cm")).ToHaveAttributeAsync("dir", direction);
        var tables = reader.Requests.Where(url => TableRequest().IsMatch(url)).Select(url => TableRequest().Match(url).Groups["file"].Value);
        Assert.Equal(file is null ? [] : [file], tables);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task In_German_dates_replies_and_the_APIs_field_errors_are_German_and_axe_finds_nothing_serious()
    {
        var slug = await _host.AddArticleAsync("sprache");
        await _host.ApprovedCommentAsync(slug, "Eli", "Das frühe Aufwachen kenne ich gut.");
        await using var context = await fixture.NewContextAsync();
        var reader = await OpenAsync(context, slug, "de", []);

        await Expect(reader.Heading).ToHaveTextAsync("1 Kommentar");
        await Expect(reader.Widget.Locator("section.cm")).ToHaveAttributeAsync("lang", "de");
        await Expect(reader.List.Locator("time").First).ToHaveAttributeAsync("title", GermanDate());
        await reader.Widget.GetByRole(AriaRole.Button, new() { Name = "Eli antworten" }).ClickAsync();
        await Expect(reader.Page.Locator(".cm-form-title")).ToHaveTextAsync("Eli antworten");
        await Expect(reader.Page.Locator(".cm-replying")).ToContainTextAsync("Sie antworten Eli.");

        // The browser lets the typo through (the form is novalidate); the API answers 400 with an English message for
        // the email field, and the widget says it in German.
        await reader.Widget.GetByLabel("Name", new() { Exact = true }).FillAsync("Jonas");
        await reader.Widget.GetByLabel("E-Mail", new() { Exact = true }).FillAsync("jonas-at-example");
        await reader.Widget.GetByLabel("Kommentar", new() { Exact = true }).FillAsync("Mir hilft es, aufzustehen.");
        await reader.Widget.GetByRole(AriaRole.Button, new() { Name = "Kommentar senden" }).ClickAsync();
        await Expect(reader.Page.Locator("#cm-email-error")).ToHaveTextAsync("Das sieht nicht nach einer E-Mail-Adresse aus.");
        await Expect(reader.FormStatus).ToHaveTextAsync("Einige Felder müssen geändert werden; jedes sagt, was fehlt.");

        await AccessibilityTests.AssertNoBlockingViolationsAsync(reader.Page, "widget in German");
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-de.png") });
    }

    [Fact]
    public async Task In_Arabic_the_widget_is_right_to_left_in_Arabic_and_axe_finds_nothing_serious()
    {
        var slug = await _host.AddArticleAsync("arabic");
        var first = await _host.ApprovedCommentAsync(slug, "ليلى", "أستيقظ كل ليلة في الرابعة، وهذا المقال ساعدني.");
        await _host.ApprovedCommentAsync(slug, "سامي", "وأنا أيضًا. القراءة في المطبخ تساعدني.", parentId: first);
        await _host.ApprovedCommentAsync(slug, "Nour", "Thank you for the calm tone.");
        await using var context = await fixture.NewContextAsync();
        var reader = await OpenAsync(context, slug, "ar", []);

        var section = reader.Widget.Locator("section.cm");
        await Expect(section).ToHaveAttributeAsync("dir", "rtl");
        await Expect(section).ToHaveAttributeAsync("lang", "ar");
        await Expect(reader.Heading).ToHaveTextAsync(new Regex(@"^\S+ تعليقات$"));
        await Expect(reader.Page.Locator(".cm-form-title")).ToHaveTextAsync("اترك تعليقًا");
        await Expect(reader.Widget.GetByLabel("الاسم", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("rtl", await reader.Heading.EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        // A reply is indented from the right, where an Arabic line starts, and its rule is on that side too.
        var parent = await reader.Comment(first).BoundingBoxAsync();
        var replies = await reader.Comment(first).Locator(".cm-replies").BoundingBoxAsync();
        Assert.NotNull(parent);
        Assert.NotNull(replies);
        var fromRight = parent.X + parent.Width - (replies.X + replies.Width);
        var fromLeft = replies.X - parent.X;
        Assert.True(fromRight > 10 && fromLeft < 1, $"replies are indented {fromRight}px from the right and {fromLeft}px from the left");
        Assert.Equal("2px", await reader.Comment(first).Locator(".cm-replies").EvaluateAsync<string>("e => getComputedStyle(e).borderRightWidth"));

        await reader.Widget.GetByLabel("الاسم", new() { Exact = true }).FillAsync("Rami");
        await reader.Widget.GetByLabel("البريد الإلكتروني", new() { Exact = true }).FillAsync("rami@example.org");
        await reader.Widget.GetByLabel("الموقع الإلكتروني (اختياري)", new() { Exact = true }).FillAsync("ftp://rami.example");
        await reader.Widget.GetByLabel("التعليق", new() { Exact = true }).FillAsync("مقال جميل.");
        await reader.Widget.GetByRole(AriaRole.Button, new() { Name = "نشر التعليق" }).ClickAsync();
        await Expect(reader.Page.Locator("#cm-website-error")).ToHaveTextAsync("يجب أن يبدأ عنوان الموقع بـ http:// أو https://.");

        await AccessibilityTests.AssertNoBlockingViolationsAsync(reader.Page, "widget in Arabic");
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-ar.png") });
        var overflow = await reader.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the right-to-left widget should not make the page scroll sideways");
    }

    [Fact]
    public async Task The_dashboard_follows_the_browsers_German_and_the_moderators_choice_of_Arabic_and_axe_finds_nothing_serious()
    {
        var slug = await _host.AddArticleAsync("dashboard-sprache");
        await _host.PendingCommentAsync(slug, "Greta", "Ein erster Kommentar, der auf die Moderation wartet.");
        await using var context = await fixture.NewContextAsync(locale: "de-DE");
        var dashboard = new DashboardPage(await context.NewPageAsync());
        await dashboard.Page.GotoAsync("moderation.html");

        await Expect(dashboard.Page.Locator("#sign-in-title")).ToHaveTextAsync("Anmelden");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await dashboard.Page.GetByLabel("Moderationsschlüssel").FillAsync(SelfHost.ModeratorKey);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(dashboard.Page.GetByRole(AriaRole.Tab, new() { Name = "Offen" })).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(dashboard.Items.First.GetByRole(AriaRole.Button, new() { Name = "Freigeben", Exact = true })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(dashboard.Page, "dashboard in German");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-de.png"), FullPage = true });

        // The choice is kept in this browser and the page reloads in it; the key stays for the tab.
        await dashboard.Page.Locator("#language").SelectOptionAsync("ar");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(dashboard.Page.GetByRole(AriaRole.Tab, new() { Name = "قيد الانتظار" })).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(dashboard.Items.First.GetByRole(AriaRole.Button, new() { Name = "قبول", Exact = true })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(dashboard.Page, "dashboard in Arabic");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-ar.png"), FullPage = true });
    }

    private static async Task<ReaderPage> OpenAsync(IBrowserContext context, string slug, string lang, List<string> errors)
    {
        // Failed fetches are told by their answers (the browser asks for a favicon the demo page does not have).
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        context.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return await ReaderPage.OpenAsync(context, slug, lang: lang);
    }

    [GeneratedRegex(@"/ui/(?<file>embed\.[a-z]+\.json)\?v=[0-9a-f]+$")]
    private static partial Regex TableRequest();

    /// <summary>Intl.DateTimeFormat's long German date, e.g. "7. Dezember 2026 um 03:15".</summary>
    [GeneratedRegex(@"^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}")]
    private static partial Regex GermanDate();
}
