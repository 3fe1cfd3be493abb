using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// The widget and the dashboard read Retry-After by one rule: seconds (rounded up) or an HTTP date, and no wait for
/// anything else. The widget is one classic script and cannot import the dashboard's module, so each ships its own copy
/// of the function; here both copies, as served, run in Chromium on the same table.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class RetryAfterTests(BrowserFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Header values and the whole seconds to wait, with <see cref="Now"/> as the time they arrive.</summary>
    private static readonly (string? Value, int Seconds)[] Table =
    [
        (null, 0),
        ("", 0),
        ("0", 0),
        ("7", 7),
        ("120", 120),
        ("1.5", 2),
        (" 30 ", 30),
        ("-5", 0),
        ("soon", 0),
        ("Sun, 06 Dec 2026 20:00:45 GMT", 45),
        ("Sun, 06 Dec 2026 20:02:00 GMT", 120),
        ("Sun, 06 Dec 2026 19:59:00 GMT", 0),
    ];

    [Fact]
    public async Task The_widget_and_the_dashboard_wait_the_same_on_every_header_value_in_the_table()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.OpenAsync(context);
        var widgetScript = await (await context.APIRequest.GetAsync("embed.js")).TextAsync();
        var widgetFunction = WidgetFunction().Match(widgetScript);
        Assert.True(widgetFunction.Success, "embed.js declares retryAfterSeconds");
        // The dashboard's own instance of its module: the versioned URL the page imported it from.
        var moduleUrl = await dashboard.Page.EvaluateAsync<string?>(
            "() => performance.getEntriesByType('resource').map(e => e.name).find(n => /\\/moderation-api\\.js\\?v=/.test(n)) ?? null");
        Assert.NotNull(moduleUrl);

        var values = Table.Select(r => r.Value).ToArray();
        var now = Now.ToUnixTimeMilliseconds();
        var widget = await dashboard.Page.EvaluateAsync<int[]>(
            $"([values, now]) => {{ {widgetFunction.Value}\n return values.map((value) => retryAfterSeconds(value, now)); }}",
            new object[] { values, now });
        var module = await dashboard.Page.EvaluateAsync<int[]>(
            "async ([url, values, now]) => { const api = await import(url); return values.map((value) => api.retryAfterSeconds(value, now)); }",
            new object[] { moduleUrl, values, now });

        Assert.Equal(Table.Select(r => r.Seconds), widget);
        Assert.Equal(Table.Select(r => r.Seconds), module);
    }

    [Fact]
    public async Task The_dashboard_rounds_fractional_seconds_up_and_reads_an_http_date()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        // An hour ahead, as servers write it (whole seconds): the wait is an hour less the moment this test takes.
        var inAnHour = DateTimeOffset.UtcNow.AddHours(1).ToString("R", CultureInfo.InvariantCulture);
        var answers = new Queue<string>(["1.5", inAnHour]);
        await dashboard.Page.RouteAsync("**/moderation/bans", async route =>
        {
            if (route.Request.Method != "GET" || answers.Count == 0)
            {
                await route.ContinueAsync();
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 503,
                ContentType = "application/problem+json",
                Headers = new Dictionary<string, string> { ["Retry-After"] = answers.Dequeue() },
                Body = JsonSerializer.Serialize(new { type = "about:blank", title = "Service unavailable", status = 503 }),
            });
        });

        await dashboard.Tab("Bans").ClickAsync();
        await Expect(dashboard.Status).ToHaveTextAsync("The bans could not be loaded: the API is briefly unavailable. Try again in 2 seconds.");

        await dashboard.BansPanel.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(dashboard.Status).ToHaveTextAsync(new Regex(@"^The bans could not be loaded: the API is briefly unavailable\. Try again in 3[56]\d\d seconds\.$"));
    }

    /// <summary>The widget's function, from its declaration to the closing brace at its indentation.</summary>
    /// <summary>The widget's function, up to the line that closes it at the indentation it opened with.</summary>
    [GeneratedRegex(@"^(?<indent> *)function retryAfterSeconds\(value, now\) \{\n.*?\n\k<indent>\}$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex WidgetFunction();
}
