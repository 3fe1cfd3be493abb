namespace Commentary.Core.Moderation.Classifier;

/// <summary>Whether the model in force is the one that should be (a published model that does not load makes it degraded).</summary>
public sealed record ModelState(ModerationModel Model, bool Degraded, string? Problem);

/// <summary>
/// The classifier in force on this instance. It starts with the model shipped in the release and asks storage at
/// most every <see cref="RefreshInterval"/> whether a retrained model was published (a conditional read of the
/// pointer, so an unchanged pointer costs no download). A published model that does not load is logged once as an
/// error naming its blob and leaves the previous model in force; <see cref="State"/> then says degraded.
/// </summary>
public sealed partial class ModelProvider(ModelStore store, TimeProvider clock, ILogger<ModelProvider> logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ModelState? _state;
    private string? _pointerETag;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>What is in force now, without asking storage (the shipped model until a check found another).</summary>
    public ModelState State => _state ??= new ModelState(ModerationModel.Shipped, false, null);

    /// <summary>Loads the shipped model now, so the first comment does not pay for it. Hosts call it when their worker starts.</summary>
    public void WarmUp() => _ = State.Model.Score("warm up");

    public async Task<ModelState> CurrentAsync(CancellationToken cancellationToken)
    {
        await RefreshIfDueAsync(cancellationToken);
        return State;
    }

    /// <summary>
    /// Whether a published model failed to load (checking storage if it is time to), without loading the shipped model
    /// itself: the health route asks this, and a start-up's first health check must not wait for the warm-up.
    /// </summary>
    public async Task<bool> DegradedAsync(CancellationToken cancellationToken)
    {
        await RefreshIfDueAsync(cancellationToken);
        return _state?.Degraded ?? false;
    }

    /// <summary>Uses a model just published on this instance at once.</summary>
    public void Use(ModerationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _state = new ModelState(model, false, null);
        _pointerETag = null;
        _checkedAt = clock.GetUtcNow();
    }

    public void Dispose() => _refresh.Dispose();

    private async Task RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _checkedAt < RefreshInterval)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _checkedAt >= RefreshInterval)
            {
                await RefreshAsync(cancellationToken);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pointer = await store.PointerIfChangedAsync(_pointerETag, cancellationToken);
            _checkedAt = clock.GetUtcNow();
            // No pointer (nothing published yet) needs no model at all; comparing versions loads the shipped one if need be.
            if (pointer is null || pointer.Version == State.Model.Version)
            {
                _pointerETag = pointer?.ETag ?? _pointerETag;
                return;
            }

            // Remembered before loading: a model that does not load is reported once, not every half minute.
            _pointerETag = pointer.ETag;
            try
            {
                var model = await store.LoadAsync(pointer.Version, cancellationToken);
                _state = new ModelState(model, false, null);
                LogLoaded(logger, model.Version);
            }
            catch (InvalidModelException e)
            {
                var blob = ModelStore.ModelBlob(pointer.Version);
                _state = State with { Degraded = true, Problem = $"{blob} cannot be used: {e.Message}" };
                LogUnusable(logger, e, blob, State.Model.Version);
            }
        }
#pragma warning disable CA1031 // Whatever stops the check (storage down, a denied read), the model in force keeps scoring.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // Asked again at the next interval, not at once: a storage outage must not be hammered by every comment.
            _checkedAt = clock.GetUtcNow();
            LogUnavailable(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation model {Version} is in force")]
    private static partial void LogLoaded(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Moderation model blob {Blob} cannot be used; model {Version} stays in force")]
    private static partial void LogUnusable(ILogger logger, Exception exception, string blob, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The published moderation model could not be checked ({Problem}); the model in force stays")]
    private static partial void LogUnavailable(ILogger logger, string problem);
}
