using System.Text.Json;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Cli.Models;

/// <summary>The <c>--data</c> option that training and evaluation both require.</summary>
public abstract class TrainingDataSettings : CommandSettings
{
    [CommandOption("--data <FOLDER>")]
    [Description("The folder with spam-youtube.jsonl, toxic-wikipedia.jsonl and crisis-reddit.jsonl (evaluation reads their test split).")]
    public string Data { get; set; } = string.Empty;

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Data) ? ValidationResult.Error("--data names the folder of training data.") : ValidationResult.Success();
}

public sealed class TrainModelSettings : TrainingDataSettings
{
    [CommandOption("--corpus <FILE>")]
    [Description("Labelled comments in the format of our corpus (src/Commentary.Core/Moderation/Classifier/corpus.json): their legitimate and crisis comments join the training part.")]
    public string? Corpus { get; set; }

    [CommandOption("--output <FILE>")]
    [Description("Where to write the model file.")]
    public string Output { get; set; } = "moderation-model.zip";

    [CommandOption("--version <VERSION>")]
    [Description("The model's version; by default the training time, \"yyyy-MM-dd.HHmm\" UTC.")]
    public string? Version { get; set; }

    [CommandOption("--leave-one-video-out")]
    [Description("Also check the spam score on each YouTube video it did not see: trained without it, measured on that video's texts outside the test split (three more trainings of the spam score).")]
    public bool LeaveOneVideoOut { get; set; }
}

public sealed class EvaluateModelSettings : TrainingDataSettings
{
    [CommandOption("--model <FILE>")]
    [Description("A model file; by default the model shipped in this release.")]
    public string? Model { get; set; }

    [CommandOption("--settings <FILE>")]
    [Description("Moderation settings JSON whose thresholds to use; by default the shipped settings.")]
    public string? Settings { get; set; }
}

/// <summary>
/// <c>model train</c>: trains the five scores on the training split, chooses thresholds on the validation split,
/// evaluates on the test split and writes the model file with all of that in its manifest. The default model in
/// Commentary.Core is this command's output (docs/moderation-model.md gives the exact command).
/// </summary>
public sealed class TrainModelCommand(CliOutput output, TimeProvider clock) : Command<TrainModelSettings>
{
    public override int Execute(CommandContext context, TrainModelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = ModelData.Read(settings.Data);
        var corpusBytes = settings.Corpus is null ? [] : File.ReadAllBytes(settings.Corpus);
        var corpus = settings.Corpus is null ? [] : OurCorpus.Parse(System.Text.Encoding.UTF8.GetString(corpusBytes));
        var examples = data.Examples.Concat(corpus).ToList();
        var trainedAt = clock.GetUtcNow();
        var sources = corpus.Count == 0 ? data.Sources : [.. data.Sources, OurCorpus.SourceOf(Path.GetFileName(settings.Corpus!), corpusBytes, corpus)];
        output.Console.MarkupLineInterpolated($"Training on {examples.Count(e => e.Part == SplitPart.Train)} texts ({examples.Count(e => e.Part == SplitPart.Validation)} for validation, {examples.Count(e => e.Part == SplitPart.Test)} for test)...");

        var manifest = new ModelManifest
        {
            Version = settings.Version ?? trainedAt.UtcDateTime.ToString("yyyy-MM-dd.HHmm", CultureInfo.InvariantCulture),
            TrainedAt = trainedAt,
            TrainedOn = sources,
        };
        var model = ClassifierTrainer.Train(examples, manifest, cancellationToken);
        var validation = ModelEvaluation.Score(model, examples.Where(e => e.Part == SplitPart.Validation));
        var rules = ModerationSettings.Defaults;
        rules.FirstComment.Enabled = false;
        var thresholds = ThresholdChoice.Choose(validation, new ModerationPolicy(rules));
        var test = ModelEvaluation.Score(model, examples.Where(e => e.Part == SplitPart.Test));
        var metrics = ModelEvaluation.Metrics(test, thresholds, "test");
        model = model.With(manifest with { Evaluation = metrics, Notes = [$"Thresholds chosen on the validation split: {ThresholdsJson(thresholds)}"] });

        using (var file = File.Create(settings.Output))
        {
            model.Save(file);
        }

        output.Console.MarkupLineInterpolated($"Wrote model [bold]{model.Version}[/] to {settings.Output} ({new FileInfo(settings.Output).Length / 1024} KB).");
        output.Data.WriteLine("Thresholds chosen on the validation split (the \"classifier\" section of the moderation settings):");
        output.Data.WriteLine(ThresholdsJson(thresholds));
        output.Data.WriteLine();
        ModelReport.Write(output, model, thresholds, test);
        if (settings.LeaveOneVideoOut)
        {
            ModelReport.WriteVideoChecks(output, OutOfDomainCheck.SpamByVideo(examples, model, cancellationToken));
        }

        return 0;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string ThresholdsJson(ClassifierSettings thresholds) => JsonSerializer.Serialize(thresholds, Json);
}

/// <summary><c>model evaluate</c>: the evaluation table of a model (by default the shipped one) on the test split.</summary>
public sealed class EvaluateModelCommand(CliOutput output) : Command<EvaluateModelSettings>
{
    public override int Execute(CommandContext context, EvaluateModelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = ModelData.Read(settings.Data);
        ModerationModel model;
        if (settings.Model is null)
        {
            model = ModerationModel.Shipped;
        }
        else
        {
            using var file = File.OpenRead(settings.Model);
            model = ModerationModel.Load(file);
        }

        var moderation = settings.Settings is null ? ModerationSettings.Defaults : ModerationSettings.FromJson(File.ReadAllText(settings.Settings));
        var test = ModelEvaluation.Score(model, data.Examples.Where(e => e.Part == SplitPart.Test));
        ModelReport.Write(output, model, moderation.Classifier, test, moderation);
        return 0;
    }
}

internal static class ModelData
{
    public static LoadedData Read(string folder)
    {
        if (!TrainingData.IsComplete(folder))
        {
            throw new DirectoryNotFoundException($"{folder} does not hold {string.Join(", ", TrainingData.Files)}.");
        }

        return TrainingData.LoadFolder(folder);
    }
}

internal static class ModelReport
{
    public static void Write(CliOutput output, ModerationModel model, ClassifierSettings thresholds, IReadOnlyList<(TrainingExample Example, ClassifierScores Scores)> test, ModerationSettings? settings = null)
    {
        var moderation = settings ?? ModerationSettings.Defaults;
        moderation.Classifier = thresholds;
        moderation.FirstComment.Enabled = false;
        output.Data.WriteLine($"Model {model.Version}, test split ({test.Count} texts):");
        output.Data.WriteLine();
        output.Data.WriteLine(ModelEvaluation.ToMarkdown(ModelEvaluation.Metrics(test, thresholds, "test")));
        var policy = new ModerationPolicy(moderation);
        output.Data.WriteLine("The whole policy, first-comment hold off, each comment from a commenter in good standing:");
        output.Data.WriteLine();
        output.Data.WriteLine(ModelEvaluation.Outcomes(policy, model, test).ToMarkdown());
        output.Data.WriteLine("The same, each comment from a new commenter (no approved comment yet):");
        output.Data.WriteLine();
        output.Data.WriteLine(ModelEvaluation.Outcomes(policy, model, test, ModelEvaluation.NewCommenter).ToMarkdown());
    }

