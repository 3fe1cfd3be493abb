namespace Commentary.Testing;

/// <summary>
/// Lets the first matching request reach storage and commit, then keeps its answer until the caller has given up
/// (its cancellation token fires, as the request deadline does): storage that stalls after doing the work, so the
/// client hears "try again" about a write that in fact happened.
/// </summary>
public sealed class AnswerTooLatePolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stalled;

    /// <summary>Completes once the stalled request has been carried out by storage.</summary>
    public Task Committed => _committed.Task;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The self-host only makes asynchronous storage calls.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline);
        if (matches(message) && Interlocked.CompareExchange(ref _stalled, 1, 0) == 0)
        {
            _committed.SetResult();
            await Task.Delay(Timeout.Infinite, message.CancellationToken);
        }
    }
}
