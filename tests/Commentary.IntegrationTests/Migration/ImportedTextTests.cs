using Commentary.Cli.Migration;
using Commentary.Core.Articles;

namespace Commentary.IntegrationTests.Migration;

/// <summary>
/// A WordPress.com-style export (undeclared prefixes, the https WXR namespace) imported through the CLI against
/// Azurite: every comment's text is stored word for word, whatever markup it came in, and served without numeric
/// entities for its letters.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ImportedTextTests(StorageFixture fixture)
{
    private const string Slug = "wpcom-writing-a-theme";
    private readonly SelfHost _host = fixture.Host;

    // Every comment of wordpress-com-export.xml, by its WordPress id, with the text it must be stored as.
    private static readonly Dictionary<string, (string Created, string Text)> Expected = new(StringComparer.Ordinal)
    {
        ["701"] = ("2021-03-02T10:00:00Z", "Put it after \"<?php\" and before \"?>\" in functions.php, where a < b."),
        ["702"] = ("2021-03-02T11:00:00Z", "Titles go in <cite> (https://developer.example.org/cite), and #include <stdio.h> stays."),
        ["703"] = ("2021-03-02T12:00:00Z", "Definition List Title\nDefinition list division.\n\nRobin's Workshop\n1 Example Road\n\nBye."),
        ["704"] = ("2021-03-02T13:00:00Z", "Спасибо! Очень полезная статья, всё заработало с первого раза."),
        ["705"] = ("2021-03-02T14:00:00Z", "Mine:\n\n  if (a && b)\n    run();\n\nTeşekkürler &amp; good night."),
    };

    private Task<CliResult> ImportAsync() =>
        CliRun.RunAsync("comments", "import", "--wordpress", CliRun.MigrationFile("wordpress-com-export.xml"), "--storage", fixture.Azurite.ConnectionString);

    [Fact]
    public async Task The_table_covers_every_comment_of_the_fixture()
    {
        await using var file = File.OpenRead(CliRun.MigrationFile("wordpress-com-export.xml"));
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), WordPressExport.Read(file).Comments.Select(c => c.SourceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wordpress_com_export_imports_and_every_comment_keeps_all_its_text()
    {
        var result = await ImportAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 skipped.", result.Output, StringComparison.Ordinal);
        var store = _host.Services.GetRequiredService<CommentStore>();
        foreach (var (sourceId, (created, text)) in Expected)
        {
            var id = CommentId.FromSource(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), "wordpress:" + sourceId);
            var stored = await store.FindAsync(Slug, id, CancellationToken.None);
            Assert.True(stored is not null, $"comment {sourceId} was not stored: {result}");
            Assert.Equal(text, stored.Body);
        }
    }

    [Fact]
    public async Task A_cyrillic_comment_is_served_as_letters_not_entities()
    {
        Assert.Equal(0, (await ImportAsync()).ExitCode);
        await _host.Services.GetRequiredService<ArticleStore>().AddIfMissingAsync(
            Slug, "---\ntitle: Writing a theme\nauthor: Editor\npublished: 2021-03-01T09:00:00Z\n---\nThemes are templates.\n", CancellationToken.None);

        var page = await _host.GetJsonAsync($"articles/{Slug}/comments");

        var cyrillic = page["items"]!.AsArray().Single(c => c!["author"]!.GetValue<string>() == "Sasha")!;
        var text = cyrillic["body"]!.GetValue<string>();
        var html = cyrillic["html"]!.GetValue<string>();
        Assert.Equal($"<p>{text}</p>", html);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) <= 1.2 * System.Text.Encoding.UTF8.GetByteCount(text), html);
    }
}
