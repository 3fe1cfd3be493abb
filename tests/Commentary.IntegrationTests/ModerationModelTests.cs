using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Moderation.Policy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Commentary.IntegrationTests;

/// <summary>The classifier in the running service: its reasons, its model endpoint, published models and bad ones.</summary>
/// <remarks>Published models are global, so these tests get an Azurite and a host of their own.</remarks>
public sealed class ModerationModelTests : IClassFixture<StorageFixture>
{
    private readonly SelfHost _host;

    public ModerationModelTests(StorageFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    [Fact]
    public async Task The_model_endpoint_answers_the_shipped_model_and_its_evaluation()
    {
        var model = await _host.GetModeratorJsonAsync("moderation/model");

        Assert.Equal(ModerationModel.Shipped.Version, model["version"]!.GetValue<string>());
        Assert.Equal("shipped", model["origin"]!.GetValue<string>());
        Assert.Equal("ok", model["state"]!.GetValue<string>());
        Assert.Equal(5, model["evaluation"]!.AsArray().Count);

        using var anonymous = await _host.Client.GetAsync("moderation/model");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_trusted_commenter_still_meets_the_classifier()
    {
        var slug = await _host.AddArticleAsync("trusted");
        var email = $"regular-{Guid.NewGuid():N}@example.com";
        var first = await _host.SubmitApprovedAsync(slug, "Regular", email, "Thank you, the part about sleep helped me a lot.");

        var spam = await _host.SubmitAsync(slug, "Regular", email, "Subscribe to my channel!! Check out my new video, please subscribe and share, sub back!");

        Assert.Equal("rejected", await _host.StoredStatusAsync(slug, spam));
        var record = await _host.ListedForModerationAsync(slug, spam, "rejected");
        var reason = Assert.Single(record["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == ModerationRules.SpamClassifier);
        Assert.Matches(@"^spam score [01]\.\d\d \(threshold 0\.\d+ to reject\) — model ", reason!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_model_that_does_not_load_leaves_the_previous_one_and_says_degraded_then_a_good_one_is_picked_up()
    {
        var store = _host.Services.GetRequiredService<ModelStore>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var provider = new ModelProvider(store, clock, NullLogger<ModelProvider>.Instance);
        await _host.Storage.Models.GetBlobClient(ModelStore.ModelBlob("broken")).UploadAsync(BinaryData.FromString("not a model"), overwrite: true);
        await _host.Storage.Models.GetBlobClient(ModelStore.PointerBlob).UploadAsync(BinaryData.FromString("broken"), overwrite: true);

        var degraded = await provider.CurrentAsync(CancellationToken.None);

        Assert.True(degraded.Degraded);
        Assert.Equal(ModerationModel.Shipped.Version, degraded.Model.Version);
        Assert.Contains(ModelStore.ModelBlob("broken"), degraded.Problem, StringComparison.Ordinal);

        var shipped = ModerationModel.Shipped;
        var next = shipped.With(shipped.Manifest with { Version = "9999-01-01.0000", Origin = "retrained" });
        await store.PublishAsync(next, CancellationToken.None);
        Assert.Equal(ModerationModel.Shipped.Version, (await provider.CurrentAsync(CancellationToken.None)).Model.Version);

        clock.Advance(ModelProvider.RefreshInterval);
        var picked = await provider.CurrentAsync(CancellationToken.None);

        Assert.False(picked.Degraded);
        Assert.Equal("9999-01-01.0000", picked.Model.Version);
        Assert.Equal(shipped.Score("check out my channel"), picked.Model.Score("check out my channel"));
    }

    [Fact]
    public async Task A_retrain_without_data_to_learn_from_keeps_the_model_and_says_why()
    {
        using (var request = _host.AsModerator(HttpMethod.Post, "moderation/model/retrain"))
        using (var response = await _host.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("/api/moderation/model", response.Headers.Location!.OriginalString);
            Assert.Equal("queued", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        }

        // The retrain runs after the answer, from the model-retrain queue; its report is the signal it finished.
        var report = await Eventually.GetAsync<JsonNode>(async () => (await _host.GetModeratorJsonAsync("moderation/model"))["lastRetrain"],
            "the retrain's report", TimeSpan.FromMinutes(2));

        Assert.False(report["published"]!.GetValue<bool>());
        var notes = string.Join(" ", report["notes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Too few moderator decisions", notes, StringComparison.Ordinal);
        Assert.Contains("commentary model upload-data", notes, StringComparison.Ordinal);
    }
}
