using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// Trains the five scores with ML.NET: one L-BFGS logistic regression per score over <see cref="TextFeatures"/>.
/// All but the urgency score are trained on every example (a spam comment is a negative for toxicity, a Wikipedia
/// comment a negative for crisis), so each learns what it is against everything else a comment section sees; the
/// urgency score on the examples that <see cref="TrainingExample.Teaches"/> it. The trained weights are
/// copied out of ML.NET into our own <see cref="ModerationModel"/>, which scores without it. Deterministic: the same
/// examples give the same weights.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>Chosen on the validation split: the strongest setting that did not cost recall there.</summary>
    public const float L2Regularization = 0.01f;

    /// <summary>Trains on the examples' <see cref="SplitPart.Train"/> part.</summary>
    public static ModerationModel Train(IEnumerable<TrainingExample> examples, ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var train = examples.Where(e => e.Part == SplitPart.Train).ToList();
        var features = new VBuffer<float>[train.Count];
        var featurizer = TextFeatures.ForThisThread;
        for (var i = 0; i < train.Count; i++)
        {
            var v = featurizer.Compute(train[i].Text);
            features[i] = new VBuffer<float>(TextFeatures.Dimension, v.Indices.Length, v.Values, v.Indices);
        }

        var scorers = new LinearScorer[ModerationModel.ScoreCount];
        foreach (var score in Enum.GetValues<ClassifierScore>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var taught = Enumerable.Range(0, train.Count).Where(i => train[i].Teaches(score)).ToList();
            scorers[(int)score] = TrainOne([.. taught.Select(i => train[i])], [.. taught.Select(i => features[i])], score);
        }

        return new ModerationModel(manifest, scorers);
    }

    /// <summary>
    /// Trains one score on exactly these examples (whatever their part), as <see cref="Train"/> trains it; for checks
    /// that leave part of the data out, such as <see cref="OutOfDomainCheck"/>.
    /// </summary>
    internal static LinearScorer TrainScore(IReadOnlyList<TrainingExample> train, ClassifierScore score)
    {
        var list = train.Where(e => e.Teaches(score)).ToList();
        var features = new VBuffer<float>[list.Count];
        var featurizer = TextFeatures.ForThisThread;
        for (var i = 0; i < list.Count; i++)
        {
            var v = featurizer.Compute(list[i].Text);
            features[i] = new VBuffer<float>(TextFeatures.Dimension, v.Indices.Length, v.Values, v.Indices);
        }

        return TrainOne(list, features, score);
    }

    private static LinearScorer TrainOne(IReadOnlyList<TrainingExample> train, VBuffer<float>[] features, ClassifierScore score)
    {
        var positives = train.Count(e => e.Is(score));
        if (positives == 0 || positives == train.Count)
        {
            throw new InvalidOperationException($"Cannot train the {score} score: the training data needs examples of both kinds.");
        }

        var ml = new MLContext(seed: 20261129);
        var rows = train.Select((e, i) => new Row { Features = features[i], Label = e.Is(score) });
        var data = ml.Data.LoadFromEnumerable(rows, Row.Schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = L2Regularization,
            L1Regularization = 0,
            OptimizationTolerance = 1e-5f,
            MaximumNumberOfIterations = 300,
            // One thread keeps the result identical from run to run and leaves the other core to the service.
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model;
        var linear = model.SubModel;
        var calibrator = model.Calibrator;

        // ML.NET's probability is 1 / (1 + e^(slope·m + offset)) with m = w·x + b; fold it into one margin.
        var a = -calibrator.Slope;
        var weights = new float[TextFeatures.Dimension];
        var trained = linear.Weights;
        for (var i = 0; i < trained.Count; i++)
        {
            weights[i] = (float)(a * trained[i]);
        }

        return new LinearScorer((float)((a * linear.Bias) - calibrator.Offset), weights);
    }

    private sealed class Row
    {
        public static readonly SchemaDefinition Schema = CreateSchema();

        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        private static SchemaDefinition CreateSchema()
        {
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TextFeatures.Dimension);
            return schema;
        }
    }
}
