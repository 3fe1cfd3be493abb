namespace Commentary.Core.Notifications;

public enum SubscriptionRequestOutcome
{
    /// <summary>The link is good: the page may ask (GET).</summary>
    Ready,

    /// <summary>Done: the address is confirmed, or mail is stopped.</summary>
    Done,

    /// <summary>Not one of our links as it is (or commenters' mail is off).</summary>
    Invalid,

    /// <summary>A confirmation link past its 30 days.</summary>
    Expired,

    /// <summary>A confirmation link made before the address unsubscribed from everything: it no longer confirms.</summary>
    Superseded,
}

public sealed record SubscriptionRequestResult(SubscriptionRequestOutcome Outcome, SubscriptionLink? Link = null);

/// <summary>
/// What a commenter's confirmation and unsubscribe links do when they come back: the use case behind the pages
/// (<c>GET</c> only inspects, <c>POST</c> acts). Unsubscribing is idempotent and takes effect at once.
/// </summary>
public sealed class SubscriptionRequests(SubscriptionLinks links, CommenterSubscriptions subscriptions)
{
    public SubscriptionRequestResult Inspect(string? token, SubscriptionLinkPurpose purpose)
    {
        var (reading, link) = links.Read(token, purpose);
        return reading switch
        {
            SubscriptionLinkReading.Valid => new(SubscriptionRequestOutcome.Ready, link),
            SubscriptionLinkReading.Expired => new(SubscriptionRequestOutcome.Expired, link),
            _ => new(SubscriptionRequestOutcome.Invalid),
        };
    }

    public async Task<SubscriptionRequestResult> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var inspected = Inspect(token, SubscriptionLinkPurpose.Confirm);
        if (inspected.Outcome != SubscriptionRequestOutcome.Ready)
        {
            return inspected;
        }

        var (confirmed, _) = await subscriptions.ConfirmAsync(inspected.Link!, cancellationToken);
        return new(confirmed ? SubscriptionRequestOutcome.Done : SubscriptionRequestOutcome.Superseded, inspected.Link);
    }

    public async Task<SubscriptionRequestResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var inspected = Inspect(token, SubscriptionLinkPurpose.Unsubscribe);
        if (inspected.Outcome != SubscriptionRequestOutcome.Ready)
        {
            return inspected;
        }

        await subscriptions.UnsubscribeAsync(inspected.Link!.Subscriber, inspected.Link.Slug, cancellationToken);
        return new(SubscriptionRequestOutcome.Done, inspected.Link);
    }
}
