using Microsoft.Extensions.DependencyInjection;

namespace Commentary.Tests.Http;

/// <summary>Executes an <see cref="IResult"/> against an HTTP context the way a host would, and captures the response.</summary>
internal static class ResultExecution
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static async Task<ExecutedResponse> ExecuteAsync(IResult result, HttpContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        context ??= new DefaultHttpContext();
        context.RequestServices = Services;
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        return new ExecutedResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.Headers,
            Encoding.UTF8.GetString(body.ToArray()));
    }
}