    public static void WriteVideoChecks(CliOutput output, IReadOnlyList<VideoCheck> checks)
    {
        output.Data.WriteLine("The spam score on a video it did not see (trained and thresholds chosen without it; that video's texts outside the test split):");
        output.Data.WriteLine();
        output.Data.WriteLine("| video | spam hold / reject | spam | published | published (new commenter) | rejected | legitimate | published | published (new commenter) | rejected |");
        output.Data.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in checks)
        {
            var (t, n) = (c.Outcomes, c.NewCommenterOutcomes);
            output.Data.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Video} | {c.SpamThresholds.HoldAt:0.00##} / {c.SpamThresholds.RejectAt:0.00##} | {t.Total("spam")} | {t.Share("spam", OutcomeTable.Published):P1} | {n.Share("spam", OutcomeTable.Published):P1} | {t.Share("spam", OutcomeTable.Rejected):P1} | {t.Total("legitimate")} | {t.Share("legitimate", OutcomeTable.Published):P1} | {n.Share("legitimate", OutcomeTable.Published):P1} | {t.Share("legitimate", OutcomeTable.Rejected):P1} |"));
        }

        var spam = checks.Sum(c => c.Outcomes.Total("spam"));
        output.Data.WriteLine();
        output.Data.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Spam published on unseen videos: {Published(checks, c => c.Outcomes, spam)} from commenters in good standing, {Published(checks, c => c.NewCommenterOutcomes, spam)} from new commenters."));
    }

    private static string Published(IReadOnlyList<VideoCheck> checks, Func<VideoCheck, OutcomeTable> table, int spam)
    {
        var published = checks.Sum(c => table(c).Count("spam", OutcomeTable.Published));
        return string.Create(CultureInfo.InvariantCulture, $"{published} of {spam} ({(spam == 0 ? 0 : (double)published / spam):P1})");
    }
}

public sealed class UploadTrainingDataSettings : StorageSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("The folder with spam-youtube.jsonl, toxic-wikipedia.jsonl and crisis-reddit.jsonl.")]
    public string Folder { get; set; } = string.Empty;
}

/// <summary>
/// <c>model upload-data &lt;folder&gt;</c>: puts the public training data where the daily retrain reads it, after
/// checking that every file parses.
/// </summary>
public sealed class UploadTrainingDataCommand(CliOutput output) : AsyncCommand<UploadTrainingDataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UploadTrainingDataSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = ModelData.Read(settings.Folder);
        var store = new ModelStore(await StorageConnection.OpenAsync(settings, cancellationToken));
        foreach (var name in TrainingData.Files)
        {
            await using var file = File.OpenRead(Path.Combine(settings.Folder, name));
            await store.UploadTrainingFileAsync(name, file, cancellationToken);
        }

        output.Console.MarkupLineInterpolated($"Uploaded {data.Examples.Count} labelled texts in {TrainingData.Files.Count} files; the next retrain learns from them.");
        return 0;
    }
}
