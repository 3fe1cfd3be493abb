namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// One trained score: a logistic regression over <see cref="TextFeatures"/>, probability = 1 / (1 + e^-(w·x + b)).
/// Scoring is a dot product over the comment's few hundred non-zero features, so it needs no ML runtime and is safe
/// to share between threads.
/// </summary>
internal sealed class LinearScorer
{
    public LinearScorer(float bias, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != TextFeatures.Dimension)
        {
            throw new ArgumentException($"A scorer has {TextFeatures.Dimension} weights, not {weights.Length}.", nameof(weights));
        }

        Bias = bias;
        Weights = weights;
    }

    public float Bias { get; }

    public float[] Weights { get; }

    public double Probability(SparseVector features)
    {
        double margin = Bias;
        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            margin += Weights[indices[i]] * values[i];
        }

        return 1 / (1 + Math.Exp(-margin));
    }
}
