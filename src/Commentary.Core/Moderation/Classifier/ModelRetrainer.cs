using Commentary.Core.Moderation.Akismet;

namespace Commentary.Core.Moderation.Classifier;

/// <summary>A moderator's request to retrain now, as queued on <c>model-retrain</c>.</summary>
public sealed record RetrainRequest(string RequestedBy, DateTimeOffset At);

/// <summary>
/// What one retrain did: what it trained on (<see cref="TrainingSet"/>, as <see cref="ModelRetrainer.TrainingSetOf"/>
/// hashes it), how both models scored, and whether the new one was published.
/// </summary>
public sealed record RetrainReport(
    DateTimeOffset At,
    bool Published,
    string ModelInForce,
    string? NewModel,
    IReadOnlyList<ScoreEvaluation> Current,
    IReadOnlyList<ScoreEvaluation> Candidate,
    IReadOnlyList<string> Notes,
    string? TrainingSet = null);

/// <summary>
/// The daily retrain. It learns from the public training data (when an operator has uploaded it, see
/// <see cref="ModelStore.TrainingPrefix"/>) with <see cref="OurCorpus"/>, as the shipped model did, plus every comment
/// a moderator decided: approved → legitimate, rejected as spam → spam, rejected with an abuse reason → toxic. The
/// policy's, Akismet's, readers' and imports' decisions are never used, or the model would learn its own mistakes. A
/// fifth of the site's decisions is held out; the new model is published only if, on the public test split and on
/// that slice, no score's F1 (at the thresholds in force) is more than <see cref="Tolerance"/> below the model in
/// force. It does not train when nothing has changed since the model in force was trained, or since a retrain whose
/// model was not published.
/// </summary>
public sealed partial class ModelRetrainer(
    CommentStore comments,
    ModelStore store,
    ModelProvider models,
    ModerationSettingsStore settings,
    TimeProvider clock,
    ILogger<ModelRetrainer> logger) : IDisposable
{
    /// <summary>Fewer site decisions than this in any class and the site's decisions are left out.</summary>
    public const int MinimumPerClass = 50;

    /// <summary>How much lower a score's F1 may be on any evaluation set for the new model still to be published.</summary>
    public const double Tolerance = 0.02;

    public const double SiteHeldOutShare = 0.2;

    private const string SiteSet = "site held-out";
    private const string PublicSet = "test";

    private static readonly string[] AbuseWords = ["abuse", "abusive", "insult", "harass", "threat", "hate", "slur", "toxic", "offensive", "bully", "troll"];
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>
    /// The body of the <c>RetrainModelOnRequest</c> queue trigger. A request that a finished retrain already answers
    /// (several moderators asked at once, or the message came again) is done without training again.
    /// </summary>
    public async Task HandleRequestAsync(string message, CancellationToken cancellationToken)
    {
        RetrainRequest? request;
        try
        {
            request = System.Text.Json.JsonSerializer.Deserialize<RetrainRequest>(message ?? string.Empty, ModerationModel.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        await RetrainAsync(request ?? new RetrainRequest("(unreadable request)", DateTimeOffset.MinValue), cancellationToken);
    }

    public Task<RetrainReport> RetrainAsync(CancellationToken cancellationToken) => RetrainAsync(null, cancellationToken);

    private async Task<RetrainReport> RetrainAsync(RetrainRequest? request, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            if (request is not null)
            {
                if (await store.LastReportAsync(cancellationToken) is { } last && last.At >= request.At)
                {
                    LogAlreadyAnswered(logger, request.RequestedBy, last.At);
                    return last;
                }

                LogRequested(logger, request.RequestedBy);
            }

            var report = await RunAsync(cancellationToken);
            await store.SaveReportAsync(report, cancellationToken);
            LogRetrained(logger, report.Published, report.NewModel ?? "(none)", report.ModelInForce, string.Join(" ", report.Notes));
            return report;
        }
        finally
        {
            _running.Release();
        }
    }

    public void Dispose() => _running.Dispose();

    /// <summary>Which class a moderator's decision teaches, or null when it teaches nothing.</summary>
    public static TextClass? Teaches(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var by = comment.ModeratedBy;
        if (string.IsNullOrEmpty(by) || by is CommentModerator.PolicyActor or ModerationActions.ReadersName or AkismetWorkProcessor.ActorName
            || by.StartsWith("import:", StringComparison.Ordinal))
        {
            return null;
        }

        var note = comment.StatusNote ?? string.Empty;
        return comment.Status switch
        {
            CommentStatus.Approved => TextClass.Legitimate,
            CommentStatus.Rejected when note.StartsWith("spam", StringComparison.OrdinalIgnoreCase) => TextClass.Spam,
            CommentStatus.Rejected when AbuseWords.Any(w => note.Contains(w, StringComparison.OrdinalIgnoreCase)) => TextClass.Toxic,
            _ => null,
        };
    }

    private async Task<RetrainReport> RunAsync(CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var current = (await models.CurrentAsync(cancellationToken)).Model;
        var thresholds = (await settings.LoadAsync(cancellationToken)).Settings.Classifier;

        var site = new List<TrainingExample>();
        await foreach (var comment in comments.AllAsync(null, cancellationToken))
        {
            if (Teaches(comment) is { } c)
            {
                site.Add(new TrainingExample(comment.Body, c, TrainingExample.SitePrefix + TrainingData.ClassName(c)));
            }
        }

        var siteCounts = TrainingData.Count(site);
        var enough = new[] { TextClass.Legitimate, TextClass.Spam, TextClass.Toxic }.All(c => site.Count(e => e.Class == c) >= MinimumPerClass);
        if (!enough)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Too few moderator decisions to learn from (legitimate {Of(siteCounts, "legitimate")}, spam {Of(siteCounts, "spam")}, toxic {Of(siteCounts, "toxic")}; {MinimumPerClass} of each are needed): the public data only."));
            site.Clear();
        }

        var siteSplit = TrainingData.Split(site, testShare: SiteHeldOutShare, validationShare: 0);
        var publicFiles = await store.TrainingDataAsync(cancellationToken);
        LoadedData? publicData = publicFiles is null ? null : TrainingData.Load(publicFiles);
        if (publicData is null)
        {
            notes.Add($"The public training data is not in storage ({StorageNames()}); upload it with `commentary model upload-data`.");
            if (siteSplit.Count == 0)
            {
                notes.Add("Nothing to train on: the model in force stays.");
                return new RetrainReport(clock.GetUtcNow(), false, current.Version, null, [], [], notes);
            }
        }

        // The data the shipped model learnt from is the public data and our corpus, which is what a therapy site's ordinary
        // comments look like; without the public data there is nothing for the corpus to stand beside.
        var shipped = publicData is null ? [] : publicData.Examples.Concat(OurCorpus.Examples);
        var examples = shipped.Concat(siteSplit).ToList();
        if (Enum.GetValues<ClassifierScore>().Any(s => !examples.Any(e => e.Part == SplitPart.Train && e.Teaches(s) && e.Is(s))
            || !examples.Any(e => e.Part == SplitPart.Train && e.Teaches(s) && !e.Is(s))))
        {
            notes.Add("The training data lacks examples of a score: the model in force stays.");
            return new RetrainReport(clock.GetUtcNow(), false, current.Version, null, [], [], notes);
        }

        var trainingSet = TrainingSetOf(examples);
        if (current.Manifest.TrainingSet == trainingSet)
        {
            notes.Add($"Nothing new to learn since model {current.Version} (the same public data and moderator decisions): the model in force stays.");
            return new RetrainReport(clock.GetUtcNow(), false, current.Version, null, [], [], notes, trainingSet);
        }

        // Training is deterministic: the same data, compared with the same model at the same thresholds, would fail
        // the same comparison again, every day until something changes.
        if (await store.LastReportAsync(cancellationToken) is { Published: false, Candidate.Count: > 0 } last
            && last.TrainingSet == trainingSet && last.ModelInForce == current.Version && ModelEvaluation.MeasuredAt(last.Current, thresholds))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Nothing new to learn since the retrain of {last.At:yyyy-MM-dd HH:mm} UTC, whose model was not published (the same public data, moderator decisions, model in force and thresholds): the model in force stays."));
            notes.Add(NotPublished(last.Current, last.Candidate));
            return new RetrainReport(clock.GetUtcNow(), false, current.Version, null, last.Current, last.Candidate, notes, trainingSet);
        }

        var trainedAt = clock.GetUtcNow();
        var sources = publicData is null ? [] : publicData.Sources.Append(OurCorpus.Source).ToList();
        if (siteSplit.Count > 0)
        {
            sources.Add(new TrainingSource("moderator decisions", null, TrainingData.Count(siteSplit.Where(e => e.Part == SplitPart.Train))));
        }

        var manifest = new ModelManifest
        {
            Version = trainedAt.UtcDateTime.ToString("yyyy-MM-dd.HHmmss", CultureInfo.InvariantCulture),
            TrainedAt = trainedAt,
            Origin = "retrained",
            TrainedOn = sources,
            TrainingSet = trainingSet,
        };
        var candidate = await Task.Run(() => ClassifierTrainer.Train(examples, manifest, cancellationToken), cancellationToken);

        var currentMetrics = new List<ScoreEvaluation>();
        var candidateMetrics = new List<ScoreEvaluation>();
        foreach (var (set, part) in new[] { (PublicSet, publicData?.Examples), (SiteSet, siteSplit) })
        {
            var test = (part ?? []).Where(e => e.Part == SplitPart.Test).ToList();
            if (test.Count == 0)
            {
                continue;
            }

            currentMetrics.AddRange(ModelEvaluation.Metrics(ModelEvaluation.Score(current, test), thresholds, set));
            candidateMetrics.AddRange(ModelEvaluation.Metrics(ModelEvaluation.Score(candidate, test), thresholds, set));
        }

        candidate = candidate.With(manifest with { Evaluation = candidateMetrics, Notes = notes.ToList() });
        if (candidateMetrics.Count == 0 || Worse(currentMetrics, candidateMetrics).Any())
        {
            notes.Add(candidateMetrics.Count == 0
                ? "No held-out data to compare the models on: the model in force stays."
                : NotPublished(currentMetrics, candidateMetrics));
            return new RetrainReport(trainedAt, false, current.Version, candidate.Version, currentMetrics, candidateMetrics, notes, trainingSet);
        }

        await store.PublishAsync(candidate, cancellationToken);
        models.Use(candidate);
        notes.Add($"Published as {ModelStore.ModelBlob(candidate.Version)}.");
        return new RetrainReport(trainedAt, true, candidate.Version, candidate.Version, currentMetrics, candidateMetrics, notes, trainingSet);
    }

    /// <summary>The scores on which the candidate's F1 is more than <see cref="Tolerance"/> below the model in force's.</summary>
    private static IEnumerable<(ScoreEvaluation Candidate, ScoreEvaluation Current)> Worse(IReadOnlyList<ScoreEvaluation> current, IReadOnlyList<ScoreEvaluation> candidate) =>
        candidate.Zip(current).Where(p => p.First.Positives > 0 && p.First.F1 < p.Second.F1 - Tolerance);

    private static string NotPublished(IReadOnlyList<ScoreEvaluation> current, IReadOnlyList<ScoreEvaluation> candidate) =>
        "Not published: " + string.Join("; ", Worse(current, candidate).Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Candidate.Score} F1 on {p.Candidate.Set} {p.Candidate.F1:F3} against {p.Current.F1:F3}"))) + string.Create(CultureInfo.InvariantCulture, $" (tolerance {Tolerance}).");

    /// <summary>
    /// The SHA-256 of a training set: every example's part, class, severity and text, in an order that does not depend
    /// on the order they were read in. Training is deterministic, so the same set trains the same weights.
    /// </summary>
    public static string TrainingSetOf(IEnumerable<TrainingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var one in examples.Select(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{e.Part}\t{e.Class}\t{e.Severe}\t{e.Stratum}\t{e.Text}")))).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.ASCII.GetBytes(one));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int Of(IReadOnlyDictionary<string, int> counts, string name) => counts.GetValueOrDefault(name);

    private static string StorageNames() => Storage.StorageNames.ModelsContainer + "/" + ModelStore.TrainingPrefix;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraining the moderation model, as {Moderator} asked")]
    private static partial void LogRequested(ILogger logger, string moderator);

    [LoggerMessage(Level = LogLevel.Information, Message = "A retrain asked for by {Moderator} was answered by the retrain at {At}")]
    private static partial void LogAlreadyAnswered(ILogger logger, string moderator, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation model retrained: published {Published}, candidate {Candidate}, in force {InForce}. {Notes}")]
    private static partial void LogRetrained(ILogger logger, bool published, string candidate, string inForce, string notes);
}
