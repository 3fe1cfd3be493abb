using Commentary.Core.Caching;

namespace Commentary.Api.Articles;

/// <summary>Articles from blob storage and the read cache that serves them.</summary>
public static class ArticleServices
{
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadCacheOptions>().Bind(configuration.GetSection(ReadCacheOptions.Section))
            .Validate(o => o.FreshFor >= TimeSpan.Zero, "ReadCache:FreshFor cannot be negative.").ValidateOnStart();
        services.AddSingleton<Freshness>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<ArticleEndpoints>();
        return services;
    }
}
