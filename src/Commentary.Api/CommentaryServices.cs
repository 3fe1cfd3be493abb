using Commentary.Api.Articles;
using Commentary.Api.Comments;
using Commentary.Api.Health;
using Commentary.Api.Hosting;
using Commentary.Api.Http;
using Commentary.Api.Moderation;
using Commentary.Api.OpenApi;
using Commentary.Api.Protection;
using Commentary.Api.Ui;
using Commentary.Core.Access;
using Commentary.Core.Articles;
using Commentary.Core.Caching;
using Commentary.Core.Comments;
using Commentary.Core.Maintenance;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Notifications;
using Commentary.Core.Privacy;
using Commentary.Core.Storage;
using Commentary.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commentary.Api;

/// <summary>The one service registration both hosts use.</summary>
public static class CommentaryServices
{
    public static IServiceCollection AddCommentary(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Built now, so a missing storage setting stops start-up with a message that names it. A host that registered
        // its own clients first (a test watching every storage request) keeps them.
        services.TryAddSingleton(StorageClients.FromConfiguration(configuration));
        services.AddSingleton(sp => new StorageInitializer(
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<ILogger<StorageInitializer>>(),
            configuration.GetValue(StorageInitializer.CreateSetting, defaultValue: true)));
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<CommentaryMetrics>();

        services.AddOptions<ModeratorOptions>().Bind(configuration.GetSection(ModeratorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModeratorOptions>, ModeratorOptionsValidation>();

        services.AddOptions<ReadCacheOptions>().Bind(configuration.GetSection(ReadCacheOptions.Section))
            .Validate(o => o.FreshFor >= TimeSpan.Zero, "ReadCache:FreshFor cannot be negative.").ValidateOnStart();
        services.AddSingleton<Freshness>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<CommentPageCache>();
        services.AddSingleton<CommentStore>();
        services.AddSingleton<CommentWriter>();
        services.AddSingleton<CommentInbox>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<PoisonMessages>();
        services.AddSingleton<CommenterData>();
        services.AddSingleton<ModerationIndex>();
        services.AddSingleton<CommenterHistory>();
        // The shipped defaults until settings are read from storage.
        services.AddSingleton<ModerationSettingsStore>();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelProvider>();
        services.AddSingleton<ModelRetrainer>();
        services.AddHostedService<ModelWarmUp>();
        services.AddSingleton<RecentSignals>();
        services.AddSingleton<ModerationActions>();
        services.AddSingleton<BanList>();
        services.AddSingleton<SpamFingerprints>();
        services.AddSingleton<SpamMarking>();
        services.AddSingleton<CommentEvents>();
        services.AddSingleton<ReaderReports>();
        services.AddSingleton<CommentReporting>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.ReportsToHold >= 1, "Moderation:ReportsToHold must be at least 1.").ValidateOnStart();
        services.AddSingleton<CommentModerator>();
        services.AddSingleton<StaleRowSweeper>();
        services.AddOptions<AkismetOptions>().Bind(configuration.GetSection(AkismetOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AkismetOptions>, AkismetOptionsValidation>();
        services.AddHttpClient(AkismetClient.HttpClientName);
        services.AddSingleton<AkismetClient>();
        services.AddSingleton<AkismetWorkSender>();
        services.AddSingleton<AkismetScreening>();
        services.AddSingleton<AkismetFeedback>();
        services.AddSingleton<AkismetWorkProcessor>();
        services.AddSingleton<ModeratorKeys>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<CrisisSupport>();

        services.AddSingleton<IpAddressHasher>();
        services.AddSingleton<ClientAddress>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PermitsPerMinute >= 0 && o.Burst >= 0, "RateLimiting:Comments values cannot be negative.").ValidateOnStart();
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.Section));
        services.AddSingleton<PostingRateLimiter>();
        services.AddSingleton<ModeratorLockout>();
        services.AddSingleton<PublicPosts>();

        services.AddSingleton<EndpointGuard>();
        services.AddSingleton<ArticleEndpoints>();
        services.AddSingleton<CommentEndpoints>();
        services.AddSingleton<CommentStatusEndpoints>();
        services.AddSingleton<ModerationEndpoints>();
        services.AddSingleton<PoisonEndpoints>();
        services.AddSingleton<CommenterDataEndpoints>();
        services.AddSingleton<ModeratorAccess>();
        services.AddSingleton<ModerationSettingsEndpoints>();
        services.AddSingleton<ModelEndpoints>();
        services.AddSingleton<BanEndpoints>();
        services.AddSingleton<SpamEndpoints>();
        services.AddSingleton<CrisisReplyEndpoints>();
        services.AddSingleton<BulkModerationEndpoints>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton(_ => UiAssetCatalog.FromEmbeddedFiles());
        services.AddSingleton<UiEndpoints>();
        services.AddSingleton<OpenApiEndpoints>();
        return services;
    }

    private sealed class AkismetOptionsValidation : IValidateOptions<AkismetOptions>
    {
        public ValidateOptionsResult Validate(string? name, AkismetOptions options)
        {
            var problems = AkismetOptions.Problems(options).ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private sealed class MailOptionsValidation : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options)
        {
            var problems = MailOptions.Problems(options).ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private sealed class ModeratorOptionsValidation : IValidateOptions<ModeratorOptions>
    {
        public ValidateOptionsResult Validate(string? name, ModeratorOptions options)
        {
            var problems = ModeratorKeys.Problems(options).ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
