using Commentary.Core.Notifications;

namespace Commentary.Core.Moderation;

/// <summary>The private reply a moderator can send: subject and plain text (the HTML is made from the text).</summary>
public sealed record CrisisReplyDraft(string Subject, string Text);

/// <summary>
/// What a moderator sees about an urgent comment's writer: the set they were shown (or would be), a reply draft, and
/// whether this site can send it (mail is configured).
/// </summary>
public sealed record CrisisCase(bool Shown, string Match, CrisisResourceSet Resources, CrisisReplyDraft Reply, bool CanSendMail);

/// <summary>
/// The crisis lane's writer-facing half: which resources a writer was shown (one <c>resources-shown</c> event per
/// distinct set, so polling adds nothing), and the private reply a moderator may send, never automatically, recorded
/// as a <c>private-reply</c> event.
/// </summary>
public sealed class CrisisSupport(CommentEvents events, ArticleStore articles, IMailSender mail, TimeProvider clock)
{
    public const string Writer = "writer";

    /// <summary>How many recorded (comment, set) pairs this instance remembers before it starts afresh.</summary>
    private const int RememberedLimit = 10_000;

    // The writer's widget polls the status for as long as the page is open; remembering what this instance has
    // recorded spares each poll a read of the comment's history. Another instance reads it once, then remembers too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _recorded = new(StringComparer.Ordinal);

    public bool CanSendMail => mail.IsConfigured;

    /// <summary>Whether a comment is in the crisis lane: anything the policy marked urgent (crisis language or the classifier's crisis score).</summary>
    public static bool IsInCrisisLane(Comment comment) => comment?.Priority == CommentPriority.Urgent;

    /// <summary>Records that the writer was shown <paramref name="match"/>'s set, unless that was recorded already.</summary>
    public async Task RecordShownAsync(Comment comment, CrisisResourceMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(match);
        var remembered = $"{comment.Slug}/{comment.Id}/{match.Key}";
        if (_recorded.ContainsKey(remembered))
        {
            return;
        }

        var log = await events.ListAsync(comment.Slug, comment.Id, cancellationToken);
        if (_recorded.Count >= RememberedLimit)
        {
            _recorded.Clear();
        }

        if (log.Any(e => e.Kind == CommentEventKinds.ResourcesShown && e.Detail == match.Key))
        {
            _recorded[remembered] = true;
            return;
        }

        // A fixed suffix per set: two polls that race write the same row twice at most once per tick.
        var suffix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(match.Key)).AsSpan(0, 4));
        await events.AppendAsync(comment.Slug, comment.Id, new CommentEvent(clock.GetUtcNow(), CommentEventKinds.ResourcesShown, Writer, match.Key), suffix, cancellationToken);
        _recorded[remembered] = true;
    }

    /// <summary>The moderator's view of an urgent comment, from its events (the last set shown) and the live settings.</summary>
    public async Task<CrisisCase> CaseAsync(Comment comment, IReadOnlyList<CommentEvent>? log, CrisisResourceSettings settings, string moderator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(settings);
        log ??= await events.ListAsync(comment.Slug, comment.Id, cancellationToken);
        var shown = log.LastOrDefault(e => e.Kind == CommentEventKinds.ResourcesShown && e.Detail is not null);
        var set = shown is null ? null : settings.Find(shown.Detail!);
        var match = set is null ? new CrisisResourceMatch(settings.Default, CrisisResourceMatch.DefaultKey) : new CrisisResourceMatch(set, shown!.Detail!);
        var title = (await articles.FindAsync(comment.Slug, cancellationToken))?.Article.Title ?? comment.Slug;
        return new CrisisCase(shown is not null, match.Key, match.Set, Draft(settings.Reply, comment, title, match.Set, moderator), mail.IsConfigured);
    }

    /// <summary>The template filled in: {author}, {article}, {resources} (one line each) and {moderator}.</summary>
    public static CrisisReplyDraft Draft(CrisisReplyTemplate template, Comment comment, string articleTitle, CrisisResourceSet set, string moderator)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(set);
        string Fill(string text) => text
            .Replace("{author}", comment.Author, StringComparison.Ordinal)
            .Replace("{article}", articleTitle, StringComparison.Ordinal)
            .Replace("{resources}", ResourcesText(set), StringComparison.Ordinal)
            .Replace("{moderator}", moderator, StringComparison.Ordinal);
        return new CrisisReplyDraft(Fill(template.Subject).ReplaceLineEndings(" "), Fill(template.Text));
    }

    /// <summary>The set as plain text: the message, then one line per entry with its numbers and address.</summary>
    public static string ResourcesText(CrisisResourceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = new StringBuilder(set.Message);
        foreach (var entry in set.Resources ?? [])
        {
            text.Append("\n\n- ").Append(entry.Name);
            if (!string.IsNullOrWhiteSpace(entry.Description))
            {
                text.Append(": ").Append(entry.Description);
            }

            var ways = new List<string>();
            if (!string.IsNullOrWhiteSpace(entry.Phone))
            {
                ways.Add("call " + entry.Phone);
            }

            if (!string.IsNullOrWhiteSpace(entry.Sms))
            {
                ways.Add("text " + entry.Sms);
            }

            if (!string.IsNullOrWhiteSpace(entry.Url))
            {
                ways.Add(entry.Url);
            }

            if (ways.Count > 0)
            {
                text.Append("\n  ").Append(string.Join(" · ", ways));
            }
        }

        return text.ToString();
    }

    /// <summary>Sends the reply to the commenter and records it in the comment's history.</summary>
    /// <exception cref="MailNotConfiguredException">There are no mail settings.</exception>
    /// <exception cref="MailDeliveryException">The mail server did not take it; nothing is recorded.</exception>
    public async Task<CommentEvent> SendReplyAsync(Comment comment, CrisisReplyDraft reply, string moderator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(reply);
        await mail.SendAsync(new MailMessage(comment.Email, comment.Author, reply.Subject, reply.Text, CommentBodyRenderer.ToHtml(reply.Text)), cancellationToken);
        var entry = new CommentEvent(
            clock.GetUtcNow(), CommentEventKinds.PrivateReply, moderator,
            string.Create(CultureInfo.InvariantCulture, $"Emailed the commenter privately: \"{reply.Subject}\""));
        await events.AppendAsync(comment.Slug, comment.Id, entry, cancellationToken);
        return entry;
    }
}
