namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// The comments we wrote ourselves for the comment section of a therapy site (<c>corpus.json</c>, embedded):
/// ordinary ones (grateful, sad, angry, about therapy and loss), spam, and crisis posts, each labelled. The policy's
/// corpus test reads all of them. Its legitimate and crisis comments join the training part of the shipped model and of
/// every retrain, so that a model knows what ordinary comments on such a site look like; the public data has none.
/// Its spam label describes a whole comment (name, website, first comment), not its text, so spam does not train.
/// </summary>
public static class OurCorpus
{
    /// <summary>Its name among a model's sources.</summary>
    public const string FileName = "corpus.json";

    private const string Resource = "Commentary.Core.Moderation.Classifier.corpus.json";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(OurCorpus).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The corpus {Resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<IReadOnlyList<TrainingExample>> Parsed = new(() => Parse(Json));

    /// <summary>The whole corpus as JSON: an array of <c>{label, author, email, website?, body}</c>.</summary>
    public static string Json => Encoding.UTF8.GetString(Bytes.Value);

    /// <summary>Its legitimate and crisis comments, in the training part.</summary>
    public static IReadOnlyList<TrainingExample> Examples => Parsed.Value;

    /// <summary>What it adds to a model's sources: its name, SHA-256 and counts.</summary>
    public static TrainingSource Source => SourceOf(FileName, Bytes.Value, Examples);

    /// <summary>A corpus file as a model's source, named and hashed like the public data files.</summary>
    public static TrainingSource SourceOf(string fileName, byte[] bytes, IEnumerable<TrainingExample> examples) =>
        new(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), TrainingData.Count(examples));

    /// <summary>The legitimate and crisis comments of a corpus in this format (ours, or another for an experiment), in the training part.</summary>
    public static IReadOnlyList<TrainingExample> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var examples = new List<TrainingExample>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var body = item.GetProperty("body").GetString() ?? string.Empty;
            var label = item.GetProperty("label").GetString();
            TextClass? c = label switch { "legit" => TextClass.Legitimate, "crisis" => TextClass.Crisis, _ => null };
            if (c is { } known)
            {
                examples.Add(new TrainingExample(body, known, TrainingExample.CorpusPrefix + label) { Part = SplitPart.Train });
            }
        }

        return examples;
    }
}
