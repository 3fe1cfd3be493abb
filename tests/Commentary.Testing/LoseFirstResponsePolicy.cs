namespace Commentary.Testing;

/// <summary>
/// Lets the first matching request reach storage and commit, then throws away its answer as a dropped connection
/// would, so the SDK retries a request that in fact succeeded.
/// </summary>
public sealed class LoseFirstResponsePolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int _lost;

    public int Lost => _lost;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        LoseIfFirst(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        LoseIfFirst(message);
    }

    private void LoseIfFirst(HttpMessage message)
    {
        if (matches(message) && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
        {
            throw new IOException("Simulated connection reset after the request was processed.");
        }
    }
}
