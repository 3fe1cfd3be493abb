using Commentary.Api.Http;
using Commentary.Api.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Commentary.Functions;

/// <summary>
/// Moderator routes. They are anonymous to the Functions host on purpose: the moderator key is checked by
/// <see cref="ModerationEndpoints"/> itself, so the self-host is exactly as safe.
/// </summary>
public sealed class ModerationFunctions(ModerationEndpoints endpoints)
{
    [Function(FunctionNames.ListModerationComments)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationComments)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(FunctionNames.ApproveComment)]
    public Task<IResult> Approve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ApproveComment)] HttpRequest request, string slug, string id) =>
        endpoints.ApproveAsync(request, slug, id);

    [Function(FunctionNames.RejectComment)]
    public Task<IResult> Reject([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RejectComment)] HttpRequest request, string slug, string id) =>
        endpoints.RejectAsync(request, slug, id);

    [Function(FunctionNames.DeleteComment)]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.ModerationComment)] HttpRequest request, string slug, string id) =>
        endpoints.DeleteAsync(request, slug, id);

    [Function(FunctionNames.ListPoisonMessages)]
    public Task<IResult> ListPoison([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PoisonMessages)] HttpRequest request) =>
        endpoints.ListPoisonAsync(request);

    [Function(FunctionNames.RequeuePoisonMessage)]
    public Task<IResult> RequeuePoison([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RequeuePoisonMessage)] HttpRequest request, string messageId) =>
        endpoints.RequeuePoisonAsync(request, messageId);

    [Function(FunctionNames.DiscardPoisonMessage)]
    public Task<IResult> DiscardPoison([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.PoisonMessage)] HttpRequest request, string messageId) =>
        endpoints.DiscardPoisonAsync(request, messageId);

    [Function(FunctionNames.ExportCommenter)]
    public Task<IResult> ExportCommenter([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Commenter)] HttpRequest request, string email) =>
        endpoints.ExportCommenterAsync(request, email);

    [Function(FunctionNames.EraseCommenter)]
    public Task<IResult> EraseCommenter([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Commenter)] HttpRequest request, string email) =>
        endpoints.EraseCommenterAsync(request, email);
}
