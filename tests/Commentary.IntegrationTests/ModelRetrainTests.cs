using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Moderation.Policy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Commentary.IntegrationTests;

/// <summary>
/// The retrain that learns from the site's moderators, end to end: the public data uploaded as
/// <c>commentary model upload-data</c> puts it, a spam campaign and a run of harassment that the shipped model lets
/// through, decided by a moderator over HTTP with ordinary comments beside them, a retrain asked for over HTTP, and
/// then the model in force, what it does to the campaign's next comment, and another worker taking it up.
/// </summary>
/// <remarks>
/// Published models are global, so this test gets an Azurite and a host of its own. Training keeps a core busy for
/// half a minute, so it runs after the other tests of this assembly, not beside them.
/// </remarks>
[Collection(RunsAlone.Name)]
public sealed class ModelRetrainTests(ITestOutputHelper output)
{
    /// <summary>Comfortably over <see cref="ModelRetrainer.MinimumPerClass"/> once a fifth is held out for the comparison.</summary>
    private const int PerClass = 70;

    [TrainingDataFact]
    public async Task A_retrain_learns_the_moderators_decisions_publishes_the_model_and_every_worker_takes_it_up()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await SelfHost.StartAsync(azurite.ConnectionString, SelfHost.BehindLocalProxy);
        var store = host.Services.GetRequiredService<ModelStore>();
        foreach (var name in TrainingData.Files)
        {
            await using var file = File.OpenRead(Path.Combine(TrainingDataFactAttribute.Folder!, name));
            await store.UploadTrainingFileAsync(name, file, CancellationToken.None);
        }

        var shipped = ModerationModel.Shipped;
        var probeSpam = "CalmLeaf balm took away my panic in two days! DM me for the 40% discount";
        var probeAbuse = "Whoever runs this site is a smug fraud and a waste of oxygen";
        Assert.True(shipped.Score(probeSpam).Spam < ModerationSettings.Defaults.Classifier.Spam.HoldAt, "the shipped model already knows the campaign");

        // What the moderator decides, each comment from its own reader, the first-comment hold on as shipped.
        var slug = await host.AddArticleAsync("retrain");
        var n = 0;
        foreach (var (body, action, reason) in Site())
        {
            var id = await host.SubmitAsReaderAsync(slug, ++n, body);
            await host.StoredStatusAsync(slug, id);
            await host.ModerateAsync(action, slug, id, reason is null ? null : new { reason });
        }

