using Azure.Data.Tables;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Storage;

namespace Commentary.Api.Health;

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Services);

/// <summary>
/// <c>GET /health</c>: asks blob, queue and table storage in parallel, each with a short deadline, and says whether
/// the moderation model in force is the published one (<c>model: degraded</c> when a published model did not load).
/// </summary>
public sealed class HealthEndpoints(StorageClients storage, ModelProvider models)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<IResult> CheckAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        EndpointGuard.MarkNoSniff(request.HttpContext.Response);
        var checks = new Dictionary<string, Func<CancellationToken, Task>>
        {
            ["blob"] = ct => storage.Articles.GetPropertiesAsync(cancellationToken: ct),
            ["queue"] = ct => storage.Submissions.GetPropertiesAsync(ct),
            ["table"] = ct => storage.Comments.GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: ct),
        };

        // A model that did not load leaves the previous one scoring: worth an operator's look, not an outage. Asking
        // the provider (not just reading its state) lets an instance that has scored nothing yet find a bad model too;
        // it checks storage at most every 30 s and never throws. It is asked beside the storage probes, not after them.
        var degraded = models.DegradedAsync(cancellationToken);
        var results = await Task.WhenAll(checks.Select(async check => (check.Key, Up: await AnswersAsync(check.Value, cancellationToken))));
        var services = results.ToDictionary(r => r.Key, r => r.Up ? "up" : "down");
        services["model"] = await degraded ? "degraded" : "up";
        var healthy = results.All(r => r.Up);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!healthy)
        {
            Problems.SetRetryAfter(request, EndpointGuard.RetryAfterSeconds);
        }

        return ApiJson.Status(new HealthReport(healthy ? "healthy" : "unhealthy", services),
            healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> AnswersAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await probe(deadline.Token);
            return true;
        }
#pragma warning disable CA1031 // Any failure to answer means the service is down, whatever its kind.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
