using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Classifier;

/// <summary>
/// How <see cref="ThresholdChoice.Choose(IReadOnlyList{ValueTuple{TrainingExample, ClassifierScores}}, ModerationPolicy, ThresholdBudgets)"/>
/// sets the personal × urgency threshold: its small budget of legitimate comments always, lower where the crisis
/// posts need it to reach the goal, never past the cap.
/// </summary>
public sealed class ThresholdChoiceTests
{
    private static readonly ModerationPolicy Rules = RulesWithoutFirstCommentHold();

    /// <summary>
    /// 1,000 legitimate comments, ten of them personal with personal × urgency 0.305 and ten with a crisis score of 0.5
    /// (so the crisis score holds from 0.51); 100 crisis posts, 90 held by the crisis score, 8 only by personal ×
    /// urgency 0.105, 2 by nothing.
    /// </summary>
    private static List<(TrainingExample, ClassifierScores)> Validation(int heldByCrisisScore = 90)
    {
        var validation = new List<(TrainingExample, ClassifierScores)>();
        for (var i = 0; i < 1000; i++)
        {
            var scores = i < 10 ? new ClassifierScores(0, 0, 0, Urgency: 0.305, Personal: 1)
                : i < 20 ? new ClassifierScores(0, 0, 0.5, 0, 0)
                : new ClassifierScores(0, 0, 0, 0, 0);
            validation.Add((Example($"Thanks for writing this, it was part {i} of my reading today.", TextClass.Legitimate), scores));
        }

        for (var i = 0; i < 100; i++)
        {
            var scores = i < heldByCrisisScore ? new ClassifierScores(0, 0, 0.9, 0.9, 1)
                : i < 98 ? new ClassifierScores(0, 0, 0.01, Urgency: 0.105, Personal: 1)
                : new ClassifierScores(0, 0, 0, 0, 0);
            validation.Add((Example($"Another long day at work, number {i}.", TextClass.Crisis), scores));
        }

        return validation;
    }

    [Theory]
    [InlineData("the budget (2 legitimate comments) holds no crisis post; the goal needs 0.10, within the cap", 90, 0.02, 0.10)]
    [InlineData("the cap (5 legitimate comments) stops short of the goal: the cap's threshold", 90, 0.005, 0.31)]
    [InlineData("the crisis score already holds 98 %: the budget's threshold", 98, 0.02, 0.31)]
    public void The_personal_threshold_is_as_low_as_the_crisis_goal_needs_within_the_cap(string why, int heldByCrisisScore, double cap, double expected)
    {
        var budgets = ThresholdBudgets.Default with { PersonalCap = cap };

        var chosen = ThresholdChoice.Choose(Validation(heldByCrisisScore), Rules, budgets);

        Assert.True(expected == chosen.Crisis.PersonalHoldAt, $"{why}: {chosen.Crisis.PersonalHoldAt}");
    }

    private static TrainingExample Example(string text, TextClass textClass) => new(text, textClass, "test") { Part = SplitPart.Validation };

    private static ModerationPolicy RulesWithoutFirstCommentHold()
    {
        var settings = ModerationSettings.Defaults;
        settings.FirstComment.Enabled = false;
        return new ModerationPolicy(settings);
    }
}
