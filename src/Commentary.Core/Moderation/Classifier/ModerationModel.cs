using System.Buffers.Binary;
using System.IO.Compression;

namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// A trained classifier: five <see cref="LinearScorer"/>s and the <see cref="ModelManifest"/> that says what they
/// are. The file is a zip of <c>manifest.json</c> and <c>weights.bin</c> (for each score, in
/// <see cref="ClassifierScore"/> order: bias, then one float per feature, little-endian). Loading checks the format,
/// the feature version and every length, so a damaged or foreign file is refused with a reason instead of scoring
/// nonsense. Safe to share between threads.
/// </summary>
public sealed class ModerationModel
{
    private const string ManifestEntry = "manifest.json";
    private const string WeightsEntry = "weights.bin";
    private const uint Magic = 0x574D4D43; // "CMMW"
    private const string ShippedResource = "Commentary.Core.Moderation.Classifier.moderation-model.zip";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly Lazy<ModerationModel> LazyShipped = new(LoadShipped);

    private readonly LinearScorer[] _scorers;

    /// <summary>How many scores a model has, one per <see cref="ClassifierScore"/>.</summary>
    internal static readonly int ScoreCount = Enum.GetValues<ClassifierScore>().Length;

    internal ModerationModel(ModelManifest manifest, LinearScorer[] scorers)
    {
        ArgumentNullException.ThrowIfNull(scorers);
        if (scorers.Length != ScoreCount)
        {
            throw new ArgumentException($"A model has {ScoreCount} scorers, not {scorers.Length}.", nameof(scorers));
        }

        Manifest = manifest;
        _scorers = scorers;
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    /// <summary>The model built into this release (embedded in Commentary.Core), loaded once.</summary>
    public static ModerationModel Shipped => LazyShipped.Value;

    internal LinearScorer Scorer(ClassifierScore score) => _scorers[(int)score];

    public ClassifierScores Score(string? text)
    {
        var features = TextFeatures.ForThisThread.Compute(text);
        return new ClassifierScores(_scorers[0].Probability(features), _scorers[1].Probability(features), _scorers[2].Probability(features), _scorers[3].Probability(features), _scorers[4].Probability(features));
    }

    /// <summary>The same model with another manifest (the trainer adds the evaluation after it has scored).</summary>
    public ModerationModel With(ModelManifest manifest) => new(manifest, _scorers);

    /// <summary>The same model with one score replaced (for checks that retrain one score on part of the data).</summary>
    internal ModerationModel With(ClassifierScore score, LinearScorer scorer)
    {
        var scorers = (LinearScorer[])_scorers.Clone();
        scorers[(int)score] = scorer;
        return new ModerationModel(Manifest, scorers);
    }

    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifest = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(manifest, Manifest, Json);
        }

        using var weights = zip.CreateEntry(WeightsEntry, CompressionLevel.Optimal).Open();
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(four, Magic);
        weights.Write(four);
        foreach (var scorer in _scorers)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, scorer.Bias);
            weights.Write(four);
            foreach (var w in scorer.Weights)
            {
                BinaryPrimitives.WriteSingleLittleEndian(four, w);
                weights.Write(four);
            }
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        return buffer.ToArray();
    }

    /// <exception cref="InvalidModelException">The stream is not a model file this release can use; the message says why.</exception>
    public static ModerationModel Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new InvalidModelException($"it has no {ManifestEntry}");
            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Json) ?? throw new InvalidModelException("its manifest is null");
            }

            if (manifest.Format != ModelManifest.CurrentFormat)
            {
                throw new InvalidModelException($"it is format {manifest.Format}; this release reads format {ModelManifest.CurrentFormat}");
            }

            if (manifest.FeatureVersion != TextFeatures.Version)
            {
                throw new InvalidModelException($"it was trained on features version {manifest.FeatureVersion}; this release computes version {TextFeatures.Version}");
            }

            var weightsEntry = zip.GetEntry(WeightsEntry) ?? throw new InvalidModelException($"it has no {WeightsEntry}");
            var expected = 4 + (ScoreCount * 4L * (TextFeatures.Dimension + 1));
            if (weightsEntry.Length != expected)
            {
                throw new InvalidModelException($"its weights are {weightsEntry.Length} bytes, not {expected}");
            }

            using var weights = weightsEntry.Open();
            var bytes = new byte[expected];
            weights.ReadExactly(bytes);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            {
                throw new InvalidModelException("its weights do not start with the model file's signature");
            }

            var scorers = new LinearScorer[ScoreCount];
            var offset = 4;
            for (var s = 0; s < scorers.Length; s++)
            {
                var bias = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
                offset += 4;
                var w = new float[TextFeatures.Dimension];
                for (var i = 0; i < w.Length; i++, offset += 4)
                {
                    w[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
                    if (!float.IsFinite(w[i]))
                    {
                        throw new InvalidModelException("its weights hold a value that is not a finite number");
                    }
                }

                scorers[s] = new LinearScorer(bias, w);
            }

            return new ModerationModel(manifest, scorers);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException or NotSupportedException)
        {
            throw new InvalidModelException(e.Message, e);
        }
    }

    public static ModerationModel Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }

    private static ModerationModel LoadShipped()
    {
        using var stream = typeof(ModerationModel).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The embedded resource {ShippedResource} is missing from the build.");
        return Load(stream);
    }
}

/// <summary>A model file that cannot be used; the message completes "The model cannot be used: …".</summary>
public sealed class InvalidModelException : Exception
{
    public InvalidModelException()
    {
    }

    public InvalidModelException(string message)
        : base(message)
    {
    }

    public InvalidModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
