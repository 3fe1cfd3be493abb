namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// How a model does on labelled data: precision, recall and F1 per score, the whole policy's outcome per class, and
/// the thresholds the validation split supports. Shared by <c>commentary model train/evaluate</c>, the daily
/// retrain and the test that holds the shipped model to its figures.
/// </summary>
public static class ModelEvaluation
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

    /// <summary>A commenter with one approved comment: only the rules about the text and the scores apply.</summary>
    public static CommenterRecord InGoodStanding { get; } = new(1, 0, 0);

    /// <summary>A commenter with no approved comment yet (each comment from its own address): the rules for strangers apply too.</summary>
    public static CommenterRecord NewCommenter => CommenterRecord.None;

    /// <summary>Each text's scores, computed once.</summary>
    public static IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> Score(ModerationModel model, IEnumerable<TrainingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. examples.Select(e => (e, model.Score(e.Text)))];
    }

    /// <summary>Precision, recall and F1 of each score at the threshold where it starts to act (hold, or urgent).</summary>
    public static IReadOnlyList<ScoreEvaluation> Metrics(IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> scored, ClassifierSettings thresholds, string set)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(thresholds);
        var results = new List<ScoreEvaluation>();
        foreach (var score in Enum.GetValues<ClassifierScore>())
        {
            var threshold = ActingThreshold(score, thresholds);
            int tp = 0, fp = 0, fn = 0, negatives = 0;
            foreach (var (example, scores) in scored.Where(s => s.Example.Teaches(score)))
            {
                var flagged = scores[score] >= threshold;
                if (example.Is(score))
                {
                    tp += flagged ? 1 : 0;
                    fn += flagged ? 0 : 1;
                }
                else
                {
                    negatives++;
                    fp += flagged ? 1 : 0;
                }
            }

            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            results.Add(new ScoreEvaluation(set, Name(score), threshold, tp + fn, negatives, Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4)));
        }

        return results;
    }

    /// <summary>The threshold at which <see cref="Metrics"/> counts <paramref name="score"/> as acting.</summary>
    public static double ActingThreshold(ClassifierScore score, ClassifierSettings thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return score switch
        {
            ClassifierScore.Spam => thresholds.Spam.HoldAt,
            ClassifierScore.Toxic => thresholds.Toxic.HoldAt,
            ClassifierScore.Crisis => thresholds.Crisis.HoldAt,
            ClassifierScore.Urgency => thresholds.Crisis.UrgentAt,

            // It acts only through personal × urgency; at one half it says which kind of text it thinks it is.
            _ => 0.5,
        };
    }

    /// <summary>Whether <paramref name="metrics"/> were measured at the thresholds <paramref name="thresholds"/> would use.</summary>
    public static bool MeasuredAt(IEnumerable<ScoreEvaluation> metrics, ClassifierSettings thresholds)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.All(m => Enum.TryParse<ClassifierScore>(m.Score, ignoreCase: true, out var score) && m.Threshold.Equals(ActingThreshold(score, thresholds)));
    }

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
    public static ClassifierSettings ChooseThresholds(IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> validation, ModerationPolicy rules) =>
        ChooseThresholds(validation, rules, ThresholdBudgets.Default);

    /// <summary>The thresholds the validation split supports under other budgets (for experiments and their reports).</summary>
    public static ClassifierSettings ChooseThresholds(IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> validation, ModerationPolicy rules, ThresholdBudgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(rules);
        var neverRejected = validation.Where(v => v.Example.Class is TextClass.Legitimate or TextClass.Depressed).Select(v => v.Scores).ToList();
        var published = validation
            .Where(v => v.Example.Class == TextClass.Legitimate && Outcome(rules.Decide(Input(v.Example.Text))) == OutcomeTable.Published)
            .Select(v => v.Scores).ToList();
        var everyday = validation.Where(v => v.Example.Class == TextClass.Everyday).Select(v => v.Scores).ToList();
        var crisisPosts = validation.Where(v => v.Example.Class == TextClass.Crisis)
            .Select(v => (v.Scores, HeldByRules: Outcome(rules.Decide(Input(v.Example.Text))) != OutcomeTable.Published)).ToList();
        var publishedNamingGroup = validation
            .Where(v => v.Example.Class == TextClass.Legitimate && rules.NamesGroup(v.Example.Text) && Outcome(rules.Decide(Input(v.Example.Text))) == OutcomeTable.Published)
            .Select(v => v.Scores).ToList();
        if (published.Count == 0)
        {
            throw new InvalidOperationException("The validation split has no legitimate comments to choose thresholds on.");
        }

        ScoreThresholds Choose(ClassifierScore score, double budget)
        {
            var hold = Lowest(t => Share(published, score, t) <= budget);
            var reject = Grid().First(t => t > hold && neverRejected.All(s => s[score] < t));
            return new ScoreThresholds { HoldAt = hold, RejectAt = reject };
        }

        var toxic = Choose(ClassifierScore.Toxic, budgets.Toxic);
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
            Spam = Choose(ClassifierScore.Spam, budgets.Spam),
            Toxic = new ToxicThresholds { HoldAt = toxic.HoldAt, RejectAt = toxic.RejectAt, NamedGroupHoldAt = Math.Min(namedGroupHold, toxic.HoldAt) },
            Crisis = crisis,
        };
    }

    /// <summary>
    /// What the whole policy (first-comment hold off) does with each class, each comment sent by <paramref name="commenter"/>
    /// (by default <see cref="InGoodStanding"/>).
    /// </summary>
    public static OutcomeTable Outcomes(ModerationPolicy policy, ModerationModel model, IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> scored, CommenterRecord? commenter = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scored);
        var table = new OutcomeTable();
        foreach (var (example, scores) in scored)
        {
            var decision = policy.Decide(Input(example.Text, commenter) with { Classifier = new ClassifierVerdict(scores, model.Version) });
            var outcome = Outcome(decision);
            table.Add(TrainingData.ClassName(example.Class), outcome);
            if (example.Severe)
            {
                table.Add(OutcomeTable.SevereAbuse, outcome);
            }
        }

        return table;
    }

    /// <summary>A comment with this body, as the evaluation sends it to the policy (by default from a commenter in good standing).</summary>
    public static ModerationInput Input(string body, CommenterRecord? commenter = null) => new("Reader", "reader@example.org", null, body, commenter ?? InGoodStanding);

    public static string Outcome(ModerationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision switch
        {
            { Priority: CommentPriority.Urgent } => OutcomeTable.Urgent,
            { Status: CommentStatus.Approved } => OutcomeTable.Published,
            { Status: CommentStatus.Pending } => OutcomeTable.Held,
            _ => OutcomeTable.Rejected,
        };
    }

    public static string Name(ClassifierScore score) => score.ToString().ToLowerInvariant();

    /// <summary>The metrics as a Markdown table.</summary>
    public static string ToMarkdown(IEnumerable<ScoreEvaluation> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = new StringBuilder();
        text.AppendLine("| set | score | threshold | positives | negatives | precision | recall | F1 |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Set} | {m.Score} | {m.Threshold:0.###} | {m.Positives} | {m.Negatives} | {m.Precision:P1} | {m.Recall:P1} | {m.F1:F3} |");
        }

        return text.ToString();
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

