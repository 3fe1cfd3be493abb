namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// The public labelled data the default model learns from (the three JSON Lines files described in
/// docs/moderation-model.md: YouTube comment spam, Wikipedia talk-page toxicity, Reddit posts labelled for suicide
/// risk), read from a folder or from blobs, and split the same way every time: within each source and label, texts
/// are ordered by the SHA-256 of their text and the first 15 % go to test, the next 15 % to validation, the rest to
/// training. The order does not depend on the file's line order, on the machine or on a random seed.
/// </summary>
public static class TrainingData
{
    public const string SpamFile = "spam-youtube.jsonl";
    public const string ToxicFile = "toxic-wikipedia.jsonl";
    public const string CrisisFile = "crisis-reddit.jsonl";

    public static IReadOnlyList<string> Files { get; } = [SpamFile, ToxicFile, CrisisFile];

    public const double TestShare = 0.15;
    public const double ValidationShare = 0.15;

    /// <summary>True when every data file is in <paramref name="folder"/>.</summary>
    public static bool IsComplete(string folder) => Files.All(f => File.Exists(Path.Combine(folder, f)));

    /// <summary>Reads the three files from a folder, split, with each file's SHA-256 and label counts.</summary>
    public static LoadedData LoadFolder(string folder)
    {
        var files = Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder, f)));
        return Load(files);
    }

    /// <summary>Reads the three files from their contents, keyed by file name.</summary>
    /// <exception cref="InvalidDataException">A line is not a labelled text in the documented format.</exception>
    public static LoadedData Load(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var examples = new List<TrainingExample>();
        var sources = new List<TrainingSource>();
        foreach (var name in Files)
        {
            if (!files.TryGetValue(name, out var bytes))
            {
                throw new InvalidDataException($"The training data has no {name}.");
            }

            var read = Parse(name, bytes).ToList();
            examples.AddRange(read);
            sources.Add(new TrainingSource(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), Count(read)));
        }

        return new LoadedData(Split(examples), sources);
    }

    /// <summary>Labels each example with its part; the examples' own order is kept.</summary>
    public static IReadOnlyList<TrainingExample> Split(IEnumerable<TrainingExample> examples, double testShare = TestShare, double validationShare = ValidationShare)
    {
        var all = examples.ToList();
        var parts = new SplitPart[all.Count];
        foreach (var stratum in all.Select((e, i) => (e, i)).GroupBy(x => x.e.Stratum))
        {
            var ordered = stratum.OrderBy(x => OrderKey(x.e.Text), StringComparer.Ordinal).ToList();
            var test = (int)Math.Round(ordered.Count * testShare);
            var validation = (int)Math.Round(ordered.Count * validationShare);
            for (var k = 0; k < ordered.Count; k++)
            {
                parts[ordered[k].i] = k < test ? SplitPart.Test : k < test + validation ? SplitPart.Validation : SplitPart.Train;
            }
        }

        return [.. all.Select((e, i) => e with { Part = parts[i] })];
    }

    public static IReadOnlyDictionary<string, int> Count(IEnumerable<TrainingExample> examples) =>
        examples.GroupBy(e => ClassName(e.Class)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public static string ClassName(TextClass c) => c switch
    {
        TextClass.Legitimate => "legitimate",
        TextClass.Spam => "spam",
        TextClass.Toxic => "toxic",
        TextClass.Crisis => "crisis",
        TextClass.Everyday => "everyday",
        TextClass.Depressed => "depressed",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private static string OrderKey(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static IEnumerable<TrainingExample> Parse(string file, byte[] bytes)
    {
        var stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TrainingExample example;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var text = root.GetProperty("text").GetString() ?? string.Empty;
                var label = root.GetProperty("label").GetString() ?? string.Empty;
                var source = root.TryGetProperty("source", out var s) ? s.GetString() : null;
                example = Classify(file, label, source, root) is { } c
                    ? new TrainingExample(text, c, $"{stem}/{label}/{source ?? "all"}") { Severe = c == TextClass.Toxic && IsSevere(root) }
                    : throw new InvalidDataException($"{file} line {number}: unknown label \"{label}\".");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{file} line {number} is not a labelled text: {e.Message}", e);
            }

            yield return example;
        }
    }

    private static TextClass? Classify(string file, string label, string? source, JsonElement root) => (file, label) switch
    {
        (SpamFile, "spam") => TextClass.Spam,
        (SpamFile, "ham") => TextClass.Legitimate,
        (ToxicFile, "toxic") => TextClass.Toxic,
        (ToxicFile, "ham") => TextClass.Legitimate,
        (CrisisFile, "crisis") => TextClass.Crisis,
        (CrisisFile, "not-crisis") => source == "sdcnl-depression" ? TextClass.Depressed : TextClass.Everyday,
        _ => null,
    };

    private static readonly string[] SevereLabels = ["severe_toxic", "threat", "identity_hate"];

    private static bool IsSevere(JsonElement root) =>
        SevereLabels.Any(f => root.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == 1);
}

/// <summary>Examples with their split part, and where they came from.</summary>
public sealed record LoadedData(IReadOnlyList<TrainingExample> Examples, IReadOnlyList<TrainingSource> Sources);
