using System.Collections.Concurrent;
using Commentary.Cli.Articles;
using Commentary.Core.Comments;
using Commentary.Core.Privacy;
using Commentary.Core.Telemetry;

namespace Commentary.Cli.Migration;

public sealed class ImportCommentsSettings : StorageSettings
{
    [CommandOption("--disqus <FILE>")]
    [Description("A Disqus XML export.")]
    public string? Disqus { get; set; }

    [CommandOption("--wordpress <FILE>")]
    [Description("A WordPress export (WXR).")]
    public string? WordPress { get; set; }

    [CommandOption("--map <FILE>")]
    [Description("Threads whose URL does not end in their article's slug: CSV 'url,slug' lines, or JSON {\"url\": \"slug\"}.")]
    public string? Map { get; set; }

    [CommandOption("--dry-run")]
    [Description("Report what would be imported without writing anything.")]
    public bool DryRun { get; set; }

    [CommandOption("--ip-hash-key <KEY>")]
    [Description("The service's Privacy:IpHashKey (default: environment variable Privacy__IpHashKey). Without it, no IP address is imported.")]
    public string? IpHashKey { get; set; }

    public override Spectre.Console.ValidationResult Validate() =>
        (Disqus is null) == (WordPress is null)
            ? Spectre.Console.ValidationResult.Error("Give exactly one of --disqus <FILE> or --wordpress <FILE>.")
            : Spectre.Console.ValidationResult.Success();
}

/// <summary>
/// <c>comments import --disqus|--wordpress &lt;file&gt;</c>: plans the import (<see cref="MigrationPlanner"/>), stores
/// the comments that are not there yet, and reports everything it skipped and why. Running it twice imports nothing
/// the second time.
/// </summary>
public sealed class ImportCommentsCommand(CliOutput output, TimeProvider clock) : AsyncCommand<ImportCommentsSettings>
{
    private const int ArticlesAtOnce = 8;

