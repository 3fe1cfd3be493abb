using Commentary.Api.OpenApi;

namespace Commentary.Functions;

/// <summary>The API description; the document lives in <see cref="OpenApiEndpoints"/>.</summary>
public sealed class OpenApiFunction(OpenApiEndpoints endpoints)
{
    [Function(FunctionNames.OpenApi)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) =>
        endpoints.GetAsync(request);
}
