using Commentary.Api;
using Commentary.Core.Articles;
using Commentary.Server.Hosting;
using Commentary.Server.Maintenance;
using Commentary.Server.Queue;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Commentary.Server;

/// <summary>Builds the self-host: the shared endpoints on Kestrel plus the queue worker. Tests build it the same way.</summary>
public static class CommentaryServer
{
    public const string CorsPolicy = "public-api";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The content root is the output folder, wherever the process was started from, so appsettings.json is always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // host.json is the lowest-priority source: environment, command line and tests can override its values.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "host.json",
            Optional = false,
        });
        configure?.Invoke(builder);

        builder.Services.AddCommentary(builder.Configuration);
        builder.AddCommentaryTelemetry();
        builder.Services.AddSingleton<ArticleSeeder>();
        builder.Services.AddHostedService<SampleArticleSeeding>();
        builder.Services.AddOptions<QueueTriggerOptions>().Bind(builder.Configuration.GetSection(QueueTriggerOptions.Section))
            .Validate(o => o.BatchSize is >= 1 and <= 32, "extensions:queues:batchSize must be 1 to 32.")
            .Validate(o => o.MaxDequeueCount >= 1, "extensions:queues:maxDequeueCount must be 1 or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton<QueueTriggerSetup>();
        builder.Services.AddHostedService<ModerateCommentWorker>();
        builder.Services.AddHostedService<AkismetQueueWorker>();
        builder.Services.AddHostedService<RetrainQueueWorker>();
        builder.Services.AddHostedService<NotificationQueueWorker>();
        builder.Services.AddHostedService<NotificationDigestWorker>();
        builder.Services.AddOptions<SweepOptions>().Bind(builder.Configuration.GetSection(SweepOptions.Section))
            .Validate(o => o.FirstSweepAfter >= TimeSpan.Zero && o.SweepEvery > TimeSpan.Zero, "Maintenance:SweepEvery must be positive.")
            .Validate(o => o.FirstRetrainAfter >= TimeSpan.Zero && o.RetrainEvery > TimeSpan.Zero, "Maintenance:RetrainEvery must be positive.").ValidateOnStart();
        builder.Services.AddHostedService<SweepWorker>();
        builder.Services.AddHostedService<RetrainWorker>();

        builder.Services.AddProblemDetails();
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "PUT", "DELETE").WithExposedHeaders("Location", "ETag", "Retry-After")));

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors(CorsPolicy);
        app.MapCommentary();
        return app;
    }
}