    public override async Task<int> ExecuteAsync(CommandContext context, ImportCommentsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SourceExport export;
        ThreadSlugMap map;
        try
        {
            await using var file = File.OpenRead(settings.Disqus ?? settings.WordPress!);
            export = settings.Disqus is not null ? DisqusExport.Read(file) : WordPressExport.Read(file);
            map = settings.Map is null ? ThreadSlugMap.Empty : ThreadSlugMap.Load(settings.Map);
        }
        catch (Exception e) when (e is FormatException or System.Xml.XmlException or System.Text.Json.JsonException or IOException)
        {
            output.Errors.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return CommentaryCli.Misconfigured;
        }

        // Checked before anything is written: pages that would merge into one article need the site owner's decision.
        if (SlugCollisions.Find(export, map) is { Count: > 0 } collisions)
        {
            ReportCollisions(collisions);
            return CommentaryCli.Misconfigured;
        }

        var ipKey = settings.IpHashKey ?? Environment.GetEnvironmentVariable("Privacy__IpHashKey");
        Func<string, string>? hashIp = string.IsNullOrWhiteSpace(ipKey) ? null : new IpAddressHasher(ipKey).Hash;
        var storage = await StorageConnection.OpenAsync(settings, cancellationToken);
        var tombstones = await new Tombstones(storage).LoadAsync(cancellationToken);
        var plan = MigrationPlanner.Plan(export, map, clock.GetUtcNow(), hashIp, tombstones);
        var writer = CommentWriter.Over(storage);
        var existing = new CommentStore(storage);
        var stored = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        var toStore = plan.Where(p => !p.IsSkipped).ToArray();
        await output.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(settings.DryRun ? $"Checking {export.DisplayName} comments" : $"Importing {export.DisplayName} comments", maxValue: Math.Max(toStore.Length, 1));
            // Articles in parallel, the busiest first; each article's comments in transactions of up to 99 with its counter.
            var articles = toStore.Select(p => p.Comment!).GroupBy(c => c.Slug, StringComparer.Ordinal).OrderByDescending(g => g.Count());
            await Parallel.ForEachAsync(
                articles,
                new ParallelOptions { MaxDegreeOfParallelism = ArticlesAtOnce, CancellationToken = cancellationToken },
                async (article, ct) =>
                {
                    var comments = article.ToArray();
                    var now = settings.DryRun
                        ? await NotStoredAsync(existing, article.Key, comments, ct)
                        : await writer.ImportAsync(article.Key, comments, n => task.Increment(n), ct);
                    foreach (var comment in comments)
                    {
                        stored[comment.Id] = now.Contains(comment.Id);
                    }

                    if (settings.DryRun)
                    {
                        task.Increment(comments.Length);
                    }
                });
            task.Value = task.MaxValue;
        });

        var articles = await new ArticleBlobs(storage).ListAsync(cancellationToken);
        Report(export, plan, stored, articles.Keys.ToHashSet(StringComparer.Ordinal), settings.DryRun);
        return 0;
    }

    private static async Task<IReadOnlySet<string>> NotStoredAsync(CommentStore store, string slug, IReadOnlyList<Comment> comments, CancellationToken cancellationToken)
    {
        var ids = comments.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        await foreach (var stored in store.AllAsync(slug, cancellationToken))
        {
            ids.Remove(stored.Id);
        }

        return ids;
    }

    private void ReportCollisions(IReadOnlyList<SlugCollision> collisions)
    {
        var errors = output.Errors;
        errors.MarkupLineInterpolated(
            $"[red]{collisions.Sum(c => c.Urls.Count)} different pages end in the same slug and would merge into one article; nothing was imported. Give each its article with a --map line (url,slug):[/]");
        foreach (var collision in collisions)
        {
            foreach (var url in collision.Urls)
            {
                errors.WriteLine($"{url},{collision.Slug}", Style.Plain);
            }
        }
    }

    private void Report(SourceExport export, IReadOnlyList<PlannedComment> plan, IReadOnlyDictionary<string, bool> stored, IReadOnlySet<string> articles, bool dryRun)
    {
        var console = output.Console;
        var imported = plan.Where(p => !p.IsSkipped).ToArray();
        var added = imported.Where(p => stored.GetValueOrDefault(p.Comment!.Id)).ToArray();

        var summary = new Table().Title($"{export.DisplayName} import{(dryRun ? " (dry run: nothing written)" : string.Empty)}")
            .AddColumns("Status here", dryRun ? "Would import" : "Imported now", "Imported before");
        foreach (var status in Enum.GetValues<CommentStatus>())
        {
            summary.AddRow(
                status.ToWire(),
                added.Count(p => p.Comment!.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture),
                imported.Count(p => p.Comment!.Status == status && !stored.GetValueOrDefault(p.Comment.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(summary);

        var skipped = plan.Where(p => p.IsSkipped).ToArray();
        if (skipped.Length > 0)
        {
            var table = new Table().Title("Skipped").AddColumn(new TableColumn("Comment").NoWrap()).AddColumns("Thread", "Why");
            foreach (var p in skipped)
            {
                table.AddRow(Markup.Escape(p.Source.SourceId), Markup.Escape(p.ThreadUrl ?? p.Source.ThreadKey), Markup.Escape(p.SkipReason!));
            }

            console.Write(table);
        }

        var notes = imported.Where(p => p.Note is not null).Select(p => (p.Source.SourceId, Note: p.Note!))
            .Concat(imported.Select(p => p.Comment!.Slug).Distinct(StringComparer.Ordinal).Where(slug => !articles.Contains(slug))
                .Select(slug => ("-", $"There is no article '{slug}' yet; its comments show once it is imported.")))
            .ToArray();
        if (notes.Length > 0)
        {
            var table = new Table().Title("Notes").AddColumn(new TableColumn("Comment").NoWrap()).AddColumns("Note");
            foreach (var (id, note) in notes)
            {
                table.AddRow(Markup.Escape(id), Markup.Escape(note));
            }

            console.Write(table);
        }

        var tombstoned = skipped.Count(p => p.IsTombstoned);
        console.MarkupLineInterpolated(
            $"{(dryRun ? "Would import" : "Imported")} {added.Length} new comments; {imported.Length - added.Length} were imported before; {skipped.Length} skipped{(tombstoned > 0 ? $" ({tombstoned} erased or deleted here, which no import brings back)" : string.Empty)}.");
    }
}
