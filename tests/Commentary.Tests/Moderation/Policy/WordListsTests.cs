namespace Commentary.Tests.Moderation.Policy;

public sealed class WordListsTests
{
    [Fact]
    public void Saved_settings_take_up_the_words_a_release_adds_and_keep_the_sites_own_changes()
    {
        var olderRelease = ModerationSettings.Defaults;
        olderRelease.CrisisLanguage.Terms.Remove("sleep and never wake up");
        var saved = ModerationSettings.FromJson(olderRelease.ToJson());
        saved.SuspectTerms.Terms.Remove("kill you");
        saved.BlockedTerms.Terms.Add("zorbly");

        var added = WordLists.TakeUpReleaseAdditions(saved, WordLists.Snapshot(olderRelease), ModerationSettings.Defaults);

        Assert.Equal(1, added);
        Assert.Contains("sleep and never wake up", saved.CrisisLanguage.Terms);
        Assert.DoesNotContain("kill you", saved.SuspectTerms.Terms);
        Assert.Contains("zorbly", saved.BlockedTerms.Terms);
    }

    [Fact]
    public void Settings_saved_against_the_current_lists_change_nothing()
    {
        var saved = ModerationSettings.Defaults;
        saved.SpamPhrases.Terms.Clear();
        var before = saved.ToJson();

        var added = WordLists.TakeUpReleaseAdditions(saved, WordLists.Snapshot(ModerationSettings.Defaults), ModerationSettings.Defaults);

        Assert.Equal(0, added);
        Assert.Equal(before, saved.ToJson());
    }

    [Fact]
    public void Settings_saved_before_the_lists_were_kept_take_up_every_shipped_word_they_lack()
    {
        var saved = ModerationSettings.Defaults;
        saved.CrisisLanguage.Terms.RemoveAll(t => t.StartsWith("i should", StringComparison.Ordinal));
        saved.PersonalData.StreetWords.Clear();

        var added = WordLists.TakeUpReleaseAdditions(saved, savedAgainst: null, ModerationSettings.Defaults);

        var shipped = ModerationSettings.Defaults;
        Assert.Equal(shipped.CrisisLanguage.Terms.Order(), saved.CrisisLanguage.Terms.Order());
        Assert.Equal(shipped.PersonalData.StreetWords, saved.PersonalData.StreetWords);
        Assert.Equal(2 + shipped.PersonalData.StreetWords.Count, added);
    }

    [Fact]
    public void The_store_keeps_the_lists_beside_the_settings_and_reads_them_back_as_settings_only()
    {
        var settings = ModerationSettings.Defaults;
        settings.BlockedTerms.Terms.Add("zorbly");

        var stored = ModerationSettingsStore.Write(settings);
        var read = ModerationSettingsStore.Read(stored);

        Assert.Contains(ModerationSettingsStore.ShippedWordListsProperty, stored, StringComparison.Ordinal);
        Assert.Equal(settings.ToJson(), read.ToJson());
        Assert.Throws<JsonException>(() => ModerationSettings.FromJson(stored));
    }
}
