using Commentary.Api.Articles;
using Commentary.Api.Comments;
using Commentary.Api.Health;
using Commentary.Api.Hosting;
using Commentary.Api.Moderation;
using Commentary.Api.Notifications;
using Commentary.Api.OpenApi;
using Commentary.Api.Protection;
using Commentary.Api.Ui;

namespace Commentary.Api;

/// <summary>The one service registration both hosts use: each feature registers its own parts.</summary>
public static class CommentaryServices
{
    public static IServiceCollection AddCommentary(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCommentaryHosting(configuration)
            .AddProtection(configuration)
            .AddArticles(configuration)
            .AddComments(configuration)
            .AddModeration(configuration)
            .AddNotifications(configuration)
            .AddCommenterNotifications(configuration);

        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton(_ => UiAssetCatalog.FromEmbeddedFiles());
        services.AddSingleton<UiEndpoints>();
        services.AddSingleton<OpenApiEndpoints>();
        return services;
    }
}
