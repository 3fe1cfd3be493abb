using System.Text.RegularExpressions;

namespace Commentary.IntegrationTests;

/// <summary>The widget, dashboard and demo page as a browser fetches them from the self-host.</summary>
[Collection(StorageTestGroup.Name)]
public sealed partial class UiServingTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public async Task The_demo_page_links_a_versioned_widget_that_may_be_cached_for_good()
    {
        using var page = await _host.Client.GetAsync("ui/demo.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        var widget = WidgetLink().Match(await page.Content.ReadAsStringAsync());
        Assert.True(widget.Success, "demo.html should load embed.js?v=<version>");
        using var versioned = await _host.Client.GetAsync("ui/" + widget.Groups["url"].Value);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("text/javascript", versioned.Content.Headers.ContentType?.MediaType);
        Assert.True(versioned.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("immutable", versioned.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.False(versioned.Headers.Contains("Content-Security-Policy"));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "ui/" + widget.Groups["url"].Value);
        conditional.Headers.IfNoneMatch.Add(versioned.Headers.ETag!);
        using var notModified = await _host.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("de", "Kommentare")]
    [InlineData("ar", "التعليقات")]
    public async Task A_language_file_is_served_at_the_version_the_widget_names_as_JSON_other_sites_may_read(string language, string title)
    {
        using var widget = await _host.Client.GetAsync("ui/embed.js");
        var version = Regex.Match(await widget.Content.ReadAsStringAsync(), $@"\b{language}: '(?<version>[0-9a-f]+)'");
        Assert.True(version.Success, $"embed.js names the version of embed.{language}.json");

        using var file = await _host.Client.GetAsync($"ui/embed.{language}.json?v={version.Groups["version"].Value}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", file.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("cross-origin", file.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        var table = System.Text.Json.Nodes.JsonNode.Parse(await file.Content.ReadAsStringAsync())!;
        Assert.Equal(title, table["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ui/appsettings.json")]
    [InlineData("ui/..%2F..%2Fappsettings.json")]
    [InlineData("ui/Commentary.Api.dll")]
    [InlineData("ui/embed.xx.json")]
    [InlineData("ui/10-settings.js")]
    [InlineData("ui/widget%2F10-settings.js")]
    public async Task Nothing_but_the_ui_files_can_be_fetched(string path)
    {
        using var response = await _host.Client.GetAsync(path);
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"src=""(?<url>embed\.js\?v=[0-9a-f]+)""")]
    private static partial Regex WidgetLink();
}
