namespace Commentary.Core.Moderation;

/// <summary><c>Moderation:ReportsToHold</c>: how many different readers must report a published comment to hold it again.</summary>
public sealed class ReportOptions
{
    public const string Section = "Moderation";
    public int ReportsToHold { get; set; } = 3;
}

/// <summary>What a report came to: null for a comment readers cannot report, otherwise how many readers reported it.</summary>
public sealed record ReportOutcome(int Reports);

/// <summary>
/// A reader reports a published comment. Each reader (by IP hash) counts once; once enough readers reported it since
/// it was last published, it goes back to the moderation queue with the reason <c>reported</c>.
/// </summary>
public sealed class CommentReporting(
    CommentStore comments, ReaderReports reports, ModerationActions actions, CommentEvents events, IOptions<ReportOptions> options, TimeProvider clock)
{
    /// <summary>The reason added to a comment held again after reports. Not a policy rule, so not in <see cref="ModerationRules"/>.</summary>
    public const string ReportedRule = "reported";

    public async Task<ReportOutcome?> ReportAsync(string slug, string id, string reporterHash, string reason, CancellationToken cancellationToken)
    {
        var comment = await comments.FindAsync(slug, id, cancellationToken);
        if (comment is not { Status: CommentStatus.Approved })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var before = await reports.ListAsync(slug, id, cancellationToken);
        await reports.AddAsync(slug, id, new ReaderReport(reporterHash, reason, now), cancellationToken);
        if (before.All(r => r.ReporterHash != reporterHash))
        {
            await events.AppendAsync(slug, id, new CommentEvent(now, CommentEventKinds.Reported, "reader", reason), cancellationToken);
        }

        var all = await reports.ListAsync(slug, id, cancellationToken);
        var sincePublished = CountSince(all, comment.ModeratedAt);
        if (sincePublished >= Math.Max(1, options.Value.ReportsToHold))
        {
            var why = new ModerationReason(ReportedRule, $"{sincePublished} readers reported this comment since it was published; it waits for a moderator again.");
            await actions.HoldAgainAsync(slug, id, why, cancellationToken);
        }

        return new ReportOutcome(all.Count);
    }

    /// <summary>Reports made before a moderator last published the comment were answered by that decision.</summary>
    public static int CountSince(IEnumerable<ReaderReport> all, DateTimeOffset? published) =>
        all.Count(r => published is not { } at || r.At >= at);
}
