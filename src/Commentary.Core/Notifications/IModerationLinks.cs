namespace Commentary.Core.Notifications;

/// <summary>What a signed link in a moderator's notification does when its confirmation page is posted.</summary>
public enum ModerationLinkAction
{
    Approve,
    Reject,
}

/// <summary>
/// Makes the Approve and Reject links that notifications about a held comment carry. A link is signed, single-use,
/// expires after a week and is bound to the comment's ETag, so it acts only on the version the moderator read.
/// </summary>
public interface IModerationLinks
{
    /// <summary>False when no link-signing key is configured; messages then carry only the dashboard link.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// The link for <paramref name="action"/> on one comment, or null when <see cref="IsConfigured"/> is false.
    /// <paramref name="moderator"/> names who the link was sent to (an address, or a webhook endpoint's name); the
    /// comment's history records the action as theirs.
    /// </summary>
    Uri? Create(ModerationLinkAction action, string slug, string commentId, string etag, string moderator);
}
