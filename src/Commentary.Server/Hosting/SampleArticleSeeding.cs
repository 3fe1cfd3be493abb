using Commentary.Core.Articles;

namespace Commentary.Server.Hosting;

/// <summary>
/// On start-up, uploads the sample articles from the folder named by <c>Commentary:SampleArticles</c> (if set),
/// leaving any article that already exists alone. Registered after storage initialisation, so the container exists.
/// </summary>
public sealed class SampleArticleSeeding(IConfiguration configuration, ArticleSeeder seeder) : IHostedService
{
    public const string Setting = "Commentary:SampleArticles";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(folder))
        {
            await seeder.SeedAsync(Path.GetFullPath(folder), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
