namespace Commentary.Core.Moderation.Akismet;

/// <summary>
/// Sends Akismet the moderators' corrections through the <c>akismet-work</c> queue: an approved comment Akismet had
/// called spam goes back as ham; a comment marked as spam that Akismet had let through goes back as spam.
/// </summary>
public sealed partial class AkismetFeedback(AkismetWorkSender work, IOptions<AkismetOptions> options, ILogger<AkismetFeedback> logger)
{
    private readonly AkismetOptions _options = options.Value;

    public async Task NoteAsync(Comment comment, string eventKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (!_options.IsEnabled)
        {
            return;
        }

        var akismetSaidSpam = comment.Reasons.Any(r => r.Rule is AkismetReasons.SpamRule or AkismetReasons.DiscardRule);
        var kind = eventKind switch
        {
            CommentEventKinds.Approved when akismetSaidSpam => AkismetWork.Ham,
            CommentEventKinds.Spam when !akismetSaidSpam => AkismetWork.Spam,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        try
        {
            await work.SendAsync(new AkismetWork(kind, comment.Slug, comment.Id, 0), TimeSpan.Zero, cancellationToken);
        }
        catch (Azure.RequestFailedException e)
        {
            // The moderator's decision stands either way; only Akismet's lesson is lost.
            LogNotQueued(logger, comment.Id, kind, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akismet feedback ({Kind}) for comment {CommentId} could not be queued: {Problem}")]
    private static partial void LogNotQueued(ILogger logger, string commentId, string kind, string problem);
}
