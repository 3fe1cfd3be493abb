using Commentary.Core.Privacy;

namespace Commentary.IntegrationTests.Migration;

/// <summary>
/// <c>comments import --disqus</c> and <c>comments export</c> through the CLI against Azurite. Every test imports
/// first: importing is idempotent, so each test sees the same stored state whatever ran before it.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class DisqusImportTests(StorageFixture fixture)
{
    private const string Grief = "disqus-coping-with-grief";
    private const string Sleep = "disqus-sleep-hygiene";
    private readonly SelfHost _host = fixture.Host;

    private static string Id(string created, string postId) => CommentId.FromSource(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), "disqus:" + postId);

    private const string IpHashKey = "migration-test-ip-hash-key";

    private Task<CliResult> ImportAsync(params string[] extra) =>
        CliRun.RunAsync(["comments", "import", "--disqus", CliRun.MigrationFile("disqus-export.xml"), "--map", CliRun.MigrationFile("disqus-map.csv"), "--storage", fixture.Azurite.ConnectionString, "--ip-hash-key", IpHashKey, .. extra]);

    private Task<Comment?> StoredAsync(string slug, string id) =>
        _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);

    [Fact]
    public async Task Importing_the_same_export_twice_imports_nothing_the_second_time()
    {
        var first = await ImportAsync();
        Assert.Equal(0, first.ExitCode);

        var second = await ImportAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Imported 0 new comments; 6 were imported before; 2 skipped.", second.Output, StringComparison.Ordinal);
        var export = JsonNode.Parse((await CliRun.RunAsync("comments", "export", "--article", Grief, "--storage", fixture.Azurite.ConnectionString)).Data)!;
        Assert.Equal(4, export["articles"]![0]!["comments"]!.AsArray().Count);
    }

    [Fact]
    public async Task Statuses_follow_the_source_and_spam_or_pending_is_never_published()
    {
        Assert.Equal(0, (await ImportAsync()).ExitCode);

        var alice = await StoredAsync(Grief, Id("2019-05-02T10:00:00Z", "1001"));
        var spam = await StoredAsync(Grief, Id("2019-05-03T01:00:00Z", "1003"));
        var pending = await StoredAsync(Sleep, Id("2019-06-02T22:15:00Z", "1006"));
        var deleted = await StoredAsync(Grief, Id("2019-05-03T09:00:00Z", "1004"));

        Assert.Equal(CommentStatus.Approved, alice!.Status);
        Assert.Equal("Alice", alice.Author);
        Assert.Equal("alice@example.com", alice.Email);
        Assert.Equal(new IpAddressHasher(IpHashKey).Hash("203.0.113.7"), alice.IpHash);
        Assert.Equal("Thank you for writing this.\n\nIt helped me & my sister.", alice.Body);
        Assert.Equal(new DateTimeOffset(2019, 5, 2, 10, 0, 0, TimeSpan.Zero), alice.Created);
        Assert.Equal("import:disqus", alice.ModeratedBy);
        Assert.Equal(CommentStatus.Rejected, spam!.Status);
        Assert.Contains("spam", spam.StatusNote, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CommentStatus.Pending, pending!.Status);
        Assert.Null(deleted);

        // What the public comment list reads: approved comments only.
        var (published, _) = await _host.Services.GetRequiredService<CommentStore>().ListApprovedAsync(Grief, null, 200, CancellationToken.None);
        Assert.DoesNotContain(published, c => c.Id == spam.Id || c.Id == pending.Id);
        Assert.Contains(published, c => c.Id == alice.Id);
    }

    [Fact]
    public async Task Replies_keep_their_parent_and_a_reply_to_a_deleted_post_becomes_top_level_with_a_note()
    {
        var result = await ImportAsync();

        var reply = await StoredAsync(Grief, Id("2019-05-02T12:30:00Z", "1002"));
        var orphan = await StoredAsync(Grief, Id("2019-05-03T11:00:00Z", "1005"));
        Assert.Equal(Id("2019-05-02T10:00:00Z", "1001"), reply!.ParentId);
        Assert.Contains("https://support.example.org/grief-groups", reply.Body, StringComparison.Ordinal);
        Assert.Null(orphan!.ParentId);
        Assert.Contains("Reply to 1004, which is not imported", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_names_every_skipped_post_and_why()
    {
        var result = await ImportAsync();

        Assert.Contains("1004", result.Output, StringComparison.Ordinal);
        Assert.Contains("it was deleted in Disqus", result.Output, StringComparison.Ordinal);
        Assert.Contains("1007", result.Output, StringComparison.Ordinal);
        Assert.Contains("add the URL to the --map file", result.Output, StringComparison.Ordinal);
        Assert.Contains($"There is no article '{Grief}' yet", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_comments_reach_the_moderation_queue_and_the_commenters_history()
    {
        Assert.Equal(0, (await ImportAsync()).ExitCode);
        var pendingId = Id("2019-06-02T22:15:00Z", "1006");

        using var request = _host.AsModerator(HttpMethod.Get, "moderation/comments?status=pending&limit=200");
        using var response = await _host.Client.SendAsync(request);
        var queue = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Contains(pendingId, queue.Ids());

        var history = await _host.Services.GetRequiredService<CommenterHistory>().ForEmailAsync("bob@example.com", CancellationToken.None);
        Assert.Equal(1, history.Approved);
        var counts = await _host.Services.GetRequiredService<CommentStore>().CountsAsync(Grief, CancellationToken.None);
        Assert.Equal(new ArticleCounts(3, 0, 1), counts);
    }

    [Fact]
    public async Task Imported_comments_are_history_that_the_duplicate_and_flood_rules_do_not_count()
    {
        Assert.Equal(0, (await ImportAsync()).ExitCode);
        var id = Id("2019-06-02T22:15:00Z", "1006");
        Assert.NotNull(await StoredAsync(Sleep, id));

        // The write path for a submission records its body and address for those rules; an import skips that step.
        var partitions = new List<string>();
        await foreach (var row in _host.Storage.RecentSignals.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == id, select: ["RowKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        Assert.Empty(partitions);
    }

    [Fact]
    public async Task The_export_holds_every_imported_comment_with_email_status_reasons_and_moderation()
    {
        Assert.Equal(0, (await ImportAsync()).ExitCode);

        var result = await CliRun.RunAsync("comments", "export", "--storage", fixture.Azurite.ConnectionString);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exported", result.Errors, StringComparison.Ordinal);
        var export = JsonNode.Parse(result.Data)!;
        Assert.Equal("commentary-comments", export["format"]!.GetValue<string>());
        var sleep = export["articles"]!.AsArray().Single(a => a!["slug"]!.GetValue<string>() == Sleep)!;
        Assert.False(sleep["articleStored"]!.GetValue<bool>());
        var erin = sleep["comments"]!.AsArray().Single(c => c!["author"]!.GetValue<string>() == "Erin")!;
        Assert.Equal("erin@example.com", erin["email"]!.GetValue<string>());
        Assert.Equal("pending", erin["status"]!.GetValue<string>());
        Assert.Equal("import:disqus", erin["moderatedBy"]!.GetValue<string>());
        Assert.NotNull(erin["moderatedAt"]);
        Assert.Equal(MigrationRule, erin["reasons"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains("Waiting for moderation in Disqus", erin["statusNote"]!.GetValue<string>(), StringComparison.Ordinal);
        var guest = sleep["comments"]!.AsArray().Single(c => c!["author"]!.GetValue<string>() == "Guest")!;
        Assert.Equal(string.Empty, guest["email"]!.GetValue<string>());
        Assert.Equal("approved", guest["status"]!.GetValue<string>());
    }

    private const string MigrationRule = global::Commentary.Cli.Migration.MigrationPlanner.ImportRule;
}
