namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// What the learned model thinks of one comment: five probabilities from 0 to 1. Three are things a moderator must
/// catch (spam, abuse, a possible crisis); the fourth says how urgent a possible crisis is, and the fifth whether the
/// text is the kind the urgency score can judge. They are independent (a comment can be both toxic and a cry for help)
/// and only become decisions in <see cref="ModerationPolicy"/>, against the thresholds in the live settings.
/// </summary>
public readonly record struct ClassifierScores(double Spam, double Toxic, double Crisis, double Urgency, double Personal = 0)
{
    public double this[ClassifierScore score] => score switch
    {
        ClassifierScore.Spam => Spam,
        ClassifierScore.Toxic => Toxic,
        ClassifierScore.Crisis => Crisis,
        ClassifierScore.Urgency => Urgency,
        ClassifierScore.Personal => Personal,
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };
}

/// <summary>The five scores, in the order the model file stores them.</summary>
public enum ClassifierScore
{
    Spam,
    Toxic,

    /// <summary>Self-harm or suicide risk, against everything a comment section sees: decides whether to hold.</summary>
    Crisis,

    /// <summary>
    /// Suicide risk against people having a hard time (everyday and depressed forum posts, ordinary therapy-site
    /// comments) only: decides whether a comment the crisis score holds is urgent. The crisis score spends most of its
    /// weights telling forum posts from talk-page comments; this one learns only the difference that makes a post urgent.
    /// </summary>
    Urgency,

    /// <summary>
    /// Whether the text reads like someone writing about their own life (the texts the urgency score learns from)
    /// rather than a talk-page argument or a video comment. It decides nothing alone: a personal post whose urgency
    /// score is high is held as a possible crisis even when the crisis score is low (personal × urgency), which
    /// catches the short, plain posts that score low for crisis because few of their words are a crisis's words.
    /// </summary>
    Personal,
}

/// <summary>What the policy is told about the classifier for one comment: its scores, or that it could not score.</summary>
public sealed record ClassifierVerdict(ClassifierScores Scores, string ModelVersion)
{
    /// <summary>Scoring failed (no usable model, or it threw): the policy holds the comment for a person.</summary>
    public static ClassifierVerdict Unavailable(string problem) => new(default, string.Empty) { Problem = problem };

    public string? Problem { get; init; }

    public bool IsAvailable => Problem is null;
}
