using Commentary.Api.Notifications;

namespace Commentary.Functions;

/// <summary>The confirmation and unsubscribe links in commenters' mail; see <see cref="SubscriptionEndpoints"/>.</summary>
public sealed class SubscriptionFunctions(SubscriptionEndpoints endpoints)
{
    [Function(FunctionNames.ShowSubscriptionConfirmation)]
    public Task<IResult> ShowConfirm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ConfirmSubscription)] HttpRequest request) =>
        endpoints.ShowConfirmAsync(request);

    [Function(FunctionNames.ConfirmSubscription)]
    public Task<IResult> Confirm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ConfirmSubscription)] HttpRequest request) =>
        endpoints.ConfirmAsync(request);

    [Function(FunctionNames.ShowUnsubscribe)]
    public Task<IResult> ShowUnsubscribe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Unsubscribe)] HttpRequest request) =>
        endpoints.ShowUnsubscribeAsync(request);

    [Function(FunctionNames.Unsubscribe)]
    public Task<IResult> Unsubscribe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Unsubscribe)] HttpRequest request) =>
        endpoints.UnsubscribeAsync(request);
}
