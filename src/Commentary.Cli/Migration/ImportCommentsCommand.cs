using System.Collections.Concurrent;
using System.ComponentModel;
using Commentary.Cli.Articles;
using Commentary.Cli.Hosting;
using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Privacy;
using Commentary.Core.Telemetry;
using Spectre.Console;
using Spectre.Console.Cli;

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
    private const int ArticlesAtOnce = 4;

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

        var ipKey = settings.IpHashKey ?? Environment.GetEnvironmentVariable("Privacy__IpHashKey");
        Func<string, string>? hashIp = string.IsNullOrWhiteSpace(ipKey) ? null : new IpAddressHasher(ipKey).Hash;
        var plan = MigrationPlanner.Plan(export, map, clock.GetUtcNow(), hashIp);
        var storage = await StorageConnection.OpenAsync(settings, cancellationToken);
        var writer = CommentWriter.Over(storage);
        var existing = new CommentStore(storage);
        var stored = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        var toStore = plan.Where(p => !p.IsSkipped).ToArray();
        await output.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(settings.DryRun ? $"Checking {export.DisplayName} comments" : $"Importing {export.DisplayName} comments", maxValue: Math.Max(toStore.Length, 1));
            // Comments of one article share a counter row, so they are written one after another; articles in parallel.
            await Parallel.ForEachAsync(
                toStore.GroupBy(p => p.Comment!.Slug, StringComparer.Ordinal),
                new ParallelOptions { MaxDegreeOfParallelism = ArticlesAtOnce, CancellationToken = cancellationToken },
                async (article, ct) =>
                {
                    foreach (var planned in article)
                    {
                        var comment = planned.Comment!;
                        stored[comment.Id] = settings.DryRun
                            ? await existing.FindAsync(comment.Slug, comment.Id, ct) is null
                            : await writer.AddUnlessStoredAsync(comment, CommentOrigin.Import, ct);
                        task.Increment(1);
                    }
                });
            task.Value = task.MaxValue;
        });

        var articles = await new ArticleBlobs(storage).ListAsync(cancellationToken);
        Report(export, plan, stored, articles.Keys.ToHashSet(StringComparer.Ordinal), settings.DryRun);
        return 0;
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

        console.MarkupLineInterpolated(
            $"{(dryRun ? "Would import" : "Imported")} {added.Length} new comments; {imported.Length - added.Length} were imported before; {skipped.Length} skipped.");
    }
}
