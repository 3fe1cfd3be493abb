using Commentary.Core.Moderation.Classifier;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The learned scores, each against its thresholds. Trust never skips this: a commenter with approved comments
/// skips the first-comment hold only. A classifier that could not score holds the comment for a person.
/// </summary>
internal static class ClassifierRules
{
    /// <param name="groupsNamed">The group terms the body names, as a moderator reads them; null when it names none.</param>
    public static void Check(ClassifierSettings c, ClassifierVerdict? verdict, string? groupsNamed, DecisionBuilder decision)
    {
        if (verdict is null || !(c.Spam.Enabled || c.Toxic.Enabled || c.Crisis.Enabled))
        {
            return;
        }

        if (!verdict.IsAvailable)
        {
            decision.Hold(ModerationRules.ClassifierUnavailable,
                $"The classifier could not score this comment ({verdict.Problem}); held for a person to read.", ScoreWeights.ClassifierUnavailable);
            return;
        }

        var scores = verdict.Scores;
        if (c.Crisis.Enabled && scores.Crisis >= c.Crisis.UrgentAt)
        {
            decision.Crisis(ModerationRules.CrisisClassifier,
                Say($"crisis score {scores.Crisis:F2} (urgent from {c.Crisis.UrgentAt:F2}) — model {verdict.ModelVersion}. Waiting as urgent for a person to read; never rejected or published automatically."),
                ScoreWeights.CrisisLanguage);
        }
        else if (c.Crisis.Enabled && scores.Crisis >= c.Crisis.HoldAt)
        {
            decision.Hold(ModerationRules.CrisisClassifier,
                Say($"crisis score {scores.Crisis:F2} (threshold {c.Crisis.HoldAt:F2} to hold, urgent from {c.Crisis.UrgentAt:F2}) — model {verdict.ModelVersion}. It may be a cry for help: held for a person to read."),
                ScoreWeights.CrisisLanguage);
        }

        if (c.Toxic.Enabled && groupsNamed is not null && scores.Toxic >= c.Toxic.NamedGroupHoldAt && scores.Toxic < c.Toxic.HoldAt)
        {
            decision.Hold(ModerationRules.ToxicClassifier,
                Say($"toxic score {scores.Toxic:0.00##} in a comment that names a group ({groupsNamed}); threshold {c.Toxic.NamedGroupHoldAt:0.00##} to hold when a group is named, {c.Toxic.HoldAt:0.00##} otherwise — model {verdict.ModelVersion}"),
                scores.Toxic * ScoreWeights.Classifier);
        }

        CheckScore(ModerationRules.ToxicClassifier, "toxic", scores.Toxic, c.Toxic, verdict.ModelVersion, decision);
        CheckScore(ModerationRules.SpamClassifier, "spam", scores.Spam, c.Spam, verdict.ModelVersion, decision);
    }

    private static void CheckScore(string rule, string name, double score, ScoreThresholds thresholds, string model, DecisionBuilder decision)
    {
        if (!thresholds.Enabled || score < thresholds.HoldAt)
        {
            return;
        }

        if (score >= thresholds.RejectAt)
        {
            decision.Reject(rule, Say($"{name} score {score:0.00##} (threshold {thresholds.RejectAt:0.00##} to reject) — model {model}"), score * ScoreWeights.Classifier);
        }
        else
        {
            decision.Hold(rule, Say($"{name} score {score:0.00##} (threshold {thresholds.HoldAt:0.00##} to hold, {thresholds.RejectAt:0.00##} to reject) — model {model}"), score * ScoreWeights.Classifier);
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
