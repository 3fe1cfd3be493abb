using Commentary.Core.Comments;
using Commentary.Core.Notifications;

namespace Commentary.Testing;

/// <summary>
/// Settings that turn on the signed Approve and Reject links, and the calls a test makes with them: make a link the
/// way a notification would, and open it on the test's host.
/// </summary>
public static class ModerationLinkCalls
{
    public const string SigningKey = "test-link-signing-key-0123456789-abcdefghij";

    /// <summary>Links start with this address; the tests open their path on the host they started.</summary>
    public static readonly Uri PublicUrl = new("https://comments.example.test/api");

    /// <summary><paramref name="settings"/> (if any) with the link settings added.</summary>
    public static IDictionary<string, string?> WithLinks(IDictionary<string, string?>? settings = null) =>
        new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Notifications:LinkSigningKey"] = SigningKey,
            ["Notifications:PublicUrl"] = PublicUrl.AbsoluteUri,
        };

    /// <summary>A link for the comment as it is stored now, made by the host's own <see cref="IModerationLinks"/>.</summary>
    public static async Task<Uri> LinkForAsync(this SelfHost host, ModerationLinkAction action, string slug, string id, string moderator = "ann@example.org")
    {
        ArgumentNullException.ThrowIfNull(host);
        var comment = await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Comment {id} is not stored.");
        return host.Services.GetRequiredService<IModerationLinks>().Create(action, slug, id, comment.ETag, moderator)
            ?? throw new InvalidOperationException("The host makes no links: start it with ModerationLinkCalls.WithLinks().");
    }

    /// <summary>The link's address on <paramref name="host"/>: its path and query under the host's API root instead of the public one.</summary>
    public static Uri OnHost(this SelfHost host, Uri link)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(link);
        var root = PublicUrl.AbsoluteUri.TrimEnd('/') + "/";
        if (!link.AbsoluteUri.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{link} does not start with {root}.", nameof(link));
        }

        return new Uri(host.Client.BaseAddress!, link.AbsoluteUri[root.Length..]);
    }

    /// <summary>The token a link carries.</summary>
    public static string TokenOf(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        const string prefix = "?" + ModerationLinks.TokenField + "=";
        return link.Query.StartsWith(prefix, StringComparison.Ordinal) ? link.Query[prefix.Length..] : throw new ArgumentException($"{link} carries no token.", nameof(link));
    }

    /// <summary>Posts the confirmation page's form, as the browser would.</summary>
    public static async Task<HttpResponseMessage> ConfirmLinkAsync(this SelfHost host, string token, string? reason = null, string? fetchSite = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var fields = new Dictionary<string, string> { [ModerationLinks.TokenField] = token };
        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ModerationLinks.Route) { Content = new FormUrlEncodedContent(fields) };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await host.Client.SendAsync(request);
    }
}
