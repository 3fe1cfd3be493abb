using Commentary.Core.Moderation.Akismet;

namespace Commentary.Functions;

/// <summary>
/// Rechecks of comments held while Akismet was unreachable, and moderators' feedback to Akismet. Waiting between
/// attempts is the message's own visibility delay; failures of our storage are rethrown for the host's retries.
/// </summary>
public sealed class AkismetWorkFunction(AkismetWorkProcessor processor)
{
    [Function(FunctionNames.AkismetWork)]
    public Task Run(
        [QueueTrigger(StorageNames.AkismetQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        processor.HandleAsync(message, cancellationToken);
}
