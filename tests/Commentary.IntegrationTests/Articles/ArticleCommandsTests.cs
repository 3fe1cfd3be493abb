using Commentary.Cli.Articles;

namespace Commentary.IntegrationTests.Articles;

/// <summary><c>articles import|list|delete</c> through the CLI against Azurite; every test works in its own folder and slugs.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class ArticleCommandsTests(StorageFixture fixture) : IDisposable
{
    private readonly SelfHost _host = fixture.Host;
    private readonly string _folder = Directory.CreateTempSubdirectory("commentary-articles-").FullName;
    private readonly string _prefix = "cli-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string title, string body = "Some text.")
    {
        var slug = $"{_prefix}-{name}";
        File.WriteAllText(Path.Combine(_folder, slug + ".md"), $"---\ntitle: {title}\nauthor: Test Author\npublished: 2026-03-01T09:00:00Z\n---\n{body}\n");
        return slug;
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--storage", fixture.Azurite.ConnectionString]);

    private async Task<IReadOnlyDictionary<string, StoredArticleFile>> StoredAsync() =>
        (await new ArticleBlobs(_host.Storage).ListAsync(CancellationToken.None))
            .Where(f => f.Key.StartsWith(_prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task A_dry_run_reports_what_would_be_uploaded_and_uploads_nothing()
    {
        var slug = Write("dry", "Dry run");

        var result = await RunAsync("articles", "import", _folder, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(slug, result.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing uploaded: would add 1", result.Output, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_second_import_skips_unchanged_files_and_uploads_changed_ones()
    {
        var stays = Write("stays", "Stays the same");
        var changes = Write("changes", "Will change");
        var first = await RunAsync("articles", "import", _folder);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Added 2, updated 0, skipped 0 unchanged", first.Output, StringComparison.Ordinal);
        var before = await StoredAsync();

        Write("changes", "Has changed", "New text.");
        var second = await RunAsync("articles", "import", _folder);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Added 0, updated 1, skipped 1 unchanged", second.Output, StringComparison.Ordinal);
        var after = await StoredAsync();
        Assert.Equal(before[stays].ETag, after[stays].ETag);
        Assert.NotEqual(before[changes].ETag, after[changes].ETag);
        Assert.Equal("Has changed", (await _host.GetJsonAsync($"articles/{changes}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_front_matter_and_slugs_are_reported_not_uploaded_and_fail_the_run()
    {
        var good = Write("good", "Good");
        File.WriteAllText(Path.Combine(_folder, $"{_prefix}-no-title.md"), "---\nauthor: Someone\npublished: 2026-03-01\n---\nText\n");
        File.WriteAllText(Path.Combine(_folder, $"{_prefix}_Bad_Name.md"), "---\ntitle: T\nauthor: A\npublished: 2026-03-01\n---\nText\n");

        var result = await RunAsync("articles", "import", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Front matter needs 'title'.", result.Output, StringComparison.Ordinal);
        Assert.Contains("is not a slug", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 invalid", result.Output, StringComparison.Ordinal);
        Assert.Equal([good], (await StoredAsync()).Keys);
    }

    [Fact]
    public async Task List_shows_an_imported_article_and_delete_removes_it()
    {
        var slug = Write("listed", "Listed article");
        Assert.Equal(0, (await RunAsync("articles", "import", _folder)).ExitCode);

        var list = await RunAsync("articles", "list");
        Assert.Contains(slug, list.Output, StringComparison.Ordinal);
        Assert.Contains("Listed article", list.Output, StringComparison.Ordinal);

        var deleted = await RunAsync("articles", "delete", slug);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Empty(await StoredAsync());
        using var gone = await _host.Client.GetAsync($"articles/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var again = await RunAsync("articles", "delete", slug);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("There is no article", again.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task List_fits_a_narrow_terminal_when_a_slug_is_long(int width)
    {
        var slug = Write("a-very-long-slug-that-a-blog-once-made-from-the-whole-title-of-a-post-about-sleep", "Long one");
        Assert.Equal(0, (await RunAsync("articles", "import", _folder)).ExitCode);

        var list = await CliRun.RunAtWidthAsync(width, "articles", "list", "--storage", fixture.Azurite.ConnectionString);

        Assert.Equal(0, list.ExitCode);
        var lines = list.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, line));
        // The slug is all there, folded over as many lines as it needs; so are the title and the counts.
        var slugColumn = string.Concat(lines.Where(l => l.StartsWith('│')).Select(l => l.Split('│')[1].Trim()));
        Assert.Contains(slug, slugColumn, StringComparison.Ordinal);
        Assert.Contains("Long one", list.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_storage_settings_the_cli_says_which_setting_is_missing()
    {
        Assert.True(
            Environment.GetEnvironmentVariables().Keys.Cast<string>().All(k => !k.StartsWith("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase)),
            "This test needs no AzureWebJobsStorage setting in the environment.");

        var result = await CliRun.RunAsync("articles", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AzureWebJobsStorage", result.Errors, StringComparison.Ordinal);
    }
}
