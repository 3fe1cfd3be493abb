namespace Commentary.Functions;

/// <summary>How the dashboard signs in; the behaviour lives in <see cref="SignInConfigurationEndpoints"/>.</summary>
public sealed class SignInConfigurationFunctions(SignInConfigurationEndpoints endpoints)
{
    [Function(FunctionNames.GetSignInConfiguration)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SignInConfiguration)] HttpRequest request) =>
        endpoints.GetAsync(request);
}
