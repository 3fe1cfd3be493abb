namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// What the learned model thinks of one comment: three probabilities from 0 to 1, one per thing a moderator must
/// catch. They are independent (a comment can be both toxic and a cry for help) and only become decisions in
/// <see cref="ModerationPolicy"/>, against the thresholds in the live settings.
/// </summary>
public readonly record struct ClassifierScores(double Spam, double Toxic, double Crisis)
{
    public double this[ClassifierScore score] => score switch
    {
        ClassifierScore.Spam => Spam,
        ClassifierScore.Toxic => Toxic,
        ClassifierScore.Crisis => Crisis,
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };
}

/// <summary>The three scores, in the order the model file stores them.</summary>
public enum ClassifierScore
{
    Spam,
    Toxic,
    Crisis,
}

/// <summary>What the policy is told about the classifier for one comment: its scores, or that it could not score.</summary>
public sealed record ClassifierVerdict(ClassifierScores Scores, string ModelVersion)
{
    /// <summary>Scoring failed (no usable model, or it threw): the policy holds the comment for a person.</summary>
    public static ClassifierVerdict Unavailable(string problem) => new(default, string.Empty) { Problem = problem };

    public string? Problem { get; init; }

    public bool IsAvailable => Problem is null;
}
