namespace Commentary.Api.Comments;

/// <summary>Readers' comments: the pages they read, the inbox they post to, the write path, and their reports.</summary>
public static class CommentServices
{
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CommentPageCache>();
        services.AddSingleton<CommentStore>();
        services.AddSingleton<CommentWriter>();
        services.AddSingleton<Tombstones>();
        services.AddSingleton<CommentInbox>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<PoisonMessages>();
        services.AddSingleton<CommentEvents>();
        services.AddSingleton<ReaderReports>();
        services.AddSingleton<CommentReporting>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.ReportsToHold >= 1, "Moderation:ReportsToHold must be at least 1.").ValidateOnStart();
        services.AddOptions<EditOptions>().Bind(configuration.GetSection(EditOptions.Section))
            .Validate(EditOptions.IsValid, "Comments:EditWindow must be between 00:00:00 (off) and 1.00:00:00.").ValidateOnStart();
        services.AddSingleton<EditTokens>();
        services.AddSingleton<EditWindow>();
        services.AddSingleton<AuthorActions>();
        services.AddSingleton<CommentEditEndpoints>();
        services.AddSingleton<CommentEndpoints>();
        services.AddSingleton<CommentStatusEndpoints>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<HelpfulMarks>();
        services.AddSingleton<HelpfulEndpoints>();
        services.AddSingleton<CommentCounts>();
        services.AddSingleton<CountEndpoints>();
        services.AddSingleton<NewestComments>();
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section))
            .Validate(o => !FeedOptions.Problems(o).Any(), "Feeds:ArticleUrl must be an absolute http(s) address with {slug} in it.").ValidateOnStart();
        services.AddSingleton<FeedEndpoints>();
        return services;
    }
}
