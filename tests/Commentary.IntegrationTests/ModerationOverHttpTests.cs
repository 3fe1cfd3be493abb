using System.Text;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Moderation.Policy;
using Xunit.Abstractions;

namespace Commentary.IntegrationTests;

/// <summary>
/// The running service decides as the offline evaluation in docs/moderation-model.md says it does. Public labelled
/// texts of the test split are posted the way an outside evaluation posts them: over HTTP, the first-comment hold
/// switched off through <c>PUT /api/moderation/settings</c>, each comment from its own email address and its own IP
/// address (through a trusted proxy's <c>X-Forwarded-For</c>). Every stored status and priority must be the one the
/// policy gives the same text offline, so the figures measured offline are the service's figures.
/// </summary>
/// <remarks>Settings are global, so this test gets an Azurite and a host of its own.</remarks>
public sealed class ModerationOverHttpTests(ITestOutputHelper output)
{
    /// <summary>How many texts of each source and label the test posts: enough for every rule and score to act, few enough to drain in seconds.</summary>
    private const int PerStratum = 15;

    [TrainingDataFact]
    public async Task Comments_posted_over_http_by_new_commenters_get_the_outcome_the_offline_evaluation_gives()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await SelfHost.StartAsync(azurite.ConnectionString, SelfHost.BehindLocalProxy);
        await host.ChangeModerationSettingsAsync(settings => settings["firstComment"]!["enabled"] = false);
        var slug = await host.AddArticleAsync("over-http");

        var settings = ModerationSettings.Defaults;
        settings.FirstComment.Enabled = false;
        var policy = new ModerationPolicy(settings);
        var model = ModerationModel.Shipped;

        var posted = new List<(TrainingExample Example, string Id, string Expected)>();
        var n = 0;
        foreach (var example in Sample(TrainingData.LoadFolder(TrainingDataFactAttribute.Folder!).Examples))
        {
            var id = await host.SubmitAsReaderAsync(slug, ++n, example.Text);

            var body = example.Text.Trim();
            var input = ModelEvaluation.Input(body, ModelEvaluation.NewCommenter) with { Classifier = new ClassifierVerdict(model.Score(body), model.Version) };
            posted.Add((example, id, ModelEvaluation.Outcome(policy.Decide(input))));
        }

        var table = new OutcomeTable();
        var differences = new StringBuilder();
        foreach (var (example, id, expected) in posted)
        {
            await host.StoredStatusAsync(slug, id);
            var stored = (await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None))!;
            var actual = ModelEvaluation.Outcome(new ModerationDecision(stored.Status, 0, []) { Priority = stored.Priority });
            table.Add(TrainingData.ClassName(example.Class), actual);
            if (actual != expected)
            {
                differences.AppendLine($"{id} ({TrainingData.ClassName(example.Class)}): {actual} over HTTP, {expected} offline: {example.Text[..Math.Min(80, example.Text.Length)]}");
            }
        }

        output.WriteLine($"{posted.Count} comments over HTTP, new commenters, first-comment hold off:");
        output.WriteLine(table.ToMarkdown());
        Assert.True(differences.Length == 0, "Over HTTP and offline differ:\n" + differences);

        // The sample reaches every outcome the evaluation reports, so the agreement above is about all of them.
        Assert.All([OutcomeTable.Published, OutcomeTable.Held, OutcomeTable.Urgent, OutcomeTable.Rejected],
            outcome => Assert.True(posted.Any(p => p.Expected == outcome), $"no comment of the sample is {outcome}"));
    }

    /// <summary>
    /// The first texts of each source and label in the test split (its order is by the texts' hashes, so this is a
    /// fixed and unbiased sample), one per body fingerprint, so that the duplicate rule, which offline has no earlier
    /// comments to compare with, never fires over HTTP either.
    /// </summary>
    private static IEnumerable<TrainingExample> Sample(IEnumerable<TrainingExample> examples)
    {
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        return examples
            .Where(e => e.Part == SplitPart.Test && e.Text.Trim().Length is >= SubmissionValidator.BodyMin and <= SubmissionValidator.BodyMax)
            .Where(e => fingerprints.Add(BodyFingerprint.Of(e.Text.Trim())))
            .GroupBy(e => e.Stratum)
            .SelectMany(g => g.Take(PerStratum))
            .ToList();
    }
}
