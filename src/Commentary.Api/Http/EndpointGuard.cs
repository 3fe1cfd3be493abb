using Commentary.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Commentary.Api.Http;

/// <summary>
/// Runs an endpoint within a deadline and turns what escapes it into a problem answer: a storage outage or a storage
/// call that outlives the deadline becomes 503 with <c>Retry-After</c>, anything else a bare 500. Exception text
/// never reaches the client; it is logged once. Every answer is marked <c>nosniff</c>.
/// </summary>
public sealed partial class EndpointGuard(ILogger<EndpointGuard> logger)
{
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Long enough for a healthy storage call and its retries, short enough that a client hears "try again" well
    /// within five seconds when storage does not answer.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(4);

    public async Task<IResult> RunAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        MarkNoSniff(request.HttpContext.Response);
        var aborted = request.HttpContext.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(Deadline);
        try
        {
            return await endpoint(deadline.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer.
            return TypedResults.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }
        catch (Exception e) when (deadline.IsCancellationRequested || StorageFailure.IsUnavailable(e))
        {
            LogStorageUnavailable(logger, request.Method, request.Path, e.Message);
            return Problems.Unavailable(request, RetryAfterSeconds, "Storage is not answering right now. Please try again shortly.");
        }
#pragma warning disable CA1031 // The last line of defence: no exception may become a stack trace in an answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, e, request.Method, request.Path);
            return Problems.Unexpected();
        }
    }

    public static void MarkNoSniff(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: storage unavailable ({Problem})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string path, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
