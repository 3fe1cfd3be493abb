using Commentary.Core.Articles;

namespace Commentary.Server.Hosting;

/// <summary>
/// Uploads the sample articles from the folder named by <c>Commentary:SampleArticles</c> (if set) once storage is
/// ready, leaving any article that already exists alone.
/// </summary>
public sealed partial class SampleArticleSeeding(
    IConfiguration configuration,
    StorageInitializer storage,
    ArticleSeeder seeder,
    ILogger<SampleArticleSeeding> logger) : BackgroundService
{
    public const string Setting = "Commentary:SampleArticles";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = configuration[Setting];
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        await storage.Ready.WaitAsync(stoppingToken);
        try
        {
            await seeder.SeedAsync(Path.GetFullPath(folder), stoppingToken);
        }
#pragma warning disable CA1031 // Samples are a convenience; failing to load them must not stop the API.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogSeedFailed(logger, e, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sample articles from {Folder} could not be loaded")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception, string folder);
}
