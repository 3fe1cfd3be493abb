namespace Commentary.Core.Notifications;

/// <summary>
/// The mail a commenter gets: the confirmation of their address, "your comment is published", and "someone replied".
/// Each carries one-click unsubscribe (RFC 8058): <c>List-Unsubscribe</c> with the https link that stops everything,
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, and in the text both that link and the one for this
/// article only. A reply shows the replier's display name and the beginning of their text, never their address.
/// </summary>
public static class CommenterNotice
{
    /// <summary>The links every message carries.</summary>
    public sealed record Unsubscribe(Uri Thread, Uri Everything);

    public static MailMessage Confirmation(Comment comment, string articleTitle, Uri confirm, Uri everything, string messageId)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var lead = $"You asked to be emailed about your comment on \"{articleTitle}\". Please confirm that this address is yours: nothing more is sent to it until you do.";
        var ignore = "If it was not you, ignore this message: without a confirmation, this address gets no more mail from us.";
        return Message(comment, $"Please confirm: email about your comment on \"{articleTitle}\"", messageId, everything, null,
            [lead, ignore], [("Confirm my address", confirm)], excerpt: null);
    }

    public static MailMessage Published(Comment comment, string articleTitle, Unsubscribe links, string messageId)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(links);
        return Message(comment, $"Your comment on \"{articleTitle}\" is published", messageId, links.Everything, links.Thread,
            [$"Your comment on \"{articleTitle}\" is published:"], [], NotificationEvents.Excerpt(comment.Body));
    }

    /// <summary>To the author of <paramref name="parent"/>: <paramref name="reply"/>'s display name and text, and nothing else of the replier.</summary>
    public static MailMessage Replied(Comment parent, Comment reply, string articleTitle, Unsubscribe links, string messageId)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(links);
        return Message(parent, $"{reply.Author} replied to your comment on \"{articleTitle}\"", messageId, links.Everything, links.Thread,
            [$"{reply.Author} replied to your comment on \"{articleTitle}\":"], [], NotificationEvents.Excerpt(reply.Body),
            $"Your comment: \"{NotificationEvents.Excerpt(parent.Body)}\"");
    }

    private static MailMessage Message(
        Comment to, string subject, string messageId, Uri everything, Uri? thread, string[] lead, (string Label, Uri Link)[] actions, string? excerpt, string? context = null)
    {
        static string H(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
        var text = new StringBuilder();
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.4\">");
        text.AppendLine(CultureInfo.InvariantCulture, $"Hello {to.Author},").AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<p>Hello {H(to.Author)},</p>");
        foreach (var line in lead)
        {
            text.AppendLine(line).AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<p>{H(line)}</p>");
        }

        if (excerpt is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  \"{excerpt}\"").AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"margin:0 0 12px 0;padding-left:12px;border-left:4px solid #888;color:#333\">{H(excerpt)}</blockquote>");
        }

        if (context is not null)
        {
            text.AppendLine(context).AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\">{H(context)}</p>");
        }

        foreach (var (label, link) in actions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {link.AbsoluteUri}").AppendLine();
            html.Append(CultureInfo.InvariantCulture,
                $"<p><a href=\"{H(link.AbsoluteUri)}\" style=\"display:inline-block;padding:8px 14px;color:#fff;background:#1b5e9f;text-decoration:none;border-radius:4px\">{H(label)}</a></p>");
        }

        html.Append("<p style=\"color:#777;font-size:small\">");
        if (thread is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"No more mail about this article: {thread.AbsoluteUri}");
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{H(thread.AbsoluteUri)}\">No more mail about this article</a> · ");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"No more mail from us at all: {everything.AbsoluteUri}");
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{H(everything.AbsoluteUri)}\">No more mail from us at all</a></p></body></html>");
        return new MailMessage(to.Email, to.Author, subject, text.ToString(), html.ToString())
        {
            Headers = new Dictionary<string, string>
            {
                ["Message-ID"] = messageId,
                ["Auto-Submitted"] = "auto-generated",
                ["List-Unsubscribe"] = $"<{everything.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }
}
