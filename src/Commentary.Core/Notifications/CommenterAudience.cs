namespace Commentary.Core.Notifications;

/// <summary>
/// Commenters who asked, on the comment form, to be emailed (<see cref="CommenterSubscriptions"/>). For
/// <c>comment.published</c>, its author, if they asked with that comment; for <c>comment.replied</c>, the author of
/// the comment answered, if they asked for replies with it and did not write the reply themselves. Only a confirmed
/// address that has not unsubscribed since gets either; an address that asked and is not confirmed gets the
/// confirmation mail instead (on the comment's first event that is not a rejection, at most once a week). What is
/// sent is decided again on every retry, so an unsubscribe between two tries stops the mail.
/// </summary>
public sealed class CommenterAudience(
    CommenterSubscriptions subscriptions,
    SubscriptionLinks links,
    CommentStore comments,
    ArticleStore articles,
    IMailSender mail,
    TimeProvider clock) : INotificationAudience
{
    private readonly CommenterSubscriptions _subscriptions = subscriptions;
    private readonly SubscriptionLinks _links = links;
    private readonly IMailSender _mail = mail;

    public async ValueTask<IReadOnlyList<NotificationDelivery>> PlanAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!_links.IsEnabled)
        {
            return [];
        }

        return notification.Kind switch
        {
            NotificationKinds.Urgent or NotificationKinds.Held or NotificationKinds.Published => await PlanForAuthorAsync(notification, cancellationToken),
            NotificationKinds.Replied when notification.ParentId is not null => await PlanForParentAsync(notification, cancellationToken),
            _ => [],
        };
    }

    private async Task<IReadOnlyList<NotificationDelivery>> PlanForAuthorAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        if (await comments.FindAsync(notification.Slug, notification.CommentId, cancellationToken) is not { } comment
            || await _subscriptions.FindAsync(comment.Email, comment.Slug, comment.Id, cancellationToken) is not { } subscription)
        {
            return [];
        }

        var deliveries = new List<NotificationDelivery>();
        if (subscription.NeedsConfirmation && comment.Status != CommentStatus.Rejected
            && CommenterSubscriptions.MayConfirm(subscription.Subscriber, notification.Id, clock.GetUtcNow()))
        {
            deliveries.Add(new ConfirmationDelivery(this, notification, comment, subscription.Subscriber.Key));
        }

        if (notification.Kind == NotificationKinds.Published && comment.Status == CommentStatus.Approved && subscription.Published)
        {
            deliveries.Add(new NoticeDelivery(this, notification, comment, subscription.Subscriber.Key,
                (title, unsubscribe, id) => CommenterNotice.Published(comment, title, unsubscribe, id)));
        }

        return deliveries;
    }

    private async Task<IReadOnlyList<NotificationDelivery>> PlanForParentAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var reply = comments.FindAsync(notification.Slug, notification.CommentId, cancellationToken);
        var parent = comments.FindAsync(notification.Slug, notification.ParentId!, cancellationToken);
        await Task.WhenAll(reply, parent);
        if (await reply is not { Status: CommentStatus.Approved } answer || await parent is not { Status: CommentStatus.Approved } answered
            || _subscriptions.KeyOf(answer.Email) == _subscriptions.KeyOf(answered.Email))
        {
            // Nobody is told of their own reply, nor of one that is no longer public.
            return [];
        }

        var subscription = await _subscriptions.FindAsync(answered.Email, answered.Slug, answered.Id, cancellationToken);
        return subscription is { Replies: true }
            ? [new NoticeDelivery(this, notification, answered, subscription.Subscriber.Key, (title, unsubscribe, id) => CommenterNotice.Replied(answered, answer, title, unsubscribe, id))]
            : [];
    }

    private async Task<string> TitleAsync(string slug, CancellationToken cancellationToken) =>
        (await articles.FindAsync(slug, cancellationToken))?.Article.Title ?? slug;

    private static string MessageId(NotificationEvent notification, string key) => $"<{notification.Id}.{key[..24]}@commentary.notifications>";

    /// <summary>The mail that asks a reader to confirm their address; claimed on the address first, so two events at once send one.</summary>
    private sealed class ConfirmationDelivery(CommenterAudience audience, NotificationEvent notification, Comment comment, string subscriber) : NotificationDelivery
    {
        public override string Key { get; } = "confirm:" + subscriber[..24];

        public override async Task<DeliveryResult> SendAsync(CancellationToken cancellationToken)
        {
            if (!await audience._subscriptions.ClaimConfirmationAsync(subscriber, notification.Id, cancellationToken))
            {
                // Confirmed meanwhile, or another event sent the confirmation: nothing to send.
                return DeliveryResult.Sent;
            }

            var title = await audience.TitleAsync(comment.Slug, cancellationToken);
            var message = CommenterNotice.Confirmation(comment, title, audience._links.Confirm(subscriber), audience._links.Unsubscribe(subscriber, null), MessageId(notification, Key));
            return await audience._mail.SendAsDeliveryAsync(message, cancellationToken);
        }
    }

    /// <summary>"Published" or "replied" to a confirmed reader, with their unsubscribe links.</summary>
    private sealed class NoticeDelivery(
        CommenterAudience audience, NotificationEvent notification, Comment to, string subscriber, Func<string, CommenterNotice.Unsubscribe, string, MailMessage> write) : NotificationDelivery
    {
        public override string Key { get; } = "commenter:" + subscriber[..24];

        public override async Task<DeliveryResult> SendAsync(CancellationToken cancellationToken)
        {
            var title = await audience.TitleAsync(to.Slug, cancellationToken);
            var unsubscribe = new CommenterNotice.Unsubscribe(audience._links.Unsubscribe(subscriber, to.Slug), audience._links.Unsubscribe(subscriber, null));
            return await audience._mail.SendAsDeliveryAsync(write(title, unsubscribe, MessageId(notification, Key)), cancellationToken);
        }
    }
}

/// <summary>Commenters may want the kinds <see cref="CommenterAudience"/> plans mail for, whenever commenters' mail is on.</summary>
public sealed class CommenterInterest(SubscriptionLinks links) : INotificationInterest
{
    public bool Wants(string kind) =>
        links.IsEnabled && kind is NotificationKinds.Urgent or NotificationKinds.Held or NotificationKinds.Published or NotificationKinds.Replied;
}
