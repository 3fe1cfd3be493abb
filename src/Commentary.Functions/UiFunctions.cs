using Commentary.Api.Ui;

namespace Commentary.Functions;

/// <summary>The widget, dashboard and demo files; the behaviour lives in <see cref="UiEndpoints"/>.</summary>
public sealed class UiFunctions(UiEndpoints endpoints)
{
    [Function(FunctionNames.UiFile)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.UiFile)] HttpRequest request, string file) =>
        endpoints.GetAsync(request, file);
}
