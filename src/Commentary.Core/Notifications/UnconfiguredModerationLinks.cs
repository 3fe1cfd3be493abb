namespace Commentary.Core.Notifications;

/// <summary>
/// The stand-in until signed links are registered: it makes none, so messages carry only the dashboard link. A host
/// that implements <see cref="IModerationLinks"/> registers its own first; this one is added with TryAdd.
/// </summary>
public sealed class UnconfiguredModerationLinks : IModerationLinks
{
    public bool IsConfigured => false;

    public Uri? Create(ModerationLinkAction action, string slug, string commentId, string etag, string moderator) => null;
}
