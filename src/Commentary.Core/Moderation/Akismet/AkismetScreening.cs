namespace Commentary.Core.Moderation.Akismet;

/// <summary>
/// Asks Akismet about every comment the policy did not reject, before it is stored. Spam is held, blatant spam
/// rejected — except comments in the crisis lane, which a person must always see. When Akismet cannot be reached the
/// comment is held and a recheck is queued first, so no comment waits on a retry that was never scheduled.
/// </summary>
public sealed class AkismetScreening(AkismetClient akismet, AkismetWorkSender work, IOptions<AkismetOptions> options)
{
    private readonly AkismetOptions _options = options.Value;

    public async Task<ModerationDecision> ScreenAsync(SubmissionMessage message, ModerationDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(decision);
        if (!_options.IsEnabled || decision.Status == CommentStatus.Rejected)
        {
            return decision;
        }

        var verdict = await akismet.CheckAsync(message.Id, AkismetComment.From(message), cancellationToken);
        if (verdict == AkismetVerdict.Unavailable)
        {
            var recheck = new AkismetWork(AkismetWork.Recheck, message.Slug, message.Id, 1)
            {
                Client = message.Client,
                ApproveWhenHam = decision.Status == CommentStatus.Approved,
            };
            await work.SendAsync(recheck, _options.RetryDelay(1), cancellationToken);
        }

        return Apply(decision, verdict);
    }

    /// <summary>The decision once Akismet's verdict is taken into account.</summary>
    public static ModerationDecision Apply(ModerationDecision decision, AkismetVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return verdict switch
        {
            AkismetVerdict.Ham => decision,
            AkismetVerdict.Discard when decision.Priority != CommentPriority.Urgent =>
                decision with { Status = CommentStatus.Rejected, Reasons = [.. decision.Reasons, AkismetReasons.Discard] },
            AkismetVerdict.Spam or AkismetVerdict.Discard => Hold(decision, AkismetReasons.Spam),
            _ => Hold(decision, AkismetReasons.Unavailable),
        };
    }

    private static ModerationDecision Hold(ModerationDecision decision, ModerationReason reason) =>
        decision with { Status = CommentStatus.Pending, Reasons = [.. decision.Reasons, reason] };
}
