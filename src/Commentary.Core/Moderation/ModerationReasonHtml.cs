namespace Commentary.Core.Moderation;

/// <summary>
/// A comment's reasons as an HTML list: each rule's name as code, then its detail. The moderation-link page and the
/// moderators' mail show them alike; each page passes its own encoder, as the rest of that page is encoded with it.
/// </summary>
public static class ModerationReasonHtml
{
    /// <summary>Appends the list (after <paramref name="heading"/> as an <c>h2</c>, when given); nothing when there are no reasons.</summary>
    public static void Append(
        StringBuilder html, IReadOnlyList<ModerationReason> reasons, Func<string?, string> encode, string? heading = null, string? listClass = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(encode);
        if (reasons.Count == 0)
        {
            return;
        }

        if (heading is not null)
        {
            html.Append("<h2>").Append(encode(heading)).Append("</h2>");
        }

        html.Append(listClass is null ? "<ul>" : $"<ul class=\"{encode(listClass)}\">");
        foreach (var reason in reasons)
        {
            html.Append("<li><code>").Append(encode(reason.Rule)).Append("</code> ").Append(encode(reason.Detail)).Append("</li>");
        }

        html.Append("</ul>");
    }
}