        var report = await host.RetrainModelAsync(after: null);
        output.WriteLine(report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.True(report["published"]!.GetValue<bool>(), "not published: " + report["notes"]!.ToJsonString());
        var version = report["newModel"]!.GetValue<string>();

        // The model in force is the new one, trained on the public data and the moderators' decisions.
        var model = await host.GetModeratorJsonAsync("moderation/model");
        Assert.Equal(version, model["version"]!.GetValue<string>());
        Assert.Equal("retrained", model["origin"]!.GetValue<string>());
        var decisions = Assert.Single(model["trainedOn"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "moderator decisions");
        // Four fifths of each class train it, the rest is the comparison's held-out slice. Every decision teaches, the
        // rejection of harassment the policy had rejected already too: the moderator's reject makes it theirs.
        foreach (var taught in (string[])["legitimate", "spam", "toxic"])
        {
            Assert.Equal(PerClass - (int)Math.Round(PerClass * ModelRetrainer.SiteHeldOutShare), decisions!["items"]![taught]!.GetValue<int>());
        }

        // Asked again with nothing decided since, it has nothing new to learn: the same texts would train the same weights.
        var again = await host.RetrainModelAsync(after: report["at"]!.GetValue<DateTimeOffset>());
        Assert.False(again["published"]!.GetValue<bool>());
        Assert.Contains($"Nothing new to learn since model {version}", again["notes"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(version, (await host.GetModeratorJsonAsync("moderation/model"))["version"]!.GetValue<string>());

        // On the held-out slice of the site's decisions the new model tells the campaign and the harassment apart.
        var siteSlice = report["candidate"]!.AsArray().Where(e => e!["set"]!.GetValue<string>() == "site held-out").ToDictionary(e => e!["score"]!.GetValue<string>());
        Assert.True(siteSlice["spam"]!["f1"]!.GetValue<double>() > 0.9, siteSlice["spam"]!.ToJsonString());
        Assert.True(siteSlice["toxic"]!["f1"]!.GetValue<double>() > 0.9, siteSlice["toxic"]!.ToJsonString());

        // It learnt what the moderators taught it: the campaign's next comment, which the shipped model published, is
        // now stopped by the spam score, and harassment of the same kind scores higher for toxicity.
        var retrained = await store.LoadAsync(version, CancellationToken.None);
        Assert.True(retrained.Score(probeAbuse).Toxic > shipped.Score(probeAbuse).Toxic,
            $"toxic {retrained.Score(probeAbuse).Toxic:F3} against {shipped.Score(probeAbuse).Toxic:F3}");
        var regular = $"regular-{Guid.NewGuid():N}@example.org";
        await host.SubmitApprovedAsync(slug, "Regular", regular, "Thank you, the part about sleep helped me a lot.");
        var probe = await host.SubmitAsync(slug, "Regular", regular, probeSpam);
        Assert.NotEqual("approved", await host.StoredStatusAsync(slug, probe));
        var stored = (await host.Services.GetRequiredService<CommentStore>().FindAsync(slug, probe, CancellationToken.None))!;
        var spamReason = Assert.Single(stored.Reasons, r => r.Rule == ModerationRules.SpamClassifier);
        Assert.EndsWith("model " + version, spamReason.Detail, StringComparison.Ordinal);

        // Another worker follows the pointer on its next check.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var worker = new ModelProvider(store, clock, NullLogger<ModelProvider>.Instance);
        var inForce = await worker.CurrentAsync(CancellationToken.None);
        Assert.False(inForce.Degraded);
        Assert.Equal(version, inForce.Model.Version);
        Assert.Equal(retrained.Score(probeSpam), inForce.Model.Score(probeSpam));
    }

    /// <summary>
    /// A site's week: ordinary comments the moderator approves, a campaign for a supplement that the moderator marks as
    /// spam, and harassment of the author and readers rejected as such. Each is built from parts, so no two are alike.
    /// </summary>
    private static IEnumerable<(string Body, string Action, string? Reason)> Site()
    {
        string[] openers = ["Thank you for this.", "This really helped.", "I printed this out.", "Reading this at my kitchen table.", "My therapist sent me this link.", "Such a kind article.", "I needed this today."];
        string[] topics = ["the section on worry time", "the part about early waking", "the breathing exercise", "the advice on talking to family", "the idea of a wind-down hour", "the note about caffeine", "the list of small steps", "the bit about self-compassion", "the tip about writing thoughts down", "the reminder that setbacks are normal"];
        string[] closers = ["made sense to me.", "is something I will try this week.", "is exactly what my GP said.", "is going on my fridge."];
        string[] products = ["CalmLeaf gummies", "CalmLeaf drops", "CalmLeaf sleep tea", "CalmLeaf patches", "CalmLeaf capsules", "CalmLeaf spray", "CalmLeaf oil"];
        string[] claims = ["ended my anxiety in three days", "fixed my sleep in a week", "replaced my medication", "cured my panic attacks", "work better than therapy", "calmed my nerves for good", "gave me my life back", "stopped my worrying overnight", "beat my insomnia", "are doctor approved"];
        string[] calls = ["order at calmleaf-shop dot net with code CALM40", "DM me for the 40% discount", "link in my profile, limited stock"];
        string[] targets = ["Maya", "The author", "Whoever wrote this", "This so-called expert", "Everyone in these comments", "The people who run this site", "You lot"];
        string[] insults = ["is a fraud who should be struck off", "is a clueless quack", "is pathetic and nobody respects you", "should be ashamed, you disgusting liar", "is a waste of oxygen", "are attention-seeking losers", "is a moron peddling garbage", "deserves every bad review, you useless hack", "is a smug idiot", "is a liar and a creep"];

        for (var i = 0; i < PerClass; i++)
        {
            var topic = topics[i % topics.Length];
            yield return ($"{openers[i % openers.Length]} {char.ToUpperInvariant(topic[0])}{topic[1..]} {closers[i / topics.Length % closers.Length]}", "approve", null);
            yield return ($"{products[i % products.Length]} {claims[i / products.Length % claims.Length]}! {calls[i % calls.Length]}", "spam", null);
            yield return ($"{targets[i % targets.Length]} {insults[i / targets.Length % insults.Length]}", "reject", "Harassment of the author and readers");
        }
    }
}
