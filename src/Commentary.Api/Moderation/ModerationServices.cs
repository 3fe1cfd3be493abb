using Commentary.Api.Access;
using Commentary.Api.Hosting;
using Commentary.Core.Maintenance;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Privacy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Commentary.Api.Moderation;

/// <summary>Moderation: who may moderate, the policy and its live settings, the worker's stage, and the moderators' routes.</summary>
public static class ModerationServices
{
    /// <summary>ASP.NET Core's switch that stops a lone authentication scheme from becoming the default.</summary>
    public const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    /// <summary>The hosted service with which Data Protection loads its key ring at start-up.</summary>
    private const string DataProtectionStartup = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<ModeratorOptions>(configuration, ModeratorOptions.Section, ModeratorKeys.Problems);
        services.AddSingleton<ModeratorKeys>();
        services.AddCheckedOptions<SignInOptions>(configuration, SignInOptions.Section, SignInOptions.Problems);
        // The token scheme is only ever asked by ModeratorAccess, never as a default: with one scheme registered ASP.NET
        // Core would make it the default, and the authentication middleware that WebApplication adds by itself would then
        // run the JWT handler on every request (public reads included, and on a moderator's key as if it were a token).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer(ModeratorTokens.Scheme, _ => { });
        // AddAuthentication brings Data Protection, whose hosted service reads (or first creates) the key ring while the
        // host starts, before the server listens. Nothing here protects data with it (bearer tokens are checked against
        // the provider's signing keys), so that start-up step is dropped; anything that did use Data Protection would
        // still load the key ring on first use.
        var keyRingLoad = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionStartup);
        if (keyRingLoad is not null)
        {
            services.Remove(keyRingLoad);
        }
        services.AddOptions<JwtBearerOptions>(ModeratorTokens.Scheme).Configure<IOptions<SignInOptions>>((bearer, signIn) => ModeratorTokens.Configure(bearer, signIn.Value));
        services.AddSingleton<ModeratorTokens>();
        services.AddSingleton<ModeratorAccess>();

        services.AddSingleton<ModerationIndex>();
        services.AddSingleton<CommenterHistory>();
        // The shipped defaults until settings are read from storage.
        services.AddSingleton<ModerationSettingsStore>();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<RecentSignals>();
        services.AddSingleton<ModerationActions>();
        services.AddSingleton<BanList>();
        services.AddSingleton<SpamFingerprints>();
        services.AddSingleton<SpamMarking>();
        services.AddSingleton<CommenterData>();
        services.AddSingleton<CommentModerator>();
        services.AddSingleton<StaleRowSweeper>();

        services.AddSingleton<SignedInModeratorEndpoints>();
        services.AddSingleton<ModerationEndpoints>();
        services.AddSingleton<PoisonEndpoints>();
        services.AddSingleton<CommenterDataEndpoints>();
        services.AddSingleton<ModerationSettingsEndpoints>();
        services.AddSingleton<BanEndpoints>();
        services.AddSingleton<SpamEndpoints>();
        services.AddSingleton<ModeratorReplies>();
        services.AddSingleton<ModeratorReplyEndpoints>();
        services.AddSingleton<BulkModerationEndpoints>();
        services.AddSingleton<SignInConfigurationEndpoints>();
        return services.AddClassifier().AddAkismet(configuration).AddCrisisSupport(configuration).AddModerationLinks(configuration);
    }

    /// <summary>The learned classifier: the model in force, its retraining, and its route.</summary>
    private static IServiceCollection AddClassifier(this IServiceCollection services)
    {
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelProvider>();
        services.AddSingleton<ModelRetrainer>();
        services.AddHostedService<ModelWarmUp>();
        services.AddSingleton<ModelEndpoints>();
        return services;
    }

    private static IServiceCollection AddAkismet(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<AkismetOptions>(configuration, AkismetOptions.Section, AkismetOptions.Problems);
        services.AddHttpClient(AkismetClient.HttpClientName);
        services.AddSingleton<AkismetClient>();
        services.AddSingleton<AkismetWorkSender>();
        services.AddSingleton<AkismetScreening>();
        services.AddSingleton<AkismetFeedback>();
        services.AddSingleton<AkismetWorkProcessor>();
        return services;
    }

    /// <summary>What a writer in crisis is shown, and the moderators' private reply by mail.</summary>
    private static IServiceCollection AddCrisisSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<MailOptions>(configuration, MailOptions.Section, MailOptions.Problems);
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<CrisisSupport>();
        services.AddSingleton<CrisisReplyEndpoints>();
        return services;
    }

    /// <summary>
    /// The signed Approve and Reject links in notifications, and the pages they open. Registered outright, so it wins
    /// over any fallback registered with TryAdd.
    /// </summary>
    private static IServiceCollection AddModerationLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<NotificationOptions>(configuration, NotificationOptions.Section, ModerationLinks.Problems);
        services.AddSingleton<ModerationLinks>();
        services.AddSingleton<IModerationLinks>(sp => sp.GetRequiredService<ModerationLinks>());
        services.AddSingleton<UsedModerationLinks>();
        services.AddSingleton<ModerationByLink>();
        services.AddSingleton<ModerationLinkEndpoints>();
        return services;
    }
}
