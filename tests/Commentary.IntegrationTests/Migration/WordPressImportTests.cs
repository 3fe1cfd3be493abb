namespace Commentary.IntegrationTests.Migration;

/// <summary><c>comments import --wordpress</c> through the CLI against Azurite; idempotent, so each test imports first.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class WordPressImportTests(StorageFixture fixture)
{
    private const string Boundaries = "wp-setting-boundaries";
    private const string Therapy = "wp-first-therapy-session";
    private readonly SelfHost _host = fixture.Host;

    private static string Id(string createdUtc, string commentId) =>
        CommentId.FromSource(DateTimeOffset.Parse(createdUtc, System.Globalization.CultureInfo.InvariantCulture), "wordpress:" + commentId);

    private Task<CliResult> ImportAsync(params string[] extra) =>
        CliRun.RunAsync(["comments", "import", "--wordpress", CliRun.MigrationFile("wordpress-export.xml"), "--storage", fixture.Azurite.ConnectionString, .. extra]);

    private Task<Comment?> StoredAsync(string slug, string id) =>
        _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);

    [Fact]
    public async Task Approved_held_spam_and_trashed_comments_map_to_approved_pending_rejected_and_skipped()
    {
        var result = await ImportAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CommentStatus.Approved, (await StoredAsync(Boundaries, Id("2020-01-02T10:00:00Z", "501")))!.Status);
        Assert.Equal(CommentStatus.Pending, (await StoredAsync(Boundaries, Id("2020-01-03T10:00:00Z", "502")))!.Status);
        Assert.Equal(CommentStatus.Rejected, (await StoredAsync(Boundaries, Id("2020-01-04T02:00:00Z", "503")))!.Status);
        Assert.Null(await StoredAsync(Boundaries, Id("2020-01-04T11:00:00Z", "504")));
        Assert.Null(await StoredAsync(Boundaries, Id("2020-01-06T11:00:00Z", "506")));
        Assert.Contains("it was deleted in WordPress", result.Output, StringComparison.Ordinal);
        Assert.Contains("it is a pingback, not a comment", result.Output, StringComparison.Ordinal);
        var grace = await StoredAsync(Boundaries, Id("2020-01-02T10:00:00Z", "501"));
        Assert.Equal("https://grace.example.com/", grace!.Website);
        Assert.Equal("import:wordpress", grace.ModeratedBy);
    }

    [Fact]
    public async Task Replies_keep_their_parent_and_a_reply_to_a_trashed_comment_becomes_top_level()
    {
        var result = await ImportAsync();

        var reply = await StoredAsync(Boundaries, Id("2020-01-05T11:00:00Z", "505"));
        Assert.Equal(Id("2020-01-02T10:00:00Z", "501"), reply!.ParentId);
        var orphan = await StoredAsync(Therapy, Id("2020-02-02T12:00:00Z", "601"));
        Assert.Null(orphan!.ParentId);
        Assert.Equal("Replying to Ivy's deleted comment: it gets easier.", orphan.Body);
        Assert.Contains("Reply to 504, which is not imported (it is skipped: it was deleted in WordPress)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_import_imports_nothing_and_a_dry_run_writes_nothing()
    {
        await ImportAsync();

        var again = await ImportAsync();
        var dryRun = await ImportAsync("--dry-run");

        Assert.Contains("Imported 0 new comments; 5 were imported before; 2 skipped.", again.Output, StringComparison.Ordinal);
        Assert.Contains("Would import 0 new comments", dryRun.Output, StringComparison.Ordinal);
        var export = JsonNode.Parse((await CliRun.RunAsync("comments", "export", "--article", Boundaries, "--storage", fixture.Azurite.ConnectionString)).Data)!;
        Assert.Equal(4, export["articles"]![0]!["comments"]!.AsArray().Count);
    }

    [Fact]
    public async Task Giving_both_sources_or_neither_or_a_missing_file_is_refused_before_anything_is_written()
    {
        var both = await CliRun.RunAsync("comments", "import", "--disqus", "a.xml", "--wordpress", "b.xml", "--storage", fixture.Azurite.ConnectionString);
        var neither = await CliRun.RunAsync("comments", "import", "--storage", fixture.Azurite.ConnectionString);
        var missing = await CliRun.RunAsync("comments", "import", "--wordpress", "no-such-export.xml", "--storage", fixture.Azurite.ConnectionString);

        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("exactly one of --disqus", both.Errors + both.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-export.xml", missing.Errors, StringComparison.Ordinal);
    }
}
