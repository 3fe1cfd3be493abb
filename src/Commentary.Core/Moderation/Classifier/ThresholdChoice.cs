namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// Chooses a model's thresholds on the validation split, within budgets of what each score may cost: the legitimate
/// comments it may newly hold, the everyday posts it may make urgent. Used by <c>commentary model train</c> and by
/// <see cref="OutOfDomainCheck"/>; <see cref="ModelEvaluation"/> then measures what the chosen thresholds do.
/// </summary>
public static class ThresholdChoice
{
    /// <summary>
    /// The share of legitimate validation comments each score may hold: 2.8 % in all. With a quarter of that the spam
    /// score let an eighth of spam through; 0.8 % is the smallest budget at which the validation split publishes at
    /// most 5 % of spam, and the toxic score gets twice as much. The crisis score keeps 0.4 %: below its threshold
    /// of about 0.25 lie ordinary therapy-site comments about grief, hospitals and therapists (scored 0.07 to 0.22 by
    /// a model trained without them), which a lower threshold would hold by the dozen.
    /// </summary>
    public const double SpamHoldBudget = 0.008;
    public const double ToxicHoldBudget = 0.016;
    public const double CrisisLegitimateBudget = 0.004;

    /// <summary>
    /// The share of legitimate validation comments the toxic score's lower threshold for comments that name a group may
    /// newly hold. With the toxic budget alone, severe abuse (threats, identity hate) was published four times as often
    /// as the goal allows, and most of it was hostility towards a people or an identity scored between 0.5 and the
    /// toxic threshold.
    /// </summary>
    public const double NamedGroupBudget = 0.008;

    /// <summary>
    /// The share of legitimate validation comments the personal score times the urgency score may newly hold (below the
    /// crisis score's threshold) whatever else: it holds the short, plain crisis posts the crisis score misses.
    /// </summary>
    public const double PersonalLegitimateBudget = 0.002;

    /// <summary>
    /// The share of crisis posts the rules and the crisis scores together must hold (the goal: never published
    /// without a person). Where the budget above holds fewer, the personal score times the urgency score holds from
    /// the highest threshold that reaches it on the validation split, within <see cref="PersonalLegitimateCap"/>.
    /// </summary>
    public const double CrisisHeldGoal = 0.98;

    /// <summary>
    /// The most the personal score times the urgency score may newly hold of the legitimate validation comments to
    /// reach <see cref="CrisisHeldGoal"/>; a model that cannot reach it within this holds what the cap allows.
    /// </summary>
    public const double PersonalLegitimateCap = 0.02;

    /// <summary>The share of everyday (non-crisis) posts the crisis and urgency scores together may make urgent.</summary>
    public const double CrisisEverydayBudget = 0.04;

    /// <summary>
    /// The thresholds the validation split supports. Budgets count the legitimate comments the rules alone would
    /// have published, since those are the ones the classifier would newly hold: the spam score may hold
    /// <see cref="SpamHoldBudget"/> of them, the toxic score <see cref="ToxicHoldBudget"/> and the crisis score
    /// <see cref="CrisisLegitimateBudget"/> (2.8 % in all), and no score rejects any legitimate comment or any
    /// depressed writer's post (its reject threshold is above all of their scores). The personal score times the
    /// urgency score may hold another <see cref="PersonalLegitimateBudget"/> below the crisis score's threshold, and
    /// more (up to <see cref="PersonalLegitimateCap"/>) where that is what it takes for the rules and the crisis scores to
    /// hold <see cref="CrisisHeldGoal"/> of the crisis posts. Of the
    /// everyday posts, at most <see cref="CrisisEverydayBudget"/> may be made urgent (held by either and urgent by
    /// <see cref="CrisisLane.IsUrgent"/>); a held comment that is not urgent waits at normal priority.
    /// </summary>
    public static ClassifierSettings Choose(IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> validation, ModerationPolicy rules) =>
        Choose(validation, rules, ThresholdBudgets.Default);

