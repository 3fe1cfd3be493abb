namespace Commentary.Cli.Articles;

public sealed class DeleteArticleSettings : StorageSettings
{
    [CommandArgument(0, "<SLUG>")]
    [Description("The article to remove.")]
    public string Slug { get; set; } = string.Empty;
}

/// <summary><c>articles delete &lt;slug&gt;</c>: removes the article file. Its comments are kept (export them first if you want them).</summary>
public sealed class DeleteArticleCommand(CliOutput output) : AsyncCommand<DeleteArticleSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeleteArticleSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Slug.IsValid(settings.Slug))
        {
            output.Errors.MarkupLineInterpolated($"[red]'{settings.Slug}' is not a slug.[/]");
            return CommentaryCli.Misconfigured;
        }

        var blobs = new ArticleBlobs(await StorageConnection.OpenAsync(settings, cancellationToken));
        if (!await blobs.DeleteAsync(settings.Slug, cancellationToken))
        {
            output.Errors.MarkupLineInterpolated($"[red]There is no article '{settings.Slug}'.[/]");
            return CommentaryCli.Failed;
        }

        output.Console.MarkupLineInterpolated($"Deleted article [bold]{settings.Slug}[/]. Its comments are still stored; 'comments export --article {settings.Slug}' writes them out.");
        return 0;
    }
}
