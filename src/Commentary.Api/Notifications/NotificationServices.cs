using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Commentary.Api.Notifications;

/// <summary>
/// Notifications: the outbox every producer queues events on, the moderators' channels (mail and webhooks), the
/// digest of held comments, and the sender both hosts' <c>SendNotifications</c> triggers call.
/// </summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .PostConfigure(options => options.PublicUrl ??= PlatformAddress(configuration[WebsiteHostNameSetting]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationSettingsCheck>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationDeliveries>();
        services.AddSingleton<HeldDigest>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<INotificationAudience, ModeratorAudience>();
        services.AddSingleton<INotificationInterest, ModeratorInterest>();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        // Webhooks are never followed elsewhere: a redirect is an answer like any other (and not a success).
        services.AddHttpClient(ModeratorAudience.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // Signed Approve and Reject links are registered by their own feature; until then, messages carry none.
        services.TryAddSingleton<IModerationLinks, UnconfiguredModerationLinks>();
        return services;
    }

    /// <summary>The App Service platform's setting with the site's own host name.</summary>
    public const string WebsiteHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary>In Azure, without <c>Notifications__PublicUrl</c>, links start with the site's own address.</summary>
    internal static Uri? PlatformAddress(string? hostName) =>
        string.IsNullOrWhiteSpace(hostName) || hostName.Contains('/', StringComparison.Ordinal) ? null : new Uri($"https://{hostName.Trim()}/api");

    /// <summary>
    /// The start-up check: each problem named with its setting. Plain-http webhooks to loopback pass only in
    /// development; mail to moderators needs the mail settings.
    /// </summary>
    private sealed class NotificationSettingsCheck(IHostEnvironment environment, IOptions<MailOptions> mail) : IValidateOptions<NotificationOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationOptions options)
        {
            var problems = NotificationOptions.Problems(options, environment.IsDevelopment()).ToList();
            if (options.ModeratorAddresses.Count > 0 && !mail.Value.IsConfigured)
            {
                problems.Add("Notifications:ModeratorEmails needs mail settings: set Mail:Host and Mail:From too.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
