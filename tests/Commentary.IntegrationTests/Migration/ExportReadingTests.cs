using Commentary.Cli.Migration;

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
    [InlineData("<script>alert(1)</script>&lt;b&gt; &amp; <em>hi</em><style>em { }</style>", "<b> & hi")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "- a\n- b")]
    [InlineData("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", "- a\n- b")]
    [InlineData("", "")]
    [InlineData("after \"<?php\" and before \"?>\"", "after \"<?php\" and before \"?>\"")]
    [InlineData("if a < b and c > d", "if a < b and c > d")]
    [InlineData("#include <stdio.h>", "#include <stdio.h>")]
    [InlineData("<a href=\"https://example.org/cite\"><code>&lt;cite&gt;</code></a>", "<cite> (https://example.org/cite)")]
    [InlineData("<dl><dt>Definition List Title</dt><dd>Definition list division.</dd></dl>", "Definition List Title\nDefinition list division.")]
    [InlineData("<address>Street 1<br>Town</address>Next", "Street 1\nTown\n\nNext")]
    [InlineData("Code:<pre>  a  =  1;\n    b();</pre>done", "Code:\n\n  a  =  1;\n    b();\n\ndone")]
    [InlineData("Use <code>x  &amp;&amp;  y</code> here", "Use x  &&  y here")]
    [InlineData("&amp;lt;b&amp;gt; is written once decoded", "&lt;b&gt; is written once decoded")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc")]
    [InlineData("<h2>Title</h2>Body", "Title\n\nBody")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>", "click")]
    [InlineData("Спасибо, <b>очень</b> полезно", "Спасибо, очень полезно")]
    public void Comment_markup_becomes_plain_text(string html, string text)
    {
        Assert.Equal(text, SourceMarkup.ToPlainText(html));
    }

    [Fact]
    public void A_wordpress_com_export_with_undeclared_prefixes_and_the_https_namespace_is_read()
    {
        using var file = File.OpenRead(CliRun.MigrationFile("wordpress-com-export.xml"));
        var export = WordPressExport.Read(file);

        Assert.Equal("wpcom-writing-a-theme", export.Threads["31"].SlugHint);
        Assert.Equal(["701", "702", "703", "704", "705"], export.Comments.Select(c => c.SourceId));
        Assert.All(export.Comments, c => Assert.Equal(SourceState.Approved, c.State));
    }

    [Fact]
    public void A_wxr_1_0_export_that_declares_no_prefix_at_all_is_read()
    {
        using var file = File.OpenRead(CliRun.MigrationFile("wordpress-undeclared-export.xml"));
        var export = WordPressExport.Read(file);

        var comment = Assert.Single(export.Comments);
        Assert.Equal(("9", "Uma", "Still read."), (comment.SourceId, comment.Author, comment.Body));
        Assert.Equal("https://bare.example.com/bare-only-post/", export.Threads["1"].Url);
    }

    [Theory]
    [InlineData("wordpress", "<rss version=\"2.0\"><channel><title>A feed, not an export</title></channel></rss>", "not a WordPress export")]
    [InlineData("wordpress", "<rss xmlns:wp=\"http://example.com/not-wordpress/\"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>", "not a WordPress export")]
    [InlineData("wordpress", "<rss><channel><wp:wxr_version>1.2</wp:wxr_version><unknown:thing/></channel></rss>", "'unknown' is an undeclared prefix")]
    [InlineData("disqus", "<disqus><thread/></disqus>", "not a Disqus export")]
    [InlineData("disqus", "<rss version=\"2.0\"><channel/></rss>", "not a Disqus export")]
    [InlineData("disqus", "<disqus xmlns=\"http://disqus.com\"><thread>", "Unexpected end of file")]
    public void What_is_not_an_export_is_still_refused_with_one_clear_message(string format, string xml, string message)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));

        var error = Assert.ThrowsAny<Exception>(() => format == "disqus" ? DisqusExport.Read(stream) : WordPressExport.Read(stream));

        Assert.True(error is FormatException or System.Xml.XmlException, error.GetType().Name);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Pages_whose_urls_end_in_the_same_slug_collide_unless_the_map_file_tells_them_apart()
    {
        using var file = File.OpenRead(CliRun.MigrationFile("disqus-collisions.xml"));
        var export = DisqusExport.Read(file);

        var collision = Assert.Single(SlugCollisions.Find(export, ThreadSlugMap.Empty));
        Assert.Equal("coll-next-jdbc", collision.Slug);
        // Thread 403 is thread 400's page written another way: one page, listed once.
        Assert.Equal(3, collision.Urls.Count);
        Assert.Empty(SlugCollisions.Find(export, ThreadSlugMap.Load(CliRun.MigrationFile("disqus-collisions-map.csv"))));
    }

    [Fact]
    public void The_plan_skips_what_was_deleted_or_erased_here_and_says_so()
    {
        var export = Disqus();
        var map = ThreadSlugMap.Load(CliRun.MigrationFile("disqus-map.csv"));
        var first = MigrationPlanner.Plan(export, map, ImportedAt).ToDictionary(p => p.Source.SourceId);
        var tombstones = new TombstoneSet(
            new HashSet<string>([first["1006"].Comment!.Id], StringComparer.Ordinal),
            new HashSet<string>([CommenterIdentity.EmailHash("ALICE@example.com ")], StringComparer.Ordinal));

        var plan = MigrationPlanner.Plan(export, map, ImportedAt, tombstones: tombstones).ToDictionary(p => p.Source.SourceId);

        Assert.Equal(MigrationPlanner.DeletedHere, plan["1006"].SkipReason);
        Assert.Equal(MigrationPlanner.ErasedHere, plan["1001"].SkipReason);
        Assert.True(plan["1001"].IsTombstoned && plan["1006"].IsTombstoned);
        Assert.Equal(["1001", "1006"], plan.Values.Where(p => p.IsTombstoned).Select(p => p.Source.SourceId).Order(StringComparer.Ordinal));
        // Alice's reply's parent is skipped now, so the reply stands on its own.
        Assert.Null(plan["1002"].Comment!.ParentId);
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
