namespace Commentary.Testing;

/// <summary>
/// Once armed, holds the answer to the next matching request after storage has given it, until the test releases it:
/// a read that has seen storage as it was, but has not yet told anyone. Lets a test change storage in that gap.
/// </summary>
public sealed class HoldAnswerPolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Completes when the held request has its answer from storage.</summary>
    public Task Arm()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    public void Release() => _release?.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The self-host only makes asynchronous storage calls.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (matches(message) && Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.SetResult();
            await _release!.Task;
        }
    }
}
