using Commentary.Core.Moderation.Classifier;
using Commentary.Testing;
using Xunit.Abstractions;

namespace Commentary.Tests.Moderation.Classifier;

/// <summary>
/// Holds the shipped model and the shipped thresholds to the figures in docs/moderation-model.md, measured on the test
/// split (never trained on, never used to choose a threshold). A retrained default model that is worse fails here.
/// </summary>
public sealed class ShippedModelGoalsTests(ITestOutputHelper output)
{
    private static readonly Lazy<(OutcomeTable Outcomes, OutcomeTable NewCommenterOutcomes, IReadOnlyList<ScoreEvaluation> Metrics)> Measured = new(Measure);

    /// <summary>The goals hold for comments from commenters in good standing and from new ones (each from its own address).</summary>
    private static IEnumerable<(string Commenter, OutcomeTable Table)> BothCommenters =>
        [("in good standing", Measured.Value.Outcomes), ("new", Measured.Value.NewCommenterOutcomes)];

    [TrainingDataFact]
    public void Legitimate_comments_are_published_and_almost_never_rejected()
    {
        foreach (var (commenter, table) in BothCommenters)
        {
            output.WriteLine($"Commenters {commenter}:");
            output.WriteLine(table.ToMarkdown());
            Assert.True(table.Share("legitimate", OutcomeTable.Rejected) <= 0.005, $"{commenter}: rejected {table.Share("legitimate", OutcomeTable.Rejected)}");
            Assert.True(table.Share("legitimate", OutcomeTable.Published) >= 0.85, $"{commenter}: published {table.Share("legitimate", OutcomeTable.Published)}");
        }
    }

    [TrainingDataFact]
    public void Spam_is_mostly_rejected_and_rarely_published()
    {
        foreach (var (commenter, table) in BothCommenters)
        {
            Assert.True(table.Share("spam", OutcomeTable.Rejected) >= 0.5, $"{commenter}: rejected {table.Share("spam", OutcomeTable.Rejected)}");
            Assert.True(table.Share("spam", OutcomeTable.Published) <= 0.05, $"{commenter}: published {table.Share("spam", OutcomeTable.Published)}");
        }
    }

    /// <summary>
    /// Live spam comes from other videos and other spammers than the three the data has, so the recipe is also held to
    /// what it does on a video it never saw (<see cref="OutOfDomainCheck"/>): 24 of 403 spam comments published from new
    /// commenters (33 from commenters in good standing) and 354 of 443 legitimate ones published (docs/moderation-model.md).
    /// A change that fits the three videos better and the next one worse fails here, whatever the test split says.
    /// </summary>
    [TrainingDataFact]
    public void Spam_from_a_video_the_model_never_saw_is_mostly_kept_off_the_page()
    {
        var data = TrainingData.LoadFolder(TrainingDataFactAttribute.Folder!);
        var checks = OutOfDomainCheck.SpamByVideo([.. data.Examples.Concat(OurCorpus.Examples)], ModerationModel.Shipped);

        double Share(Func<VideoCheck, OutcomeTable> table, string row, string outcome) =>
            (double)checks.Sum(c => table(c).Count(row, outcome)) / checks.Sum(c => table(c).Total(row));
        foreach (var check in checks)
        {
            output.WriteLine($"{check.Video}, new commenters:");
            output.WriteLine(check.NewCommenterOutcomes.ToMarkdown());
        }

        Assert.Equal(3, checks.Count);
        Assert.True(Share(c => c.NewCommenterOutcomes, "spam", OutcomeTable.Published) <= 0.07, "spam published (new commenters) " + Share(c => c.NewCommenterOutcomes, "spam", OutcomeTable.Published));
        Assert.True(Share(c => c.Outcomes, "spam", OutcomeTable.Published) <= 0.09, "spam published (in good standing) " + Share(c => c.Outcomes, "spam", OutcomeTable.Published));
        Assert.True(Share(c => c.NewCommenterOutcomes, "legitimate", OutcomeTable.Published) >= 0.78, "legitimate published (new commenters) " + Share(c => c.NewCommenterOutcomes, "legitimate", OutcomeTable.Published));
        Assert.True(Share(c => c.Outcomes, "legitimate", OutcomeTable.Rejected) <= 0.005, "legitimate rejected " + Share(c => c.Outcomes, "legitimate", OutcomeTable.Rejected));
    }

    [TrainingDataFact]
    public void Severe_abuse_is_rarely_published()
    {
        var table = Measured.Value.Outcomes;

        // 5 of 174 (2.9 %) since the threat phrases among the suspect terms. The goal of 2 % is not met
        // (docs/moderation-model.md).
        Assert.True(table.Share(OutcomeTable.SevereAbuse, OutcomeTable.Published) <= 0.035, "published " + table.Share(OutcomeTable.SevereAbuse, OutcomeTable.Published));
    }

    [TrainingDataFact]
    public void Crisis_posts_wait_for_a_person_mostly_as_urgent_and_everyday_posts_rarely_are()
    {
        var table = Measured.Value.Outcomes;

        Assert.True(table.Share("crisis", OutcomeTable.Held, OutcomeTable.Urgent) >= 0.98, "held " + table.Share("crisis", OutcomeTable.Held, OutcomeTable.Urgent));
        Assert.True(table.Share("crisis", OutcomeTable.Urgent) >= 0.89, "urgent " + table.Share("crisis", OutcomeTable.Urgent));
        Assert.Equal(0, table.Count("crisis", OutcomeTable.Rejected));

        // 19 of 315 (6.0 %; the goal is 5 %): one more than before the urgency score, whose threshold makes 3.8 % of
        // the validation split's everyday posts urgent (docs/moderation-model.md).
        Assert.True(table.Share("everyday", OutcomeTable.Urgent) <= 0.065, "everyday urgent " + table.Share("everyday", OutcomeTable.Urgent));
    }

    [TrainingDataFact]
    public void Each_score_keeps_its_F1()
    {
        var metrics = Measured.Value.Metrics.ToDictionary(m => m.Score);
        foreach (var m in metrics.Values)
        {
            output.WriteLine($"{m.Score}: precision {m.Precision:P1}, recall {m.Recall:P1}, F1 {m.F1:F3}");
        }

        Assert.True(metrics["spam"].F1 >= 0.84);
        Assert.True(metrics["toxic"].F1 >= 0.72);
        Assert.True(metrics["crisis"].F1 >= 0.89);
        Assert.True(metrics["urgency"].F1 >= 0.9);
        Assert.True(metrics["personal"].F1 >= 0.87);
    }

    private static (OutcomeTable, OutcomeTable, IReadOnlyList<ScoreEvaluation>) Measure()
    {
        var data = TrainingData.LoadFolder(TrainingDataFactAttribute.Folder!);
        var model = ModerationModel.Shipped;
        var settings = ModerationSettings.Defaults;
        settings.FirstComment.Enabled = false;
        var test = ModelEvaluation.Score(model, data.Examples.Where(e => e.Part == SplitPart.Test));
        var policy = new ModerationPolicy(settings);
        return (ModelEvaluation.Outcomes(policy, model, test), ModelEvaluation.Outcomes(policy, model, test, ModelEvaluation.NewCommenter),
            ModelEvaluation.Metrics(test, settings.Classifier, "test"));
    }
}
