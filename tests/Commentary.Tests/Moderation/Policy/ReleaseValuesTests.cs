using System.Text.Json.Nodes;

namespace Commentary.Tests.Moderation.Policy;

public sealed class ReleaseValuesTests
{
    private static JsonObject Json(ModerationSettings settings) => JsonNode.Parse(settings.ToJson())!.AsObject();

    /// <summary>What an earlier release shipped: other thresholds, another crisis message.</summary>
    private static ModerationSettings EarlierRelease()
    {
        var earlier = ModerationSettings.Defaults;
        earlier.Links.RejectAt = 5;
        earlier.Classifier.Crisis.UrgentAt = 0.58;
        earlier.Classifier.Spam.HoldAt = 0.05;
        earlier.CrisisResources.Default.Heading = "Help is here";
        return earlier;
    }

    [Fact]
    public void Values_the_site_left_as_shipped_follow_the_release_and_its_own_stay()
    {
        var earlier = EarlierRelease();
        var saved = ModerationSettings.FromJson(earlier.ToJson());
        saved.FirstComment.Enabled = false;
        saved.Classifier.Spam.HoldAt = 0.3;
        var document = Json(saved);

        var taken = ReleaseValues.TakeUpReleaseChanges(document, ReleaseValues.Snapshot(Json(earlier)), ReleaseValues.Shipped);

        var read = ModerationSettings.FromJson(document.ToJsonString());
        var shipped = ModerationSettings.Defaults;
        Assert.Equal(3, taken);
        Assert.Equal(shipped.Links.RejectAt, read.Links.RejectAt);
        Assert.Equal(shipped.Classifier.Crisis.UrgentAt, read.Classifier.Crisis.UrgentAt);
        Assert.Equal(shipped.CrisisResources.Default.Heading, read.CrisisResources.Default.Heading);
        Assert.Equal(0.3, read.Classifier.Spam.HoldAt);
        Assert.False(read.FirstComment.Enabled);
    }

    [Fact]
    public void The_store_reads_settings_saved_by_an_earlier_release_with_this_releases_values()
    {
        var earlier = EarlierRelease();
        var saved = ModerationSettings.FromJson(earlier.ToJson());
        saved.FirstComment.Enabled = false;
        var stored = JsonNode.Parse(ModerationSettingsStore.Write(saved))!.AsObject();
        stored[ModerationSettingsStore.ShippedValuesProperty] = ReleaseValues.Snapshot(Json(earlier));

        var read = ModerationSettingsStore.Read(stored.ToJsonString());

        var expected = ModerationSettings.Defaults;
        expected.FirstComment.Enabled = false;
        Assert.Equal(expected.ToJson(), read.ToJson());
    }

    [Fact]
    public void Settings_saved_before_the_values_were_kept_keep_every_value()
    {
        var saved = EarlierRelease();
        var stored = JsonNode.Parse(ModerationSettingsStore.Write(saved))!.AsObject();
        stored.Remove(ModerationSettingsStore.ShippedValuesProperty);

        var read = ModerationSettingsStore.Read(stored.ToJsonString());

        Assert.Equal(5, read.Links.RejectAt);
        Assert.Equal(0.58, read.Classifier.Crisis.UrgentAt);
    }

    [Fact]
    public void Lists_are_not_values()
    {
        var snapshot = ReleaseValues.Snapshot(Json(ModerationSettings.Defaults));

        Assert.Contains("links.rejectAt", snapshot.Select(p => p.Key));
        Assert.Contains("classifier.crisis.personalHoldAt", snapshot.Select(p => p.Key));
        Assert.DoesNotContain(snapshot, p => p.Key.StartsWith("blockedTerms.terms", StringComparison.Ordinal));
    }
}
