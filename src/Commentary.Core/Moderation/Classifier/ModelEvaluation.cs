namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// How a model does on labelled data: precision, recall and F1 per score and the whole policy's outcome per class
/// (the thresholds themselves are <see cref="ThresholdChoice"/>'s). Shared by <c>commentary model train/evaluate</c>, the daily
/// retrain and the test that holds the shipped model to its figures.
/// </summary>
public static class ModelEvaluation
{
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
}
