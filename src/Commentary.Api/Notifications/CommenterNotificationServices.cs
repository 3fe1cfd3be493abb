namespace Commentary.Api.Notifications;

/// <summary>
/// Commenters' mail: the subscription store, the signed confirmation and unsubscribe links and their pages, and the
/// audience that turns published comments and replies into mail for readers who asked and confirmed.
/// </summary>
public static class CommenterNotificationServices
{
    public static IServiceCollection AddCommenterNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommenterMailOptions>().Bind(configuration.GetSection(CommenterMailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommenterMailOptions>, CommenterMailCheck>();
        services.AddSingleton<CommenterSubscriptions>();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<SubscriptionRequests>();
        services.AddSingleton<INotificationAudience, CommenterAudience>();
        services.AddSingleton<INotificationInterest, CommenterInterest>();
        services.AddSingleton<SubscriptionEndpoints>();
        return services;
    }

    /// <summary>The start-up check: a malformed link-signing key, or commenters' mail insisted on without what it needs.</summary>
    private sealed class CommenterMailCheck(IOptions<NotificationOptions> notifications, IOptions<MailOptions> mail) : IValidateOptions<CommenterMailOptions>
    {
        public ValidateOptionsResult Validate(string? name, CommenterMailOptions options)
        {
            var problems = CommenterMailOptions.Problems(options, notifications.Value, mail.Value).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
