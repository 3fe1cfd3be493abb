namespace Commentary.Core.Articles;

/// <summary>Loads sample articles from a folder of <c>{slug}.md</c> files, never overwriting what is there.</summary>
public sealed partial class ArticleSeeder(ArticleStore articles, ILogger<ArticleSeeder> logger)
{
    public async Task<int> SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            if (await articles.AddIfMissingAsync(slug, await File.ReadAllTextAsync(path, cancellationToken), cancellationToken))
            {
                added++;
                LogSeeded(logger, slug);
            }
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded sample article {Slug}")]
    private static partial void LogSeeded(ILogger logger, string slug);
}
