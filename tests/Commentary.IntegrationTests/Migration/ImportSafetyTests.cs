namespace Commentary.IntegrationTests.Migration;

/// <summary>
/// What a repeated import must never undo (an erasure, a moderator's delete) and what it must refuse before writing
/// anything (pages that would merge into one article), through the CLI and the API against Azurite.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ImportSafetyTests(StorageFixture fixture)
{
    private const string Tomb = "tomb-erased-and-deleted";
    private readonly SelfHost _host = fixture.Host;

    private static string Id(string created, string postId) =>
        CommentId.FromSource(DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), "disqus:" + postId);

    private Task<CliResult> ImportAsync(string file, params string[] extra) =>
        CliRun.RunAsync(["comments", "import", "--disqus", CliRun.MigrationFile(file), "--storage", fixture.Azurite.ConnectionString, .. extra]);

    private Task<Comment?> StoredAsync(string slug, string id) =>
        _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);

    [Fact]
    public async Task An_erased_commenter_and_a_deleted_comment_stay_gone_when_the_same_export_is_imported_again()
    {
        var first = await ImportAsync("disqus-tombstones.xml");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 5 new comments", first.Output, StringComparison.Ordinal);
        var deleted = Id("2020-03-01T12:00:00Z", "5003");

        using (var erase = _host.AsModerator(HttpMethod.Delete, $"moderation/commenters/{Uri.EscapeDataString("erin.erased@EXAMPLE.com")}"))
        using (var erased = await _host.Client.SendAsync(erase))
        {
            Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
            var answer = (await erased.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(2, answer["comments"]!.GetValue<int>());
            Assert.Equal(CommenterIdentity.EmailHash("erin.erased@example.com"), answer["tombstone"]!.GetValue<string>());
        }

        using (var delete = _host.AsModerator(HttpMethod.Delete, $"moderation/comments/{Tomb}/{deleted}"))
        using (var gone = await _host.Client.SendAsync(delete))
        {
            Assert.True(gone.IsSuccessStatusCode, gone.StatusCode.ToString());
        }

        var again = await ImportAsync("disqus-tombstones.xml");
        var dryRun = await ImportAsync("disqus-tombstones.xml", "--dry-run");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Imported 0 new comments; 2 were imported before; 3 skipped (3 erased or deleted here", again.Output, StringComparison.Ordinal);
        Assert.Contains("Would import 0 new comments; 2 were imported before; 3 skipped (3 erased or deleted here", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("a moderator deleted it here", again.Output, StringComparison.Ordinal);
        Assert.Contains("erased here at their request", again.Output, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(Tomb, Id("2020-03-01T10:00:00Z", "5001")));
        Assert.Null(await StoredAsync(Tomb, Id("2020-03-01T11:00:00Z", "5002")));
        Assert.Null(await StoredAsync(Tomb, deleted));
        Assert.NotNull(await StoredAsync(Tomb, Id("2020-03-01T13:00:00Z", "5004")));
        var counts = await _host.Services.GetRequiredService<CommentStore>().CountsAsync(Tomb, CancellationToken.None);
        Assert.Equal(2, counts.Approved);

        // The tombstones hold ids and hashes, never an address.
        await foreach (var entity in _host.Storage.Tables.GetTableClient(StorageNames.TombstonesTable).QueryAsync<TableEntity>())
        {
            Assert.All(entity.Select(p => p.Value).Append(entity.RowKey).Append(entity.PartitionKey), v => Assert.DoesNotContain("@", v?.ToString() ?? string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Pages_that_would_merge_into_one_article_are_refused_before_anything_is_written_and_map_lines_resolve_them()
    {
        var refused = await ImportAsync("disqus-collisions.xml");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("3 different pages end in the same slug", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("--map", refused.Errors, StringComparison.Ordinal);
        foreach (var url in new[] { "https://clj.example.com/2019/01/coll-next-jdbc/", "https://clj.example.com/2019/06/coll-next-jdbc/", "https://clj.example.com/talks/coll-next-jdbc" })
        {
            Assert.Contains($"{url},coll-next-jdbc", refused.Errors, StringComparison.Ordinal);
        }

        var store = _host.Services.GetRequiredService<CommentStore>();
        foreach (var slug in new[] { "coll-next-jdbc", "coll-unrelated" })
        {
            Assert.Equal(ArticleCounts.None, await store.CountsAsync(slug, CancellationToken.None));
        }

        var mapped = await ImportAsync("disqus-collisions.xml", "--map", CliRun.MigrationFile("disqus-collisions-map.csv"));

        Assert.Equal(0, mapped.ExitCode);
        Assert.Equal(2, (await store.CountsAsync("coll-next-jdbc", CancellationToken.None)).Approved);
        Assert.Equal(1, (await store.CountsAsync("coll-next-jdbc-part-two", CancellationToken.None)).Approved);
        Assert.Equal(1, (await store.CountsAsync("coll-next-jdbc-talk", CancellationToken.None)).Approved);
        Assert.Equal(1, (await store.CountsAsync("coll-unrelated", CancellationToken.None)).Approved);
    }
}