    /// <summary>The thresholds the validation split supports under other budgets (for experiments and their reports).</summary>
    public static ClassifierSettings Choose(IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> validation, ModerationPolicy rules, ThresholdBudgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(rules);
        var neverRejected = validation.Where(v => v.Example.Class is TextClass.Legitimate or TextClass.Depressed).Select(v => v.Scores).ToList();
        bool PublishedByRules(TrainingExample example) => ModelEvaluation.Outcome(rules.Decide(ModelEvaluation.Input(example.Text))) == OutcomeTable.Published;
        var published = validation.Where(v => v.Example.Class == TextClass.Legitimate && PublishedByRules(v.Example)).Select(v => v.Scores).ToList();
        var everyday = validation.Where(v => v.Example.Class == TextClass.Everyday).Select(v => v.Scores).ToList();
        var crisisPosts = validation.Where(v => v.Example.Class == TextClass.Crisis)
            .Select(v => (v.Scores, HeldByRules: !PublishedByRules(v.Example))).ToList();
        var publishedNamingGroup = validation
            .Where(v => v.Example.Class == TextClass.Legitimate && rules.NamesGroup(v.Example.Text) && PublishedByRules(v.Example))
            .Select(v => v.Scores).ToList();
        if (published.Count == 0)
        {
            throw new InvalidOperationException("The validation split has no legitimate comments to choose thresholds on.");
        }

        ScoreThresholds ForScore(ClassifierScore score, double budget)
        {
            var hold = Lowest(t => Share(published, score, t) <= budget);
            var reject = Grid().First(t => t > hold && neverRejected.All(s => s[score] < t));
            return new ScoreThresholds { HoldAt = hold, RejectAt = reject };
        }

        var toxic = ForScore(ClassifierScore.Toxic, budgets.Toxic);
        var namedGroupHold = Lowest(t => t >= toxic.HoldAt ||
            (double)publishedNamingGroup.Count(s => s.Toxic >= t && s.Toxic < toxic.HoldAt) / published.Count <= budgets.NamedGroup);
        var crisisHold = Lowest(t => Share(published, ClassifierScore.Crisis, t) <= budgets.Crisis);
        double PersonalShare(double t) => (double)published.Count(s => s.Crisis < crisisHold && s.Personal * s.Urgency >= t) / published.Count;
        double CrisisHeld(double t)
        {
            var at = new CrisisThresholds { HoldAt = crisisHold, PersonalHoldAt = t };
            return crisisPosts.Count == 0 ? 1 : (double)crisisPosts.Count(p => p.HeldByRules || CrisisLane.Holds(at, p.Scores) != CrisisHold.None) / crisisPosts.Count;
        }

        var personalBudgetHold = Lowest(t => PersonalShare(t) <= budgets.Personal);
        var personalCapHold = Lowest(t => PersonalShare(t) <= budgets.PersonalCap);
        var personalGoalHold = Grid().Reverse().FirstOrDefault(t => CrisisHeld(t) >= budgets.CrisisHeld, personalCapHold);
        var personalHold = Math.Max(personalCapHold, Math.Min(personalBudgetHold, personalGoalHold));
        var crisis = new CrisisThresholds { HoldAt = crisisHold, PersonalHoldAt = personalHold };
        var everydayHeld = everyday.Select(s => (Scores: s, Held: CrisisLane.Holds(crisis, s))).Where(e => e.Held != CrisisHold.None).ToList();
        double EverydayUrgent(double t)
        {
            var at = new CrisisThresholds { HoldAt = crisisHold, PersonalHoldAt = personalHold, UrgentAt = t };
            return everyday.Count == 0 ? 0 : (double)everydayHeld.Count(e => CrisisLane.IsUrgent(at, e.Scores, e.Held)) / everyday.Count;
        }

        crisis.UrgentAt = Lowest(t => EverydayUrgent(t) <= budgets.CrisisEveryday);
        return new ClassifierSettings
        {
            Spam = ForScore(ClassifierScore.Spam, budgets.Spam),
            Toxic = new ToxicThresholds { HoldAt = toxic.HoldAt, RejectAt = toxic.RejectAt, NamedGroupHoldAt = Math.Min(namedGroupHold, toxic.HoldAt) },
            Crisis = crisis,
        };
    }

    private static double Share(List<ClassifierScores> scores, ClassifierScore score, double threshold) =>
        (double)scores.Count(s => s[score] >= threshold) / scores.Count;

    private static double Lowest(Func<double, bool> acceptable) => Grid().First(acceptable);

    /// <summary>0.01 to 0.99 in hundredths, then 0.991 to 0.999 in thousandths and 0.9991 to 1 in ten-thousandths (confident models crowd near 1).</summary>
    private static IEnumerable<double> Grid()
    {
        for (var k = 1; k <= 99; k++)
        {
            yield return k / 100.0;
        }

        for (var k = 991; k <= 999; k++)
        {
            yield return k / 1000.0;
        }

        for (var k = 9991; k <= 10000; k++)
        {
            yield return k / 10000.0;
        }
    }
}
