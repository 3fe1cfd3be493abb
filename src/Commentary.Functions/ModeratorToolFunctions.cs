using Commentary.Api.Http;
using Commentary.Api.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Commentary.Functions;

/// <summary>
/// The moderators' tools beyond single decisions: one comment's full record, spam, bulk actions and bans. Anonymous
/// to the Functions host, like every moderator route: the endpoints check the moderator key themselves.
/// </summary>
public sealed class ModeratorToolFunctions(
    ModerationEndpoints moderation, SpamEndpoints spam, BulkModerationEndpoints bulk, BanEndpoints bans, CrisisReplyEndpoints crisisReplies)
{
    [Function(FunctionNames.GetModeratedComment)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationComment)] HttpRequest request, string slug, string id) =>
        moderation.GetAsync(request, slug, id);

    [Function(FunctionNames.MarkCommentAsSpam)]
    public Task<IResult> MarkAsSpam([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SpamComment)] HttpRequest request, string slug, string id) =>
        spam.MarkAsync(request, slug, id);

    [Function(FunctionNames.ReplyPrivately)]
    public Task<IResult> ReplyPrivately([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.PrivateReply)] HttpRequest request, string slug, string id) =>
        crisisReplies.ReplyAsync(request, slug, id);

    [Function(FunctionNames.ModerateInBulk)]
    public Task<IResult> Bulk([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.BulkModeration)] HttpRequest request) =>
        bulk.RunAsync(request);

    [Function(FunctionNames.ListBans)]
    public Task<IResult> ListBans([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Bans)] HttpRequest request) =>
        bans.ListAsync(request);

    [Function(FunctionNames.AddBan)]
    public Task<IResult> AddBan([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Bans)] HttpRequest request) =>
        bans.AddAsync(request);

    [Function(FunctionNames.RemoveBan)]
    public Task<IResult> RemoveBan([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Ban)] HttpRequest request, string banId) =>
        bans.RemoveAsync(request, banId);
}
