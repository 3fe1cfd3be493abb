using Commentary.Cli.Articles;
using Commentary.Cli.Migration;
using Commentary.Cli.Models;
using Commentary.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Commentary.Cli;

/// <summary>The command tree of <c>commentary</c>. Tests build it the same way with their own output.</summary>
public static class CommentaryCli
{
    public const int Failed = 1;
    public const int Misconfigured = 2;
    public const int StorageDown = 3;

    public static CommandApp Build(CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var services = new ServiceCollection();
        services.AddSingleton(output);
        services.AddSingleton(TimeProvider.System);
        var app = new CommandApp(new ServiceCollectionRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("commentary");
            config.ConfigureConsole(output.Console);
            config.SetExceptionHandler((exception, _) => Explain(exception, output.Errors));

            config.AddBranch("articles", articles =>
            {
                articles.SetDescription("Publish, list and remove articles (Markdown with YAML front matter).");
                articles.AddCommand<ImportArticlesCommand>("import")
                    .WithDescription("Upload the new and changed {slug}.md files of a folder; unchanged ones are skipped.")
                    .WithExample("articles", "import", "samples/articles", "--dry-run");
                articles.AddCommand<ListArticlesCommand>("list").WithDescription("List the stored articles with their comment counts.");
                articles.AddCommand<DeleteArticleCommand>("delete").WithDescription("Remove an article; its comments stay and can be exported.");
            });
            config.AddBranch("comments", comments =>
            {
                comments.SetDescription("Migrate comments in from Disqus or WordPress, or export them all.");
                comments.AddCommand<ImportCommentsCommand>("import")
                    .WithDescription("Import a Disqus export or a WordPress WXR file. Running it again imports nothing new.")
                    .WithExample("comments", "import", "--disqus", "export.xml", "--map", "urls.csv");
                comments.AddCommand<ExportCommentsCommand>("export")
                    .WithDescription("Write every comment with every field, as JSON, to standard output.");
            });
            config.AddBranch("model", model =>
            {
                model.SetDescription("Train and evaluate the moderation classifier (docs/moderation-model.md).");
                model.AddCommand<TrainModelCommand>("train")
                    .WithDescription("Train the spam, toxic and crisis scores; choose thresholds on the validation split; report on the test split.")
                    .WithExample("model", "train", "--data", "../shared/data/moderation", "--output", "moderation-model.zip");
                model.AddCommand<EvaluateModelCommand>("evaluate")
                    .WithDescription("Print a model's evaluation table on the test split (by default the shipped model and settings).");
                model.AddCommand<UploadTrainingDataCommand>("upload-data")
                    .WithDescription("Upload the public training data to storage, where the daily retrain reads it.");
            });
        });
        return app;
    }

    // Failures a site owner can act on get one clear sentence and an exit code; anything else its full message.
    private static int Explain(Exception exception, IAnsiConsole errors)
    {
        switch (exception)
        {
            case StorageConfigurationException e:
                errors.MarkupLineInterpolated($"[red]{e.Message}[/] The CLI also takes a connection string as --storage.");
                return Misconfigured;
            case CommandAppException or FileNotFoundException or DirectoryNotFoundException:
                errors.MarkupLineInterpolated($"[red]{exception.Message}[/]");
                return Misconfigured;
            case var e when StorageFailure.IsUnavailable(e):
                errors.MarkupLineInterpolated($"[red]Storage does not answer:[/] {e.Message}");
                return StorageDown;
            default:
                errors.WriteException(exception, ExceptionFormats.ShortenEverything);
                return Failed;
        }
    }
}
