using Commentary.Api.Http;
using Commentary.Api.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Commentary.Functions;

/// <summary>The API description; the document lives in <see cref="OpenApiEndpoints"/>.</summary>
public sealed class OpenApiFunction(OpenApiEndpoints endpoints)
{
    [Function(FunctionNames.OpenApi)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) =>
        endpoints.GetAsync(request);
}
