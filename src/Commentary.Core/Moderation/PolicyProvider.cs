namespace Commentary.Core.Moderation;

/// <summary>
/// The moderation policy compiled from the live settings. It asks storage at most every <see cref="RefreshInterval"/>
/// (a conditional read, so an unchanged copy costs no download) and recompiles only on change, so a moderator's edit
/// reaches every worker within a minute without a restart. If the settings cannot be read, the last good policy stays.
/// </summary>
public sealed partial class PolicyProvider(ModerationSettingsStore store, TimeProvider clock, ILogger<PolicyProvider> logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    // The policy in force with the settings it was compiled from and their blob's ETag (empty for the shipped defaults).
    // Compiled on first use, not when the provider is created: the queue worker's services are created as the host
    // starts, and parsing and compiling the defaults there would hold up the first request for nothing.
    private InForce? _inForce;

    private InForce Current => _inForce ?? Interlocked.CompareExchange(ref _inForce, ShippedDefaults(), null) ?? _inForce;

    public async Task<ModerationPolicy> CurrentAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _checkedAt < RefreshInterval)
        {
            return Current.Policy;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _checkedAt >= RefreshInterval)
            {
                await RefreshAsync(cancellationToken);
            }

            return Current.Policy;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The settings behind <see cref="CurrentAsync"/>'s policy, for the parts that are not rules (crisis resources). Read only.</summary>
    public async Task<ModerationSettings> CurrentSettingsAsync(CancellationToken cancellationToken)
    {
        await CurrentAsync(cancellationToken);
        return Current.Settings;
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Uses settings just saved on this instance at once.</summary>
    public void Use(StoredModerationSettings saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        _inForce = new InForce(new ModerationPolicy(saved.Settings), saved.Settings, saved.ETag);
        _checkedAt = clock.GetUtcNow();
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var etag = _inForce?.ETag ?? string.Empty;
            var changed = await store.LoadIfChangedAsync(etag.Length == 0 ? null : etag, cancellationToken);
            if (changed is not null)
            {
                _inForce = new InForce(new ModerationPolicy(changed.Settings), changed.Settings, changed.ETag);
                LogLoaded(logger, changed.ETag);
            }

            _checkedAt = clock.GetUtcNow();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // A hand-edited blob that does not parse: keep moderating with what we had, and say so.
            _checkedAt = clock.GetUtcNow();
            LogUnreadable(logger, e, ModerationSettingsStore.BlobName);
        }
        catch (Exception e) when (e is not OperationCanceledException && Storage.StorageFailure.IsUnavailable(e))
        {
            LogUnavailable(logger, e.Message);
        }
    }

    private static InForce ShippedDefaults()
    {
        var settings = ModerationSettings.Defaults;
        return new InForce(new ModerationPolicy(settings), settings, string.Empty);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation settings {ETag} are in force")]
    private static partial void LogLoaded(ILogger logger, string etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Moderation settings in {Blob} cannot be used; the previous settings stay in force")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moderation settings could not be checked ({Problem}); the previous settings stay in force")]
    private static partial void LogUnavailable(ILogger logger, string problem);

    private sealed record InForce(ModerationPolicy Policy, ModerationSettings Settings, string ETag);
}
