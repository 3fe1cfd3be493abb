namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// The shares <see cref="ThresholdChoice.Choose(IReadOnlyList{ValueTuple{TrainingExample, ClassifierScores}}, ModerationPolicy, ThresholdBudgets)"/>
/// may spend: of the legitimate comments the rules would publish, what each score may hold, and of everyday posts,
/// what the crisis score may make urgent.
/// </summary>
public sealed record ThresholdBudgets(double Spam, double Toxic, double Crisis, double CrisisEveryday, double NamedGroup = ThresholdChoice.NamedGroupBudget, double Personal = ThresholdChoice.PersonalLegitimateBudget,
    double CrisisHeld = ThresholdChoice.CrisisHeldGoal, double PersonalCap = ThresholdChoice.PersonalLegitimateCap)
{
    public static ThresholdBudgets Default { get; } = new(ThresholdChoice.SpamHoldBudget, ThresholdChoice.ToxicHoldBudget, ThresholdChoice.CrisisLegitimateBudget, ThresholdChoice.CrisisEverydayBudget, ThresholdChoice.NamedGroupBudget, ThresholdChoice.PersonalLegitimateBudget,
        ThresholdChoice.CrisisHeldGoal, ThresholdChoice.PersonalLegitimateCap);
}