/// <summary>
/// The shares <see cref="ModelEvaluation.ChooseThresholds(IReadOnlyList{ValueTuple{TrainingExample, ClassifierScores}}, ModerationPolicy, ThresholdBudgets)"/>
/// may spend: of the legitimate comments the rules would publish, what each score may hold, and of everyday posts,
/// what the crisis score may make urgent.
/// </summary>
public sealed record ThresholdBudgets(double Spam, double Toxic, double Crisis, double CrisisEveryday, double NamedGroup = ModelEvaluation.NamedGroupBudget, double Personal = ModelEvaluation.PersonalLegitimateBudget,
    double CrisisHeld = ModelEvaluation.CrisisHeldGoal, double PersonalCap = ModelEvaluation.PersonalLegitimateCap)
{
    public static ThresholdBudgets Default { get; } = new(ModelEvaluation.SpamHoldBudget, ModelEvaluation.ToxicHoldBudget, ModelEvaluation.CrisisLegitimateBudget, ModelEvaluation.CrisisEverydayBudget, ModelEvaluation.NamedGroupBudget, ModelEvaluation.PersonalLegitimateBudget,
        ModelEvaluation.CrisisHeldGoal, ModelEvaluation.PersonalLegitimateCap);
}

/// <summary>How many texts of each class the policy published, held, held as urgent and rejected.</summary>
public sealed class OutcomeTable
{
    public const string Published = "published";
    public const string Held = "held";
    public const string Urgent = "urgent";
    public const string Rejected = "rejected";
    public const string SevereAbuse = "severe abuse";

    private static readonly string[] Outcomes = [Published, Held, Urgent, Rejected];
    private static readonly string[] RowOrder = ["legitimate", "spam", "toxic", SevereAbuse, "crisis", "everyday", "depressed"];
    private readonly Dictionary<string, Dictionary<string, int>> _cells = [];

    public void Add(string row, string outcome)
    {
        if (!_cells.TryGetValue(row, out var cells))
        {
            _cells[row] = cells = [];
        }

        cells[outcome] = cells.GetValueOrDefault(outcome) + 1;
    }

    public int Count(string row, string outcome) => _cells.TryGetValue(row, out var cells) ? cells.GetValueOrDefault(outcome) : 0;

    public int Total(string row) => _cells.TryGetValue(row, out var cells) ? cells.Values.Sum() : 0;

    /// <summary>The share of a row with this outcome (0 when the row is empty).</summary>
    public double Share(string row, params string[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var total = Total(row);
        return total == 0 ? 0 : (double)outcomes.Sum(o => Count(row, o)) / total;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| class | total | published | held | held urgent | rejected |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in RowOrder.Where(_cells.ContainsKey))
        {
            var cells = string.Join(" | ", Outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Count(row, o)} ({Share(row, o):P1})")));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row} | {Total(row)} | {cells} |");
        }

        return text.ToString();
    }
}
