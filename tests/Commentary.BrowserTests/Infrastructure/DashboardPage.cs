using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>The moderation dashboard, as a moderator uses it.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page { get; } = page;
    public ILocator Key => Page.GetByLabel("Moderator key");
    public ILocator KeyError => Page.Locator("#key-error");
    public ILocator Items => Page.Locator("#items > .item");
    public ILocator Status => Page.Locator("#status");
    public ILocator Help => Page.Locator("#help");

    public ILocator Item(string id) => Page.Locator($"#items > .item[data-id='{id}']");

    public ILocator Button(string id, string name) => Item(id).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name });

    public ILocator PoisonItems => Page.Locator("#poison-items > .item");

    public ILocator PoisonItem(string messageId) => Page.Locator($"#poison-items > .item[data-message-id='{messageId}']");

    public ILocator SettingsBox => Page.GetByLabel("Moderation settings (JSON)");

    public ILocator SettingsFeedback => Page.Locator("#settings-feedback");

    public ILocator SettingsProblems => Page.Locator("#settings-errors > li");

    public ILocator BansPanel => Page.Locator("#bans-panel");

    public ILocator BanRows => Page.Locator("#bans-items > tr");

    public ILocator BanRow(string banId) => Page.Locator($"#bans-items > tr[data-ban-id='{banId}']");

    /// <summary>The value field, labelled for the kind chosen: "Email address" or "IP hash".</summary>
    public ILocator BanValue(string label) => BansPanel.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    public ILocator BanReason => BansPanel.GetByRole(AriaRole.Combobox, new() { Name = "Reason", Exact = true });

    public ILocator BanExpires => BansPanel.GetByLabel("Until (optional)");

    public ILocator BanKind(string label) => BansPanel.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true });

    public ILocator AddBan => BansPanel.GetByRole(AriaRole.Button, new() { Name = "Add ban", Exact = true });

    public ILocator BanFeedback => Page.Locator("#ban-feedback");

    public ILocator LiftButton(string banId) => BanRow(banId).GetByRole(AriaRole.Button, new() { Name = "Lift" });

    /// <summary>Opens the Bans tab and waits until the list has loaded.</summary>
    public async Task OpenBansAsync()
    {
        await Tab("Bans").ClickAsync();
        await Expect(BansPanel).ToBeVisibleAsync();
        await Expect(BansPanel).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    /// <summary>Opens the Settings tab and waits until the settings in force are in the text box.</summary>
    public async Task OpenSettingsAsync()
    {
        await Tab("Settings").ClickAsync();
        await Expect(SettingsBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"links\""));
        await Expect(Page.Locator("#settings-panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    /// <summary>Answers every confirm() with the next of <paramref name="answers"/>: true accepts, false dismisses.</summary>
    public void AnswerConfirmations(params bool[] answers)
    {
        var queue = new Queue<bool>(answers);
        Page.Dialog += async (_, dialog) =>
        {
            if (queue.Dequeue())
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };
    }

    public static async Task<DashboardPage> OpenAsync(IBrowserContext context)
    {
        var dashboard = new DashboardPage(await context.NewPageAsync());
        await dashboard.Page.GotoAsync("moderation.html");
        return dashboard;
    }

    public static async Task<DashboardPage> SignedInAsync(IBrowserContext context)
    {
        var dashboard = await OpenAsync(context);
        await dashboard.SignInAsync(SelfHost.ModeratorKey);
        await dashboard.LoadedAsync();
        return dashboard;
    }

    /// <summary>Waits until the list is shown and no longer loading (the panel is aria-busy while it loads).</summary>
    public async Task LoadedAsync()
    {
        await Expect(Tab("Pending")).ToBeVisibleAsync();
        await Expect(Page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    public async Task SignInAsync(string key)
    {
        await Key.FillAsync(key);
        // Exactly: where the API names a provider, "Sign in with your organisation" is a button too.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>The data-id of the element that has keyboard focus, or of the item it sits in.</summary>
    public Task<string?> FocusedItemIdAsync() =>
        Page.EvaluateAsync<string?>("() => document.activeElement?.closest('.item')?.dataset.id ?? null");
}
