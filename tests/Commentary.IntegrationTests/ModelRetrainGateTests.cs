using System.Text;
using System.Text.Json;
using Commentary.Core.Moderation.Classifier;
using Xunit.Abstractions;

namespace Commentary.IntegrationTests;

/// <summary>
/// A retrain whose model is not published: the comparison keeps a worse model out, and a retrain with nothing new
/// since then does not train the same model again. It needs no public data: it makes up its own, texts of random words,
/// so that a model trained on part of them cannot predict the labels of the rest, and puts a model in force that learnt
/// all of them, the comparison's too, so no retrain can match it.
/// </summary>
/// <remarks>Published models are global, so this test gets an Azurite and a host of its own.</remarks>
public sealed class ModelRetrainGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_model_worse_than_the_one_in_force_is_not_published_and_the_same_data_is_not_trained_again()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await SelfHost.StartAsync(azurite.ConnectionString);
        var store = host.Services.GetRequiredService<ModelStore>();
        var files = RandomWords(seed: 20261207, perLabel: 40);
        foreach (var (name, bytes) in files)
        {
            using var file = new MemoryStream(bytes);
            await store.UploadTrainingFileAsync(name, file, CancellationToken.None);
        }

        var data = TrainingData.Load(files);
        var knowsAll = ClassifierTrainer.Train(
            data.Examples.Select(e => e with { Part = SplitPart.Train }),
            new ModelManifest { Version = "2026-12-07.000000", TrainedAt = DateTimeOffset.UtcNow, Origin = "retrained", TrainedOn = data.Sources });
        await store.PublishAsync(knowsAll, CancellationToken.None);
        host.Services.GetRequiredService<ModelProvider>().Use(knowsAll);

        // Compared at one half, where a model that has seen a text is sure of it either way.
        await host.ChangeModerationSettingsAsync(settings =>
        {
            var classifier = settings["classifier"]!;
            classifier["spam"]!["holdAt"] = 0.5;
            classifier["toxic"]!["holdAt"] = 0.5;
            classifier["toxic"]!["namedGroupHoldAt"] = 0.5;
            classifier["crisis"]!["holdAt"] = 0.5;
            classifier["crisis"]!["urgentAt"] = 0.5;
        });

        var failed = await host.RetrainModelAsync(after: null);
        output.WriteLine(failed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Assert.False(failed["published"]!.GetValue<bool>());
        Assert.NotNull(failed["newModel"]);
        var notPublished = Assert.Single(Notes(failed), n => n.StartsWith("Not published: ", StringComparison.Ordinal));
        Assert.Contains("spam F1 on test", notPublished, StringComparison.Ordinal);
        Assert.Equal(knowsAll.Version, (await host.GetModeratorJsonAsync("moderation/model"))["version"]!.GetValue<string>());

        // Nothing decided, uploaded or set since: the same data would train the same model and fail the same way.
        var again = await host.RetrainModelAsync(after: failed["at"]!.GetValue<DateTimeOffset>());
        output.WriteLine(string.Join(Environment.NewLine, Notes(again)));
        Assert.False(again["published"]!.GetValue<bool>());
        Assert.Null(again["newModel"]);
        Assert.Contains(Notes(again), n => n.StartsWith("Nothing new to learn since the retrain of ", StringComparison.Ordinal));
        Assert.Contains(notPublished, Notes(again));
        Assert.Equal(failed["trainingSet"]!.GetValue<string>(), again["trainingSet"]!.GetValue<string>());
        Assert.Equal(failed["candidate"]!.ToJsonString(), again["candidate"]!.ToJsonString());

        // New thresholds may change the comparison, so the next retrain trains and compares again.
        await host.ChangeModerationSettingsAsync(settings => settings["classifier"]!["spam"]!["holdAt"] = 0.6);
        var retried = await host.RetrainModelAsync(after: again["at"]!.GetValue<DateTimeOffset>());
        Assert.NotNull(retried["newModel"]);
        Assert.DoesNotContain(Notes(retried), n => n.StartsWith("Nothing new", StringComparison.Ordinal));
        Assert.Contains(Notes(retried), n => n.StartsWith("Not published: ", StringComparison.Ordinal));
    }

    private static string[] Notes(JsonNode report) => [.. report["notes"]!.AsArray().Select(n => n!.GetValue<string>())];

    /// <summary>The three training files, each line a text of 8 to 20 random words with a label chosen in turn.</summary>
    private static Dictionary<string, byte[]> RandomWords(int seed, int perLabel)
    {
        var random = new Random(seed);
        string Word() => new([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]);
        string Text() => string.Join(' ', Enumerable.Range(0, random.Next(8, 21)).Select(_ => Word()));
        byte[] File(string[] labels, Func<string, object> line)
        {
            var text = new StringBuilder();
            for (var i = 0; i < perLabel; i++)
            {
                foreach (var label in labels)
                {
                    text.AppendLine(JsonSerializer.Serialize(line(label)));
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        return new()
        {
            [TrainingData.SpamFile] = File(["spam", "ham"], label => new { text = Text(), label, source = "youtube-01-psy" }),
            [TrainingData.ToxicFile] = File(["toxic", "ham"], label => new { text = Text(), label }),
            [TrainingData.CrisisFile] = File(["crisis", "not-crisis"], label => new { text = Text(), label, source = "sdcnl-teenagers" }),
        };
    }
}
