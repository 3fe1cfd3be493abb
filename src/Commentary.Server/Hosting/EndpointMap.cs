using Commentary.Api.Articles;
using Commentary.Api.Comments;
using Commentary.Api.Health;
using Commentary.Api.Http;
using Commentary.Api.Moderation;
using Commentary.Api.Notifications;
using Commentary.Api.OpenApi;
using Commentary.Api.Ui;

namespace Commentary.Server.Hosting;

/// <summary>
/// Maps the same endpoint methods the Functions app calls, under the same names, methods and routes;
/// a test compares this map with the Functions build's <c>functions.metadata</c>.
/// </summary>
public static class EndpointMap
{
    public static RouteGroupBuilder MapCommentary(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + Routes.Prefix);

        api.MapGet(Routes.Articles, (HttpRequest r, ArticleEndpoints e) => e.ListAsync(r)).WithName(FunctionNames.ListArticles);
        api.MapGet(Routes.Article, (HttpRequest r, string slug, ArticleEndpoints e) => e.GetAsync(r, slug)).WithName(FunctionNames.GetArticle);

        api.MapGet(Routes.ArticleComments, (HttpRequest r, string slug, CommentEndpoints e) => e.ListAsync(r, slug)).WithName(FunctionNames.ListComments);
        api.MapPost(Routes.ArticleComments, (HttpRequest r, string slug, CommentEndpoints e) => e.SubmitAsync(r, slug)).WithName(FunctionNames.SubmitComment);
        api.MapGet(Routes.ArticleComment, (HttpRequest r, string slug, string id, CommentStatusEndpoints e) => e.StatusAsync(r, slug, id)).WithName(FunctionNames.GetCommentStatus);
        api.MapPut(Routes.ArticleComment, (HttpRequest r, string slug, string id, CommentEditEndpoints e) => e.EditAsync(r, slug, id)).WithName(FunctionNames.EditOwnComment);
        api.MapDelete(Routes.ArticleComment, (HttpRequest r, string slug, string id, CommentEditEndpoints e) => e.DeleteAsync(r, slug, id)).WithName(FunctionNames.DeleteOwnComment);
        api.MapPost(Routes.CommentReports, (HttpRequest r, string slug, string id, ReportEndpoints e) => e.ReportAsync(r, slug, id)).WithName(FunctionNames.ReportComment);
        api.MapPost(Routes.HelpfulMarks, (HttpRequest r, string slug, string id, HelpfulEndpoints e) => e.MarkAsync(r, slug, id)).WithName(FunctionNames.MarkCommentHelpful);
        api.MapGet(Routes.CommentCounts, (HttpRequest r, CountEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.GetCommentCounts);
        api.MapGet(Routes.ArticleCommentFeed, (HttpRequest r, string slug, FeedEndpoints e) => e.ArticleAsync(r, slug)).WithName(FunctionNames.GetArticleCommentFeed);
        api.MapGet(Routes.CommentFeed, (HttpRequest r, FeedEndpoints e) => e.SiteAsync(r)).WithName(FunctionNames.GetCommentFeed);

        api.MapGet(Routes.SignedInModerator, (HttpRequest r, SignedInModeratorEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.GetSignedInModerator);
        api.MapGet(Routes.ModerationComments, (HttpRequest r, ModerationEndpoints e) => e.ListAsync(r)).WithName(FunctionNames.ListModerationComments);
        api.MapPost(Routes.ApproveComment, (HttpRequest r, string slug, string id, ModerationEndpoints e) => e.ApproveAsync(r, slug, id)).WithName(FunctionNames.ApproveComment);
        api.MapPost(Routes.RejectComment, (HttpRequest r, string slug, string id, ModerationEndpoints e) => e.RejectAsync(r, slug, id)).WithName(FunctionNames.RejectComment);
        api.MapDelete(Routes.ModerationComment, (HttpRequest r, string slug, string id, ModerationEndpoints e) => e.DeleteAsync(r, slug, id)).WithName(FunctionNames.DeleteComment);
        api.MapGet(Routes.ModerationComment, (HttpRequest r, string slug, string id, ModerationEndpoints e) => e.GetAsync(r, slug, id)).WithName(FunctionNames.GetModeratedComment);
        api.MapPost(Routes.SpamComment, (HttpRequest r, string slug, string id, SpamEndpoints e) => e.MarkAsync(r, slug, id)).WithName(FunctionNames.MarkCommentAsSpam);
        api.MapPost(Routes.PrivateReply, (HttpRequest r, string slug, string id, CrisisReplyEndpoints e) => e.ReplyAsync(r, slug, id)).WithName(FunctionNames.ReplyPrivately);
        api.MapPost(Routes.ModeratorReplies, (HttpRequest r, string slug, string id, ModeratorReplyEndpoints e) => e.ReplyAsync(r, slug, id)).WithName(FunctionNames.ReplyToComment);
        api.MapPut(Routes.CommentPin, (HttpRequest r, string slug, string id, ModeratorReplyEndpoints e) => e.PinAsync(r, slug, id)).WithName(FunctionNames.PinComment);
        api.MapDelete(Routes.CommentPin, (HttpRequest r, string slug, string id, ModeratorReplyEndpoints e) => e.UnpinAsync(r, slug, id)).WithName(FunctionNames.UnpinComment);
        api.MapGet(Routes.ModerationLink, (HttpRequest r, ModerationLinkEndpoints e) => e.ShowAsync(r)).WithName(FunctionNames.ConfirmModerationLink);
        api.MapPost(Routes.ModerationLink, (HttpRequest r, ModerationLinkEndpoints e) => e.ActAsync(r)).WithName(FunctionNames.FollowModerationLink);
        api.MapPost(Routes.BulkModeration, (HttpRequest r, BulkModerationEndpoints e) => e.RunAsync(r)).WithName(FunctionNames.ModerateInBulk);

        api.MapGet(Routes.Bans, (HttpRequest r, BanEndpoints e) => e.ListAsync(r)).WithName(FunctionNames.ListBans);
        api.MapPost(Routes.Bans, (HttpRequest r, BanEndpoints e) => e.AddAsync(r)).WithName(FunctionNames.AddBan);
        api.MapDelete(Routes.Ban, (HttpRequest r, string banId, BanEndpoints e) => e.RemoveAsync(r, banId)).WithName(FunctionNames.RemoveBan);

        api.MapGet(Routes.PoisonMessages, (HttpRequest r, PoisonEndpoints e) => e.ListAsync(r)).WithName(FunctionNames.ListPoisonMessages);
        api.MapPost(Routes.RequeuePoisonMessage, (HttpRequest r, string messageId, PoisonEndpoints e) => e.RequeueAsync(r, messageId)).WithName(FunctionNames.RequeuePoisonMessage);
        api.MapDelete(Routes.PoisonMessage, (HttpRequest r, string messageId, PoisonEndpoints e) => e.DiscardAsync(r, messageId)).WithName(FunctionNames.DiscardPoisonMessage);

        api.MapGet(Routes.Commenter, (HttpRequest r, string email, CommenterDataEndpoints e) => e.ExportAsync(r, email)).WithName(FunctionNames.ExportCommenter);
        api.MapDelete(Routes.Commenter, (HttpRequest r, string email, CommenterDataEndpoints e) => e.EraseAsync(r, email)).WithName(FunctionNames.EraseCommenter);

        api.MapGet(Routes.ModerationSettings, (HttpRequest r, ModerationSettingsEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.GetModerationSettings);
        api.MapPut(Routes.ModerationSettings, (HttpRequest r, ModerationSettingsEndpoints e) => e.PutAsync(r)).WithName(FunctionNames.PutModerationSettings);
        api.MapGet(Routes.ModerationModel, (HttpRequest r, ModelEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.GetModerationModel);
        api.MapPost(Routes.RetrainModerationModel, (HttpRequest r, ModelEndpoints e) => e.RetrainAsync(r)).WithName(FunctionNames.RetrainModerationModel);

        api.MapGet(Routes.ConfirmSubscription, (HttpRequest r, SubscriptionEndpoints e) => e.ShowConfirmAsync(r)).WithName(FunctionNames.ShowSubscriptionConfirmation);
        api.MapPost(Routes.ConfirmSubscription, (HttpRequest r, SubscriptionEndpoints e) => e.ConfirmAsync(r)).WithName(FunctionNames.ConfirmSubscription);
        api.MapGet(Routes.Unsubscribe, (HttpRequest r, SubscriptionEndpoints e) => e.ShowUnsubscribeAsync(r)).WithName(FunctionNames.ShowUnsubscribe);
        api.MapPost(Routes.Unsubscribe, (HttpRequest r, SubscriptionEndpoints e) => e.UnsubscribeAsync(r)).WithName(FunctionNames.Unsubscribe);

        api.MapGet(Routes.Health, (HttpRequest r, HealthEndpoints e) => e.CheckAsync(r)).WithName(FunctionNames.Health);
        api.MapGet(Routes.UiFile, (HttpRequest r, string file, UiEndpoints e) => e.GetAsync(r, file)).WithName(FunctionNames.UiFile);
        api.MapGet(Routes.OpenApi, (HttpRequest r, OpenApiEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.OpenApi);
        api.MapGet(Routes.SignInConfiguration, (HttpRequest r, SignInConfigurationEndpoints e) => e.GetAsync(r)).WithName(FunctionNames.GetSignInConfiguration);

        // Last, once each endpoint has its name: the role that ModeratorRoutes declares for it (ModeratorAccess enforces it).
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
            if (name is not null && ModeratorRoutes.Required.TryGetValue(name, out var role))
            {
                endpoint.Metadata.Add(new RequiredModeratorRole(role));
            }
        });
        return api;
    }
}
