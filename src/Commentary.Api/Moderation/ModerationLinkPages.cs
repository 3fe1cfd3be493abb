using System.Globalization;

namespace Commentary.Api.Moderation;

/// <summary>
/// The pages a moderator sees after opening an Approve or Reject link: the confirmation with its one form, the
/// result, and a plain page for every refusal. Everything from storage is HTML-encoded; the pages load the dashboard's
/// stylesheet and their own, nothing else, and need no script.
/// </summary>
public static class ModerationLinkPages
{
    /// <summary>How much of the comment the confirmation shows: enough to decide on, not a copy of a long text.</summary>
    public const int ExcerptLength = 600;

    public const string ContentType = "text/html; charset=utf-8";


    /// <summary>The question before anything happens: what the comment says, why it was held, and the button.</summary>
    public static string Confirmation(ModerationLink link, Comment comment, IReadOnlyList<string> stylesheets, string token, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(comment);
        var approve = link.Action == ModerationLinkAction.Approve;
        var verb = approve ? "Approve" : "Reject";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{verb} this comment?</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">On <strong>{E(comment.Slug)}</strong>, by {E(comment.Author)}, {When(comment.Created)}.");
        if (comment.Priority == CommentPriority.Urgent)
        {
            html.Append(" <strong class=\"urgent\">Held as urgent.</strong>");
        }

        html.Append("</p>");
        html.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"body\">{E(Excerpt(comment.Body))}</blockquote>");
        ModerationReasonHtml.Append(html, comment.Reasons, E, heading: "Why it was held", listClass: "reasons");

        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"link\"><input type=\"hidden\" name=\"{ModerationLinks.TokenField}\" value=\"{E(token)}\">");
        if (!approve)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<label for=\"reason\">Why is it rejected? (kept with the comment)</label><textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"{Http.ReasonField.MaxLength}\" required></textarea>");
        }

        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(error)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" class=\"{(approve ? "primary" : "danger")}\">{verb} comment</button></form>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Nothing changes until you press the button. This link works once, until {When(link.ExpiresAt)}. {DashboardLink(comment.Slug, comment.Id, "Open it in the dashboard")}</p>");
        return Page($"{verb} this comment?", stylesheets, html.ToString());
    }

    /// <summary>After the action: what the comment is now.</summary>
    public static string Done(Comment comment, IReadOnlyList<string> stylesheets)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var (title, text) = comment.Status switch
        {
            CommentStatus.Approved => ("Comment approved", "It is published now."),
            CommentStatus.Rejected => ("Comment rejected", "It will not be published."),
            _ => ("Comment held", "It waits for a moderator."),
        };
        return Message(title, $"{text} Recorded as done by {comment.ModeratedBy}.", stylesheets, (comment.Slug, comment.Id));
    }

    /// <summary>A page with a heading, one paragraph and, when a comment is known, the way to it in the dashboard.</summary>
    public static string Message(string title, string text, IReadOnlyList<string> stylesheets, (string Slug, string Id)? comment = null)
    {
        var html = $"<h1>{E(title)}</h1><p>{E(text)}</p>";
        if (comment is { } c)
        {
            html += $"<p class=\"note\">{DashboardLink(c.Slug, c.Id, "Open the comment in the dashboard")}</p>";
        }

        return Page(title, stylesheets, html);
    }

    /// <summary>The beginning of a comment, cut between two whole characters (never inside an emoji or a surrogate pair).</summary>
    public static string Excerpt(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Trim();
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= ExcerptLength)
        {
            cut = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return text[..cut].TrimEnd() + " …";
    }

    private static string DashboardLink(string slug, string id, string text) =>
        $"<a href=\"../ui/moderation.html#comment/{E(Uri.EscapeDataString(slug))}/{E(Uri.EscapeDataString(id))}\">{E(text)}</a>";

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string? text) => HtmlPage.Encode(text);

    private static string Page(string title, IReadOnlyList<string> stylesheets, string main) =>
        HtmlPage.Document(title, string.Concat(stylesheets.Select(s => $"<link rel=\"stylesheet\" href=\"{E(s)}\">")), main);
}
