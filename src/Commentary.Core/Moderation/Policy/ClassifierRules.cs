using Commentary.Core.Moderation.Classifier;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The learned scores, each against its thresholds. Trust never skips this: a commenter with approved comments
/// skips the first-comment hold only. A classifier that could not score holds the comment for a person.
/// </summary>
internal static class ClassifierRules
{
    /// <param name="groupsNamed">The group terms the body names, as a moderator reads them; null when it names none.</param>
    /// <param name="blockedNamed">The blocked terms the body names; null when it names none.</param>
    public static void Check(ClassifierSettings c, ClassifierVerdict? verdict, string? groupsNamed, string? blockedNamed, DecisionBuilder decision)
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
        var crisisHold = c.Crisis.Enabled ? CrisisLane.Holds(c.Crisis, scores) : CrisisHold.None;
        if (crisisHold != CrisisHold.None)
        {
            var found = Say($"{PossibleCrisis(c.Crisis, scores, crisisHold)} — model {verdict.ModelVersion}.");
            if (!CrisisLane.IsUrgent(c.Crisis, scores, crisisHold))
            {
                // A possible crisis is never rejected automatically, even when it is not urgent: a cry for help in
                // angry words scores high for toxicity too, and a rejected comment is one no person reads.
                decision.Review(ModerationRules.CrisisClassifier, found + " It may be a cry for help: held for a person to read; never rejected automatically.", ScoreWeights.CrisisLanguage);
            }
            else if (blockedNamed is null)
            {
                decision.Crisis(ModerationRules.CrisisClassifier,
                    found + " Waiting as urgent for a person to read; never rejected or published automatically.", ScoreWeights.CrisisLanguage);
            }
            else
            {
                // Abuse that tells someone to die ("go kill yourself") scores like a cry for help, and the urgency score
                // learnt only from people writing about themselves. A blocked term is that abuse's mark, so the scores
                // alone do not put it in the crisis lane; crisis language about oneself still does.
                decision.Review(ModerationRules.CrisisClassifier,
                    found + $" It also has a blocked term ({blockedNamed}), as abuse telling someone to die does: waiting for a person at normal priority, not in the crisis lane; never rejected automatically.",
                    ScoreWeights.CrisisLanguage);
            }
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

    /// <summary>
    /// Why the crisis scores hold the comment, with its urgency. The crisis score holds on its own; below its
    /// threshold, a personal post (personal score) with enough of an urgency score still holds, since short, plain
    /// posts about wanting to die score low for crisis when few of their words are a crisis's words.
    /// </summary>
    private static string PossibleCrisis(CrisisThresholds c, ClassifierScores scores, CrisisHold held) => held == CrisisHold.CrisisScore
        ? Say($"crisis score {scores.Crisis:F2} (threshold {c.HoldAt:F2} to hold), urgency score {scores.Urgency:F2} (urgent from {c.UrgentAt:F2})")
        : Say($"crisis score {scores.Crisis:F2} (threshold {c.HoldAt:F2} to hold), but a personal post: personal score {scores.Personal:F2} × urgency score {scores.Urgency:F2} = {scores.Personal * scores.Urgency:F2} (threshold {c.PersonalHoldAt:F2} to hold; urgent from urgency {c.UrgentAt:F2} when personal is at least {CrisisLane.PersonalUrgentFloor:F1})");

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
