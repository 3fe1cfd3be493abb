namespace Commentary.Functions;

/// <summary>Who is signed in; the behaviour lives in <see cref="SignedInModeratorEndpoints"/>.</summary>
public sealed class SignedInModeratorFunctions(SignedInModeratorEndpoints endpoints)
{
    [Function(FunctionNames.GetSignedInModerator)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SignedInModerator)] HttpRequest request) =>
        endpoints.GetAsync(request);
}
