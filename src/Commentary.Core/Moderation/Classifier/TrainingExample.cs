namespace Commentary.Core.Moderation.Classifier;

/// <summary>What a labelled text is, for training and for the evaluation table.</summary>
public enum TextClass
{
    /// <summary>A comment that should be published.</summary>
    Legitimate,
    Spam,

    /// <summary>Insults, threats, identity hate, harassment.</summary>
    Toxic,

    /// <summary>A post from someone at risk of suicide or self-harm.</summary>
    Crisis,

    /// <summary>An everyday post that is not a crisis (teenagers' forum posts, often with words of trouble).</summary>
    Everyday,

    /// <summary>A depressed but not suicidal post: neither a crisis nor everyday; reported on its own.</summary>
    Depressed,
}

/// <summary>Which part of the data an example belongs to: learn from it, choose thresholds on it, or only report on it.</summary>
public enum SplitPart
{
    Train,
    Validation,
    Test,
}

/// <summary>
/// One labelled text. <see cref="Stratum"/> names where it came from and what it is ("spam-youtube/ham/youtube-01-psy"),
/// so the split can keep every source's share the same in every part. <see cref="Severe"/> marks the abuse that must
/// never be published (severe toxicity, threats, identity hate).
/// </summary>
public sealed record TrainingExample(string Text, TextClass Class, string Stratum)
{
    public bool Severe { get; init; }

    public SplitPart Part { get; init; } = SplitPart.Train;

    public bool Is(ClassifierScore score) => score switch
    {
        ClassifierScore.Spam => Class == TextClass.Spam,
        ClassifierScore.Toxic => Class == TextClass.Toxic,
        ClassifierScore.Crisis or ClassifierScore.Urgency => Class == TextClass.Crisis,
        ClassifierScore.Personal => WritesAboutOwnLife,
        _ => false,
    };

    /// <summary>
    /// Whether this text teaches <paramref name="score"/>: every text teaches every score but the urgency score, which
    /// learns only from people writing about their own lives (<see cref="WritesAboutOwnLife"/>), not from talk-page
    /// arguments or video comments.
    /// </summary>
    public bool Teaches(ClassifierScore score) => score != ClassifierScore.Urgency || WritesAboutOwnLife;

    /// <summary>
    /// Someone writing about their own life: the crisis, everyday and depressed posts, and the legitimate comments of
    /// our corpus and of the site. The urgency score learns from these only, and the personal score learns to tell them
    /// from everything else.
    /// </summary>
    public bool WritesAboutOwnLife => Class is TextClass.Crisis or TextClass.Everyday or TextClass.Depressed
        || (Class == TextClass.Legitimate && (Stratum.StartsWith(CorpusPrefix, StringComparison.Ordinal) || Stratum.StartsWith(SitePrefix, StringComparison.Ordinal)));

    /// <summary>The stratum prefix of our own labelled therapy-site comments.</summary>
    public const string CorpusPrefix = "corpus/";

    /// <summary>The stratum prefix of the comments this site's moderators decided.</summary>
    public const string SitePrefix = "site/";
}
