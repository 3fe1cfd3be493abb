using Commentary.Core.Moderation.Classifier;

namespace Commentary.Core.Moderation.Policy;

/// <summary>Which of the crisis scores holds a comment as a possible crisis.</summary>
public enum CrisisHold
{
    None,

    /// <summary>The crisis score reached <see cref="CrisisThresholds.HoldAt"/>.</summary>
    CrisisScore,

    /// <summary>Below that, the personal score times the urgency score reached <see cref="CrisisThresholds.PersonalHoldAt"/>.</summary>
    PersonalUrgency,
}

/// <summary>
/// What the crisis, urgency and personal scores decide: whether a comment is held as a possible crisis, and whether
/// it is urgent. The policy decides with it and the threshold choice on the validation split measures with it, so
/// the thresholds are chosen for the rule that runs.
/// </summary>
public static class CrisisLane
{
    /// <summary>
    /// The urgency score learnt only from people writing about their own lives, so it means nothing on a talk-page
    /// argument or a video comment. Where the crisis score did not hold a comment, its urgency counts only when the
    /// personal score says it is such writing (at least this). Without it, a lower <see cref="CrisisThresholds.PersonalHoldAt"/>
    /// made talk-page comments urgent by the dozen: they score low for personal, and anything for urgency.
    /// </summary>
    public const double PersonalUrgentFloor = 0.5;

    public static CrisisHold Holds(CrisisThresholds thresholds, ClassifierScores scores)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return scores.Crisis >= thresholds.HoldAt ? CrisisHold.CrisisScore
            : scores.Personal * scores.Urgency >= thresholds.PersonalHoldAt ? CrisisHold.PersonalUrgency
            : CrisisHold.None;
    }

    /// <summary>Whether a comment <paramref name="held"/> as a possible crisis goes to the crisis lane (urgent).</summary>
    public static bool IsUrgent(CrisisThresholds thresholds, ClassifierScores scores, CrisisHold held)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return held switch
        {
            CrisisHold.CrisisScore => scores.Urgency >= thresholds.UrgentAt,
            CrisisHold.PersonalUrgency => scores.Urgency >= thresholds.UrgentAt && scores.Personal >= PersonalUrgentFloor,
            _ => false,
        };
    }
}
