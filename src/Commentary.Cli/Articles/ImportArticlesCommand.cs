namespace Commentary.Cli.Articles;

public sealed class ImportArticlesSettings : StorageSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("A folder of {slug}.md files.")]
    public string Folder { get; set; } = string.Empty;

    [CommandOption("--dry-run")]
    [Description("Check the files and say what would be uploaded, without uploading anything.")]
    public bool DryRun { get; set; }
}

/// <summary>What an import did (or, in a dry run, would do) with one file.</summary>
public enum ArticleImportResult
{
    New,
    Changed,
    Unchanged,
    Invalid,
    ChangedMeanwhile,
}

/// <summary>
/// <c>articles import &lt;folder&gt;</c>: validates every file first, then uploads new and changed articles. A file
/// whose SHA-256 matches the one recorded on its blob is skipped. Exit code 1 when any file was invalid.
/// </summary>
public sealed class ImportArticlesCommand(CliOutput output) : AsyncCommand<ImportArticlesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportArticlesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = await ArticleFolder.ReadAsync(settings.Folder, cancellationToken);
        var blobs = new ArticleBlobs(await StorageConnection.OpenAsync(settings, cancellationToken));
        var stored = await blobs.ListAsync(cancellationToken);
        var results = new List<(ArticleFile File, ArticleImportResult Result)>();

        await output.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(settings.DryRun ? "Checking articles" : "Importing articles", maxValue: Math.Max(files.Count, 1));
            foreach (var file in files)
            {
                var result = Plan(file, stored.GetValueOrDefault(file.Slug));
                if (!settings.DryRun && result is ArticleImportResult.New or ArticleImportResult.Changed
                    && !await blobs.PutAsync(file.Slug, file.Text, stored.GetValueOrDefault(file.Slug)?.ETag, cancellationToken))
                {
                    result = ArticleImportResult.ChangedMeanwhile;
                }

                results.Add((file, result));
                task.Increment(1);
            }

            task.Value = task.MaxValue;
        });

        output.Console.Write(Summary(results, settings.DryRun));
        var counts = results.GroupBy(r => r.Result).ToDictionary(g => g.Key, g => g.Count());
        output.Console.MarkupLineInterpolated(
            $"{(settings.DryRun ? "Dry run, nothing uploaded: would add" : "Added")} {counts.GetValueOrDefault(ArticleImportResult.New)}, {(settings.DryRun ? "update" : "updated")} {counts.GetValueOrDefault(ArticleImportResult.Changed)}, skipped {counts.GetValueOrDefault(ArticleImportResult.Unchanged)} unchanged, {counts.GetValueOrDefault(ArticleImportResult.Invalid)} invalid.");
        return results.Any(r => r.Result is ArticleImportResult.Invalid or ArticleImportResult.ChangedMeanwhile) ? CommentaryCli.Failed : 0;
    }

    public static ArticleImportResult Plan(ArticleFile file, StoredArticleFile? stored)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !file.IsValid ? ArticleImportResult.Invalid
            : stored is null ? ArticleImportResult.New
            : string.Equals(stored.ContentSha256, file.ContentSha256, StringComparison.OrdinalIgnoreCase) ? ArticleImportResult.Unchanged
            : ArticleImportResult.Changed;
    }

    private static Table Summary(IEnumerable<(ArticleFile File, ArticleImportResult Result)> results, bool dryRun)
    {
        var table = new Table()
            .AddColumn(new TableColumn("Slug").NoWrap())
            .AddColumns("Title", dryRun ? "Would be" : "Result", "Detail");
        foreach (var (file, result) in results)
        {
            var (label, detail) = result switch
            {
                ArticleImportResult.New => ("[green]new[/]", string.Empty),
                ArticleImportResult.Changed => ("[yellow]changed[/]", string.Empty),
                ArticleImportResult.Unchanged => ("[grey]unchanged[/]", "same content hash as stored"),
                ArticleImportResult.ChangedMeanwhile => ("[red]not written[/]", "someone changed it while we imported; run again"),
                _ => ("[red]invalid[/]", file.Problem ?? string.Empty),
            };
            table.AddRow(Markup.Escape(file.Slug), Markup.Escape(file.Article?.Title ?? file.FileName), label, Markup.Escape(detail));
        }

        return table;
    }
}
