using Commentary.Cli.Migration;
using Commentary.Core.Comments;
using Commentary.IntegrationTests.Infrastructure;

namespace Commentary.IntegrationTests.Migration;

/// <summary>Reading Disqus and WordPress exports and planning their import, without storage.</summary>
public sealed class ExportReadingTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SourceExport Disqus()
    {
        using var file = File.OpenRead(CliRun.MigrationFile("disqus-export.xml"));
        return DisqusExport.Read(file);
    }

    private static SourceExport WordPress()
    {
        using var file = File.OpenRead(CliRun.MigrationFile("wordpress-export.xml"));
        return WordPressExport.Read(file);
    }

    [Fact]
    public void A_disqus_export_gives_each_post_its_thread_parent_state_and_plain_text()
    {
        var export = Disqus();

        Assert.Equal(["100", "200", "300"], export.Threads.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("https://blog.example.com/?p=77", export.Threads["200"].Url);
        var posts = export.Comments.ToDictionary(c => c.SourceId);
        Assert.Equal(8, posts.Count);
        Assert.Equal(SourceState.Approved, posts["1001"].State);
        Assert.Equal(SourceState.Spam, posts["1003"].State);
        Assert.Equal(SourceState.Deleted, posts["1004"].State);
        Assert.Equal(SourceState.Pending, posts["1006"].State);
        Assert.Equal("1001", posts["1002"].ParentSourceId);
        Assert.Equal("100", posts["1002"].ThreadKey);
        Assert.Equal("Thank you for writing this.\n\nIt helped me & my sister.", posts["1001"].Body);
        Assert.Equal(new DateTimeOffset(2019, 5, 2, 10, 0, 0, TimeSpan.Zero), posts["1001"].Created);
        Assert.Null(posts["1008"].Email);
        Assert.Equal("Thanks from a guest.\nNo account here.", posts["1008"].Body);
    }

    [Fact]
    public void A_wordpress_export_gives_each_comment_its_state_parent_and_marks_pingbacks()
    {
        var export = WordPress();

        var comments = export.Comments.ToDictionary(c => c.SourceId);
        Assert.Equal(SourceState.Approved, comments["501"].State);
        Assert.Equal(SourceState.Pending, comments["502"].State);
        Assert.Equal(SourceState.Spam, comments["503"].State);
        Assert.Equal(SourceState.Deleted, comments["504"].State);
        Assert.Equal("501", comments["505"].ParentSourceId);
        Assert.Null(comments["501"].ParentSourceId);
        Assert.NotNull(comments["506"].Unsupported);
        Assert.Null(comments["501"].Unsupported);
        Assert.Equal("This was so useful.\n\nI said no to my brother for the first time.", comments["501"].Body);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 10, 0, 0, TimeSpan.Zero), comments["501"].Created);
        Assert.Equal("wp-first-therapy-session", export.Threads["15"].SlugHint);
    }

    [Theory]
    [InlineData("<p>One.</p><p>Two.</p>", "One.\n\nTwo.")]
    [InlineData("Line one<br/>line two", "Line one\nline two")]
    [InlineData("See <a href=\"https://example.org/a/long/path\">example.org/a/long...</a> now", "See https://example.org/a/long/path now")]
    [InlineData("<a href=\"https://example.org/x\">this page</a>", "this page (https://example.org/x)")]
    [InlineData("<script>alert(1)</script>&lt;b&gt; &amp; <em>hi</em>", "alert(1)<b> & hi")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "- a\n- b")]
    [InlineData("", "")]
    public void Comment_markup_becomes_plain_text(string html, string text)
    {
        Assert.Equal(text, SourceMarkup.ToPlainText(html));
    }

    [Theory]
    [InlineData("https://blog.example.com/2019/05/coping-with-grief/", "coping-with-grief")]
    [InlineData("https://blog.example.com/posts/coping-with-grief.html", "coping-with-grief")]
    [InlineData("https://blog.example.com/?p=77", null)]
    [InlineData("https://blog.example.com/archive/Old_Post", null)]
    [InlineData("not a url", null)]
    public void A_thread_url_gives_its_last_segment_when_that_is_a_slug(string url, string? slug)
    {
        Assert.Equal(slug, ThreadSlugMap.FromUrl(url));
    }

    [Fact]
    public void A_map_file_wins_over_the_url_and_matches_urls_loosely_or_source_identifiers()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.csv");
        var json = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.json");
        File.WriteAllText(csv, "url,slug\nhttp://BLOG.example.com/2019/05/coping-with-grief,grief-renamed\n# comment\n\"post-77\",\"sleep\"\n");
        File.WriteAllText(json, """{ "https://blog.example.com/?p=77": "sleep-hygiene" }""");
        try
        {
            var fromCsv = ThreadSlugMap.Load(csv);
            Assert.Equal(("grief-renamed", "map file"), fromCsv.Resolve(new SourceThread("100", "https://blog.example.com/2019/05/coping-with-grief/", null, [])));
            Assert.Equal(("sleep", "map file"), fromCsv.Resolve(new SourceThread("200", null, null, ["post-77"])));
            Assert.Equal(("sleep-hygiene", "map file"), ThreadSlugMap.Load(json).Resolve(new SourceThread("200", "https://blog.example.com/?p=77", null, [])));

            var (none, why) = ThreadSlugMap.Empty.Resolve(new SourceThread("300", "https://blog.example.com/archive/Old_Post", null, []));
            Assert.Null(none);
            Assert.Contains("--map", why, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(json);
        }
    }

    [Fact]
    public void A_map_file_with_an_invalid_slug_is_refused_with_its_line()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "https://blog.example.com/a,Not A Slug\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => ThreadSlugMap.Load(csv));
            Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void The_plan_never_publishes_what_the_source_did_not_and_keeps_replies_whose_parent_is_imported()
    {
        var export = Disqus();
        var map = ThreadSlugMap.Load(CliRun.MigrationFile("disqus-map.csv"));

        var plan = MigrationPlanner.Plan(export, map, ImportedAt).ToDictionary(p => p.Source.SourceId);

        Assert.Equal(CommentStatus.Approved, plan["1001"].Comment!.Status);
        Assert.Equal(CommentStatus.Rejected, plan["1003"].Comment!.Status);
        Assert.Equal(CommentStatus.Pending, plan["1006"].Comment!.Status);
        Assert.True(plan["1004"].IsSkipped);
        Assert.Contains("deleted", plan["1004"].SkipReason, StringComparison.Ordinal);
        Assert.True(plan["1007"].IsSkipped);
        Assert.Equal(plan["1001"].Comment!.Id, plan["1002"].Comment!.ParentId);
        Assert.Null(plan["1005"].Comment!.ParentId);
        Assert.Contains("1004", plan["1005"].Note, StringComparison.Ordinal);
        Assert.Equal("disqus-sleep-hygiene", plan["1006"].Comment!.Slug);
        Assert.Equal("Anonymous", MigrationPlanner.Plan(export with
        {
            Comments = [export.Comments.Single(c => c.SourceId == "1001") with { Author = " " }],
        }, map, ImportedAt).Single().Comment!.Author);
        Assert.All(plan.Values.Where(p => !p.IsSkipped), p =>
        {
            Assert.Equal("import:disqus", p.Comment!.ModeratedBy);
            Assert.Equal(CommentId.FromSource(p.Source.Created!.Value, "disqus:" + p.Source.SourceId), p.Comment.Id);
        });
    }
}
