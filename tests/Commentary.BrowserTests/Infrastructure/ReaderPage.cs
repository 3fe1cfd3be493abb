using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>The demo article page with the widget, as a reader uses it.</summary>
public sealed class ReaderPage
{
    private readonly List<string> _requests = [];
    private readonly List<string> _policyViolations = [];

    private ReaderPage(IPage page)
    {
        Page = page;
        page.Request += (_, request) => _requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _policyViolations.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for, including the widget's own calls.</summary>
    public IReadOnlyList<string> Requests => _requests;

    public IReadOnlyList<string> PolicyViolations => _policyViolations;

    public ILocator Widget => Page.Locator("#commentary");
    public ILocator Heading => Page.Locator("#cm-title");
    public ILocator List => Page.Locator(".cm-list");
    public ILocator Form => Page.Locator("form.cm-form");
    public ILocator FormStatus => Page.Locator(".cm-form-status");
    public ILocator Status => Page.Locator(".cm-status");
    public ILocator ShowMore => Widget.GetByRole(AriaRole.Button, new() { Name = "Show more comments" });
    public ILocator Name => Widget.GetByLabel("Name", new() { Exact = true });
    public ILocator Email => Widget.GetByLabel("Email", new() { Exact = true });
    public ILocator Website => Widget.GetByLabel("Website (optional)", new() { Exact = true });
    public ILocator Body => Widget.GetByLabel("Comment", new() { Exact = true });
    public ILocator Remember => Widget.GetByLabel("Remember my name, email and website on this device");

    public ILocator Comment(string id) => Page.Locator($"#comment-{id}");

    public ILocator Pending => Page.Locator(".cm-pending");

    /// <summary>The crisis panel the writer of a comment in the crisis lane sees.</summary>
    public ILocator Support => Page.Locator(".cm-support");

    /// <summary>Opens the article and waits until the widget has loaded its comments and shown the form or the closed note.</summary>
    public static async Task<ReaderPage> OpenAsync(IBrowserContext context, string slug, int? pageSize = null, string? country = null,
        string? lang = null)
    {
        var reader = new ReaderPage(await context.NewPageAsync());
        await reader.Page.GotoAsync($"demo.html?article={slug}" + (pageSize is null ? string.Empty : $"&pageSize={pageSize}")
            + (country is null ? string.Empty : $"&country={country}")
            + (lang is null ? string.Empty : $"&lang={Uri.EscapeDataString(lang)}"));
        await Expect(reader.Page.Locator("form.cm-form, .cm-closed")).ToBeVisibleAsync();
        return reader;
    }

    public async Task FillAsync(string name, string email, string body, string? website = null)
    {
        await Name.FillAsync(name);
        await Email.FillAsync(email);
        if (website is not null)
        {
            await Website.FillAsync(website);
        }

        await Body.FillAsync(body);
    }

    public Task PostAsync() => Widget.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

    /// <summary>The id of the reader's own comment that is awaiting moderation.</summary>
    public async Task<string> PendingIdAsync()
    {
        await Expect(Pending).ToHaveCountAsync(1);
        return (await Pending.GetAttributeAsync("data-id"))!;
    }
}
