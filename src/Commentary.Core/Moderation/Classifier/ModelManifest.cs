namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// What a model file says about itself: its version, when and on what it was trained, and how it scored on data it
/// never saw. Answered by <c>GET /api/moderation/model</c> and kept in the model file as <c>manifest.json</c>.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The model file layout; a file of another format is refused. Format 2 added the urgency score, format 3 the personal score.</summary>
    public const int CurrentFormat = 3;

    public int Format { get; init; } = CurrentFormat;

    public int FeatureVersion { get; init; } = TextFeatures.Version;

    /// <summary>"2026-11-29.1432": the training time to the minute, UTC, which sorts.</summary>
    public required string Version { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>"shipped" for the model built into the release, "retrained" for one the daily job published.</summary>
    public string Origin { get; init; } = "shipped";

    /// <summary>Each source of training examples and how many of each label came from it.</summary>
    public IReadOnlyList<TrainingSource> TrainedOn { get; init; } = [];

    /// <summary>How the model did on the test split (and, for a retrained model, on the site's own held-out decisions).</summary>
    public IReadOnlyList<ScoreEvaluation> Evaluation { get; init; } = [];

    /// <summary>What the training run had to say ("too few site decisions: shipped data only").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// For a retrained model, the SHA-256 of everything it learnt from (<see cref="ModelRetrainer.TrainingSetOf"/>): a
    /// retrain with the same texts and labels would train the same weights, so it keeps this model instead. Null for
    /// the shipped model and for models published before it was recorded.
    /// </summary>
    public string? TrainingSet { get; init; }
}

/// <summary>One source of training data: a file (with its SHA-256) or the site's moderator decisions.</summary>
public sealed record TrainingSource(string Name, string? Sha256, IReadOnlyDictionary<string, int> Items);

/// <summary>Precision, recall and F1 of one score at one threshold, on one evaluation set.</summary>
public sealed record ScoreEvaluation(string Set, string Score, double Threshold, int Positives, int Negatives, double Precision, double Recall, double F1);
