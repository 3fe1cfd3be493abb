namespace Commentary.Core.Notifications;

/// <summary>
/// Application settings <c>Notifications__*</c>. Secrets (the link-signing key, webhook URLs) live here, in app
/// settings or Key Vault references, never in the moderators' live settings blob.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The public address of the API root as readers and moderators reach it, e.g.
    /// <c>https://comments.example.org/api</c>: links in messages (dashboard, Approve and Reject, unsubscribe) start
    /// with it.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// The HMAC key (at least 32 characters) that signs Approve and Reject links; without it messages carry only the
    /// dashboard link.
    /// </summary>
    public string? LinkSigningKey { get; set; }
}
