using Commentary.Api.Health;

namespace Commentary.Functions;

public sealed class HealthFunction(HealthEndpoints endpoints)
{
    [Function(FunctionNames.Health)]
    public Task<IResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        endpoints.CheckAsync(request);
}
