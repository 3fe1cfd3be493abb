namespace Commentary.Api.Http;

/// <summary>Every HTTP route, relative to the <c>/api</c> prefix that both hosts use.</summary>
public static class Routes
{
    public const string Prefix = "api";
    public const string Articles = "articles";
    public const string Article = "articles/{slug}";
    public const string ArticleComments = "articles/{slug}/comments";
    public const string ArticleComment = "articles/{slug}/comments/{id}";
    public const string SignedInModerator = "moderation/me";
    public const string ModerationComments = "moderation/comments";
    public const string ModerationComment = "moderation/comments/{slug}/{id}";
    public const string ApproveComment = "moderation/comments/{slug}/{id}/approve";
    public const string RejectComment = "moderation/comments/{slug}/{id}/reject";
    public const string PoisonMessages = "moderation/poison";
    public const string PoisonMessage = "moderation/poison/{messageId}";
    public const string RequeuePoisonMessage = "moderation/poison/{messageId}/requeue";
    public const string Commenter = "moderation/commenters/{email}";
    public const string ModerationSettings = "moderation/settings";
    public const string ModerationModel = "moderation/model";
    public const string RetrainModerationModel = "moderation/model/retrain";
    public const string SpamComment = "moderation/comments/{slug}/{id}/spam";
    public const string PrivateReply = "moderation/comments/{slug}/{id}/private-reply";
    public const string BulkModeration = "moderation/comments/bulk";
    public const string Bans = "moderation/bans";
    public const string Ban = "moderation/bans/{banId}";
    public const string CommentReports = "articles/{slug}/comments/{id}/reports";
    public const string HelpfulMarks = "articles/{slug}/comments/{id}/helpful";
    public const string ModeratorReplies = "moderation/comments/{slug}/{id}/replies";
    public const string CommentPin = "moderation/comments/{slug}/{id}/pin";
    /// <summary>Public: how the dashboard signs in with the organisation's provider (no secrets).</summary>
    public const string SignInConfiguration = "moderation/sign-in";
    public const string CommentCounts = "counts";
    public const string ArticleCommentFeed = "articles/{slug}/comments.atom";
    public const string CommentFeed = "comments.atom";

    /// <summary>The page behind an Approve or Reject link in a notification (GET asks, POST acts); the link carries <c>?token=</c>.</summary>
    public const string ModerationLink = Core.Notifications.ModerationLinks.Route;
    /// <summary>The pages behind the confirmation and unsubscribe links in commenters' mail (GET asks, POST acts); the link carries <c>?token=</c>.</summary>
    public const string ConfirmSubscription = Core.Notifications.SubscriptionLinks.ConfirmRoute;
    public const string Unsubscribe = Core.Notifications.SubscriptionLinks.UnsubscribeRoute;
    public const string Health = "health";
    public const string UiFile = "ui/{file}";
    public const string OpenApi = "openapi.json";

    /// <summary>
    /// The absolute path of a route with its <c>{parameters}</c> filled in, in order: the <c>Location</c> of what a
    /// request created, built from the same template both hosts map.
    /// </summary>
    public static string Path(string route, params ReadOnlySpan<string> values)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = new System.Text.StringBuilder("/" + Prefix + "/");
        var next = 0;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] != '{')
            {
                path.Append(route[i]);
                continue;
            }

            if (next == values.Length)
            {
                throw new ArgumentException($"The route '{route}' has more parameters than the {values.Length} values given.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(values[next++]));
            i = route.IndexOf('}', i);
        }

        return next == values.Length ? path.ToString() : throw new ArgumentException($"The route '{route}' has fewer parameters than the {values.Length} values given.", nameof(values));
    }
}

/// <summary>Function names: the Functions app's <c>[Function]</c> names, which the self-host gives its endpoints too.</summary>
public static class FunctionNames
{
    public const string ListArticles = nameof(ListArticles);
    public const string GetArticle = nameof(GetArticle);
    public const string ListComments = nameof(ListComments);
    public const string SubmitComment = nameof(SubmitComment);
    public const string GetCommentStatus = nameof(GetCommentStatus);
    public const string GetSignedInModerator = nameof(GetSignedInModerator);
    public const string ListModerationComments = nameof(ListModerationComments);
    public const string ApproveComment = nameof(ApproveComment);
    public const string RejectComment = nameof(RejectComment);
    public const string DeleteComment = nameof(DeleteComment);
    public const string ListPoisonMessages = nameof(ListPoisonMessages);
    public const string RequeuePoisonMessage = nameof(RequeuePoisonMessage);
    public const string DiscardPoisonMessage = nameof(DiscardPoisonMessage);
    public const string ExportCommenter = nameof(ExportCommenter);
    public const string EraseCommenter = nameof(EraseCommenter);
    public const string GetModerationSettings = nameof(GetModerationSettings);
    public const string PutModerationSettings = nameof(PutModerationSettings);
    public const string GetModerationModel = nameof(GetModerationModel);
    public const string RetrainModerationModel = nameof(RetrainModerationModel);
    public const string GetModeratedComment = nameof(GetModeratedComment);
    public const string MarkCommentAsSpam = nameof(MarkCommentAsSpam);
    public const string ReplyPrivately = nameof(ReplyPrivately);
    public const string ModerateInBulk = nameof(ModerateInBulk);
    public const string ListBans = nameof(ListBans);
    public const string AddBan = nameof(AddBan);
    public const string RemoveBan = nameof(RemoveBan);
    public const string ReportComment = nameof(ReportComment);
    public const string ConfirmModerationLink = nameof(ConfirmModerationLink);
    public const string FollowModerationLink = nameof(FollowModerationLink);
    public const string ShowSubscriptionConfirmation = nameof(ShowSubscriptionConfirmation);
    public const string ConfirmSubscription = nameof(ConfirmSubscription);
    public const string ShowUnsubscribe = nameof(ShowUnsubscribe);
    public const string Unsubscribe = nameof(Unsubscribe);
    public const string Health = nameof(Health);
    public const string UiFile = nameof(UiFile);
    public const string OpenApi = nameof(OpenApi);
    public const string ModerateComment = nameof(ModerateComment);
    public const string AkismetWork = nameof(AkismetWork);
    public const string SweepStaleRows = nameof(SweepStaleRows);
    public const string RetrainModel = nameof(RetrainModel);
    public const string RetrainModelOnRequest = nameof(RetrainModelOnRequest);
    public const string SendNotifications = nameof(SendNotifications);
    public const string SendNotificationDigest = nameof(SendNotificationDigest);
    public const string MarkCommentHelpful = nameof(MarkCommentHelpful);
    public const string ReplyToComment = nameof(ReplyToComment);
    public const string PinComment = nameof(PinComment);
    public const string UnpinComment = nameof(UnpinComment);
    public const string GetSignInConfiguration = nameof(GetSignInConfiguration);
    public const string GetCommentCounts = nameof(GetCommentCounts);
    public const string GetArticleCommentFeed = nameof(GetArticleCommentFeed);
    public const string GetCommentFeed = nameof(GetCommentFeed);
    public const string EditOwnComment = nameof(EditOwnComment);
    public const string DeleteOwnComment = nameof(DeleteOwnComment);
}
