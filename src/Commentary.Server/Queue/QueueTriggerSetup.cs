namespace Commentary.Server.Queue;

/// <summary>
/// What every self-host queue worker takes from the host: the storage setting, the trigger's settings from
/// <c>host.json</c>, the signal that storage is ready, and its logger. One service, so that a worker names only the
/// handler of its own queue.
/// </summary>
public sealed class QueueTriggerSetup(
    IConfiguration configuration,
    IOptions<QueueTriggerOptions> options,
    StorageInitializer storageInitializer,
    ILoggerFactory loggers)
{
    public IConfiguration Configuration { get; } = configuration;

    public IOptions<QueueTriggerOptions> Options { get; } = options;

    public StorageInitializer StorageInitializer { get; } = storageInitializer;

    /// <summary>The logger of a worker, under its own type's name as if it had asked for <c>ILogger&lt;T&gt;</c>.</summary>
    public ILogger LoggerFor(Type worker) => loggers.CreateLogger(worker);
}
