using Commentary.Core.Access;
using Commentary.Core.Notifications;
using Commentary.Core.Telemetry;

namespace Commentary.Core.Privacy;

/// <summary>Everything stored about one email address.</summary>
public sealed record CommenterExport(
    string Email, string EmailHash, IReadOnlyList<Comment> Comments, IReadOnlyList<PoisonMessage> PoisonMessages, IReadOnlyList<SubscriptionRecord> Subscriptions);

/// <summary>What an erasure removed, and the tombstone it left: the address's hash, which every later import honours.</summary>
public sealed record CommenterErasure(int Comments, int PoisonMessages, int Subscriptions, string Tombstone);

/// <summary>
/// A commenter's right of access and right to erasure: export everything stored under an email address, or delete
/// it all — the comments (with their counts and index entries), any poison messages that carry the address, and the
/// address's mail subscriptions (opt-ins, confirmation, unsubscribes). An erasure first leaves a tombstone (the
/// address's hash, never the address), so that no later import of the same Disqus or WordPress export brings the
/// commenter's comments back.
/// </summary>
public sealed partial class CommenterData(
    CommenterHistory history,
    CommentStore comments,
    ModerationActions actions,
    PoisonMessages poison,
    Tombstones tombstones,
    TimeProvider clock,
    CommenterSubscriptions subscriptions,
    ILogger<CommenterData> logger)
{
    public async Task<CommenterExport> ExportAsync(string email, CancellationToken cancellationToken)
    {
        var located = await history.CommentsOfAsync(email, cancellationToken);
        var found = await Task.WhenAll(located.Select(c => comments.FindAsync(c.Slug, c.Id, cancellationToken)));
        var stored = found.OfType<Comment>().Where(c => SameEmail(c.Email, email)).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        var poisoned = (await poison.ListAsync(cancellationToken)).Where(p => Carries(p, email)).ToArray();
        var subscribed = await subscriptions.ListAsync(email, cancellationToken);
        return new CommenterExport(email, CommenterIdentity.EmailHash(email), stored, poisoned, subscribed);
    }

    public async Task<CommenterErasure> EraseAsync(string email, string moderator, CancellationToken cancellationToken)
    {
        var tombstone = await tombstones.RecordErasedAsync(email, clock.GetUtcNow(), cancellationToken);
        var export = await ExportAsync(email, cancellationToken);
        foreach (var comment in export.Comments)
        {
            await actions.DeleteAsync(comment.Slug, comment.Id, moderator, ifMatch: null, cancellationToken);
        }

        var poisonErased = 0;
        foreach (var message in export.PoisonMessages)
        {
            poisonErased += await poison.DiscardAsync(message.MessageId, moderator, cancellationToken) ? 1 : 0;
        }

        // Last: a comment's redelivered submission could record an opt-in again, but its comment is gone by now.
        var subscriptionsErased = await subscriptions.EraseAsync(email, cancellationToken);
        LogErased(logger, export.EmailHash, export.Comments.Count, poisonErased, subscriptionsErased, moderator);
        return new CommenterErasure(export.Comments.Count, poisonErased, subscriptionsErased, tombstone);
    }

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Carries(PoisonMessage message, string email) =>
        message.Text.Contains(email.Trim(), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased commenter {EmailHash}: {Comments} comments, {PoisonMessages} poison messages, {Subscriptions} subscription rows, by {Moderator}")]
    private static partial void LogErased(ILogger logger, string emailHash, int comments, int poisonMessages, int subscriptions, string moderator);
}
