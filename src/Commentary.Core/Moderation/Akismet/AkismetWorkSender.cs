namespace Commentary.Core.Moderation.Akismet;

/// <summary>The producer side of <c>akismet-work</c>: a message becomes visible only after its delay.</summary>
public sealed class AkismetWorkSender(StorageClients storage)
{
    public async Task SendAsync(AkismetWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await storage.AkismetWork.SendMessageAsync(work.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
