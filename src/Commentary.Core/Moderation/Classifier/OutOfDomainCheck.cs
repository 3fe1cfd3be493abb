namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// How the spam score does on a YouTube video it never saw. The spam data comes from three videos, and the split
/// puts texts of every video in every part, so the plain validation and test figures measure spam like the spam it
/// was trained on; the spam a live site gets is from other videos and other spammers. For each video in turn, the
/// spam score is trained as <see cref="ClassifierTrainer"/> trains it on the training part without that video, its
/// thresholds are chosen on the validation part without that video, and the whole policy is run on that video's
/// texts outside the test split (so the check can be run while choosing, and the test split is still only reported).
/// The toxic and crisis scores are the model's own: they saw the video's texts only as negatives.
/// </summary>
public static class OutOfDomainCheck
{
    private const string SpamStratum = "spam-youtube/";

    /// <summary>One result per video in the data, in the order of the videos' names.</summary>
    public static IReadOnlyList<VideoCheck> SpamByVideo(IReadOnlyList<TrainingExample> examples, ModerationModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(model);
        var rulesOnly = ModerationSettings.Defaults;
        rulesOnly.FirstComment.Enabled = false;
        var rules = new ModerationPolicy(rulesOnly);
        var results = new List<VideoCheck>();
        foreach (var video in examples.Select(Video).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var others = examples.Where(e => Video(e) != video).ToList();
            var spam = ClassifierTrainer.TrainScore([.. others.Where(e => e.Part == SplitPart.Train)], ClassifierScore.Spam);
            var without = model.With(ClassifierScore.Spam, spam);
            var thresholds = ThresholdChoice.Choose(ModelEvaluation.Score(without, others.Where(e => e.Part == SplitPart.Validation)), rules);
            var settings = ModerationSettings.Defaults;
            settings.FirstComment.Enabled = false;
            settings.Classifier = thresholds;
            var unseen = ModelEvaluation.Score(without, examples.Where(e => Video(e) == video && e.Part != SplitPart.Test));
            var policy = new ModerationPolicy(settings);
            results.Add(new VideoCheck(video, thresholds.Spam, ModelEvaluation.Outcomes(policy, without, unseen),
                ModelEvaluation.Outcomes(policy, without, unseen, ModelEvaluation.NewCommenter)));
        }

        return results;
    }

    /// <summary>The video a YouTube text came from ("youtube-01-psy"), from its stratum; null for any other text.</summary>
    public static string? Video(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example.Stratum.StartsWith(SpamStratum, StringComparison.Ordinal) ? example.Stratum[(example.Stratum.LastIndexOf('/') + 1)..] : null;
    }
}

/// <summary>
/// The spam score trained without one video: its thresholds, and what the whole policy did with that video's texts,
/// sent by commenters in good standing and by new commenters.
/// </summary>
public sealed record VideoCheck(string Video, ScoreThresholds SpamThresholds, OutcomeTable Outcomes, OutcomeTable NewCommenterOutcomes);
