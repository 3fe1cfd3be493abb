using Commentary.Core.Comments;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Cli.Articles;

/// <summary><c>articles list</c>: every stored article, newest first, with its comment counts by status.</summary>
public sealed class ListArticlesCommand(CliOutput output) : AsyncCommand<StorageSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StorageSettings settings, CancellationToken cancellationToken)
    {
        var storage = await StorageConnection.OpenAsync(settings, cancellationToken);
        var articles = await new ArticleStore(storage, NullLogger<ArticleStore>.Instance).ListAsync(cancellationToken);
        var files = await new ArticleBlobs(storage).ListAsync(cancellationToken);
        var comments = new CommentStore(storage);

        // A long slug folds onto more lines rather than pushing the table past a narrow terminal.
        var table = new Table()
            .AddColumns("Slug")
            .AddColumns("Title")
            .AddColumn(new TableColumn("Published").NoWrap())
            .AddColumns("Comments", "Approved", "Pending", "Rejected");
        foreach (var stored in articles)
        {
            var counts = await comments.CountsAsync(stored.Article.Slug, cancellationToken);
            table.AddRow(
                new Text(stored.Article.Slug).Overflow(Overflow.Fold),
                new Text(stored.Article.Title),
                new Text(stored.Article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new Text(stored.Article.CommentsOpen ? "open" : "closed"),
                new Text(counts.Approved.ToString(CultureInfo.InvariantCulture)),
                new Text(counts.Pending.ToString(CultureInfo.InvariantCulture)),
                new Text(counts.Rejected.ToString(CultureInfo.InvariantCulture)));
        }

        output.Console.Write(table);
        var broken = files.Keys.Except(articles.Select(a => a.Article.Slug), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        output.Console.MarkupLineInterpolated($"{articles.Count} articles.");
        if (broken.Length > 0)
        {
            output.Console.MarkupLineInterpolated($"[yellow]Stored but unreadable (fix their front matter and import them again):[/] {string.Join(", ", broken)}");
        }

        return 0;
    }
}
