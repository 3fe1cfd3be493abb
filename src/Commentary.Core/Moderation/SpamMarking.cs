namespace Commentary.Core.Moderation;

/// <summary>
/// "This is spam": rejects the comment, remembers its body's fingerprint so a repost is rejected as a duplicate, and,
/// when asked, bans the commenter's email and address with the same reason.
/// </summary>
public sealed class SpamMarking(ModerationActions actions, SpamFingerprints fingerprints, BanList bans, CommentEvents events, TimeProvider clock)
{
    public async Task<StoreOutcome> MarkAsync(string slug, string id, string moderator, string? reason, bool ban, string? ifMatch, CancellationToken cancellationToken)
    {
        var outcome = await actions.RejectAsSpamAsync(slug, id, moderator, reason, ifMatch, cancellationToken);
        if (outcome is not { Kind: StoreOutcomeKind.Changed or StoreOutcomeKind.Unchanged, Comment: { } comment })
        {
            return outcome;
        }

        if (outcome.Kind == StoreOutcomeKind.Unchanged)
        {
            // Rejected already, but the moderator's verdict "spam" is news for its history.
            await events.AppendAsync(slug, id, new CommentEvent(clock.GetUtcNow(), CommentEventKinds.Spam, moderator, reason), cancellationToken);
        }

        await fingerprints.AddAsync(BodyFingerprint.Of(comment.Body), cancellationToken);
        if (ban)
        {
            var why = ModerationActions.SpamNote(reason);
            var now = clock.GetUtcNow();
            await bans.AddAsync(new Ban(BanKind.Email, comment.EmailHash, comment.Email, why, moderator, now, null), cancellationToken);
            if (comment.IpHash is { } ipHash && BanIds.IsHash(ipHash))
            {
                await bans.AddAsync(new Ban(BanKind.Ip, ipHash, null, why, moderator, now, null), cancellationToken);
            }
        }

        return outcome;
    }
}
