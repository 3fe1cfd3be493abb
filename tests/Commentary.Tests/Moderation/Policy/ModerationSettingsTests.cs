namespace Commentary.Tests.Moderation.Policy;

public class ModerationSettingsTests
{
    [Fact]
    public void The_shipped_defaults_load_and_have_no_problems()
    {
        var defaults = ModerationSettings.Defaults;

        Assert.Empty(defaults.Problems());
        Assert.Contains("casino bonus", defaults.BlockedTerms.Terms);
        Assert.NotEmpty(defaults.SuspectTerms.Terms);
        Assert.NotEmpty(defaults.SpamPhrases.Terms);
        Assert.NotEmpty(defaults.CrisisLanguage.Terms);
        Assert.NotEmpty(defaults.DisposableEmail.Domains);
        Assert.Contains("com", defaults.Links.TopLevelDomains);
        Assert.Equal((2, 10), (defaults.Links.HoldAt, defaults.Links.RejectAt));
    }

    [Fact]
    public void The_shipped_thresholds_agree_with_the_built_in_ones()
    {
        // A setting left out of a document falls back to the built-in value, so the two must not drift apart.
        var defaults = JsonDocument.Parse(ModerationSettings.Defaults.ToJson()).RootElement;
        var builtIn = JsonDocument.Parse(new ModerationSettings().ToJson()).RootElement;

        foreach (var section in builtIn.EnumerateObject())
        {
            foreach (var setting in section.Value.EnumerateObject().Where(s => s.Value.ValueKind != JsonValueKind.Array))
            {
                Assert.Equal(setting.Value.GetRawText(), defaults.GetProperty(section.Name).GetProperty(setting.Name).GetRawText());
            }
        }
    }

    [Fact]
    public void Each_call_to_Defaults_is_a_fresh_copy()
    {
        var first = ModerationSettings.Defaults;
        first.BlockedTerms.Terms.Clear();
        first.Links.HoldAt = 9;

        var second = ModerationSettings.Defaults;

        Assert.NotEmpty(second.BlockedTerms.Terms);
        Assert.Equal(2, second.Links.HoldAt);
    }

    [Fact]
    public void Settings_round_trip_through_json()
    {
        var settings = ModerationSettings.Defaults;
        settings.Links.HoldAt = 3;
        settings.Links.RejectAt = 8;
        settings.Shouting.CapitalShare = 0.85;
        settings.FirstComment.Enabled = false;
        settings.BlockedTerms.Terms.Add("brand new term");

        var json = settings.ToJson();
        var back = ModerationSettings.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal(3, back.Links.HoldAt);
        Assert.Equal(0.85, back.Shouting.CapitalShare);
        Assert.False(back.FirstComment.Enabled);
        Assert.Contains("brand new term", back.BlockedTerms.Terms);
    }

    [Fact]
    public void Json_is_indented_camel_case()
    {
        var json = ModerationSettings.Defaults.ToJson();

        Assert.Contains("\n  \"blockedTerms\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"holdAt\": 2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"BlockedTerms\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_settings_take_their_shipped_values()
    {
        var settings = ModerationSettings.FromJson("""{ "links": { "holdAt": 3 }, /* a comment */ }""");

        Assert.Equal(3, settings.Links.HoldAt);
        Assert.Equal(10, settings.Links.RejectAt);
        Assert.True(settings.Shouting.Enabled);
        Assert.Equal(ModerationSettings.Defaults.BlockedTerms.Terms, settings.BlockedTerms.Terms);
    }

    [Theory]
    [InlineData("""{ "firstComment": { "enabled": false } }""")]
    [InlineData("""{ "FirstComment": { "Enabled": false } }""")]
    public void Switching_off_one_rule_keeps_every_shipped_list_and_threshold(string json)
    {
        var expected = ModerationSettings.Defaults;
        expected.FirstComment.Enabled = false;

        Assert.Equal(expected.ToJson(), ModerationSettings.FromJson(json).ToJson());
    }

    [Fact]
    public void A_list_that_is_given_replaces_the_shipped_one_and_a_threshold_left_out_is_the_shipped_one()
    {
        var settings = ModerationSettings.FromJson("""
            { "blockedTerms": { "terms": ["only this"] }, "crisisLanguage": { "enabled": false },
              "classifier": { "crisis": { "urgentAt": 0.7 } } }
            """);
        var shipped = ModerationSettings.Defaults;

        Assert.Equal(["only this"], settings.BlockedTerms.Terms);
        Assert.False(settings.CrisisLanguage.Enabled);
        Assert.Equal(shipped.CrisisLanguage.Terms, settings.CrisisLanguage.Terms);
        Assert.Equal(0.7, settings.Classifier.Crisis.UrgentAt);
        Assert.Equal(shipped.Classifier.Crisis.HoldAt, settings.Classifier.Crisis.HoldAt);
        Assert.Equal(shipped.Classifier.Crisis.PersonalHoldAt, settings.Classifier.Crisis.PersonalHoldAt);
    }

    [Theory]
    [InlineData("""{ "blokedTerms": { "terms": [] } }""")]
    [InlineData("""{ "links": { "holdAt": "two" } }""")]
    [InlineData("""{ "links": null }""")]
    [InlineData("""{ "blockedTerms": { "terms": null } }""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{ "links": { "holdAt": 3 }, "links": { "holdAt": 4 } }""")]
    [InlineData("""{ "links": { "holdAt": 3 }, "Links": { "holdAt": 4 } }""")]
    [InlineData("""{ "links": { "holdAt": 3, "holdAt": 4 } }""")]
    [InlineData("not json")]
    public void Unreadable_documents_are_refused_with_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ModerationSettings.FromJson(json));
    }

    [Fact]
    public void The_classifier_thresholds_in_code_are_the_shipped_ones()
    {
        // Code that builds settings without a document gets the code's; both are written from one `model train` run.
        Assert.Equal(
            JsonSerializer.Serialize(ModerationSettings.Defaults.Classifier),
            JsonSerializer.Serialize(new ClassifierSettings()));
    }

    [Fact]
    public void Problems_name_each_bad_threshold_by_its_json_path()
    {
        var settings = ModerationSettings.Defaults;
        settings.Links.HoldAt = 0;
        settings.Links.RejectAt = 0;
        settings.Links.NewCommenterHoldAt = 0;
        settings.SpamPhrases.RejectAt = 1;
        settings.Shouting.CapitalShare = 1.5;
        settings.MostlyLink.LinkShare = 0;
        settings.RepeatedCharacters.RunLength = 1;
        settings.Flood.MaxRecentFromIp = -1;
        settings.PersonalData.PhoneMinDigits = 3;
        settings.SuspiciousAuthor.MaxWords = 0;
        settings.Classifier.Toxic.NamedGroupHoldAt = 1.5;
        settings.Classifier.Crisis.UrgentAt = -0.1;
        settings.Classifier.Crisis.PersonalHoldAt = 0;

        var problems = settings.Problems();

        foreach (var path in new[]
        {
            "links.holdAt", "links.rejectAt", "links.newCommenterHoldAt", "spamPhrases.rejectAt", "shouting.capitalShare", "mostlyLink.linkShare",
            "repeatedCharacters.runLength", "flood.maxRecentFromIp", "personalData.phoneMinDigits", "suspiciousAuthor.maxWords",
            "classifier.toxic.namedGroupHoldAt", "classifier.crisis.urgentAt", "classifier.crisis.personalHoldAt",
        })
        {
            Assert.Contains(problems, p => p.StartsWith(path + " ", StringComparison.Ordinal));
        }

        Assert.Equal(13, problems.Count);
    }

    [Fact]
    public void A_new_commenters_link_threshold_above_everyones_is_a_problem()
    {
        var settings = ModerationSettings.Defaults;
        settings.Links.NewCommenterHoldAt = settings.Links.HoldAt + 1;

        var problem = Assert.Single(settings.Problems());

        Assert.StartsWith("links.newCommenterHoldAt must be from 1 to links.holdAt (2)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("ab", "at least 3 letters")]
    [InlineData("fu*", "4 letters before '*'")]
    [InlineData("f*ck", "only have '*' at its end")]
    [InlineData("route 66", "a number")]
    [InlineData("привет", "cannot match")]
    public void Problems_explain_terms_that_could_never_match(string term, string complaint)
    {
        var settings = ModerationSettings.Defaults;
        settings.SuspectTerms.Terms.Add(term);

        var problem = Assert.Single(settings.Problems());

        Assert.StartsWith($"suspectTerms.terms[{settings.SuspectTerms.Terms.Count - 1}]", problem, StringComparison.Ordinal);
        Assert.Contains(complaint, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_refuse_overlong_terms_and_lists()
    {
        var settings = ModerationSettings.Defaults;
        settings.BlockedTerms.Terms.Add(new string('x', 101));
        settings.SpamPhrases.Terms = [.. Enumerable.Repeat("buy now", 5001)];
        settings.DisposableEmail.Domains.Add("not a domain");
        settings.Links.TopLevelDomains.Add("c0m");

        var problems = settings.Problems();

        Assert.Contains(problems, p => p.StartsWith("blockedTerms.terms[", StringComparison.Ordinal) && p.Contains("longer than 100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("spamPhrases.terms has 5001 entries", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("disposableEmail.domains[", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("links.topLevelDomains[", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_run_of_bad_terms_is_summarised()
    {
        var settings = ModerationSettings.Defaults;
        settings.SuspectTerms.Terms = [.. Enumerable.Repeat("x", 25)];

        var problems = settings.Problems();

        Assert.Equal(11, problems.Count);
        Assert.Equal("suspectTerms.terms has 15 more problems like these.", problems[^1]);
    }

    [Fact]
    public void Problems_report_a_missing_section()
    {
        var settings = new ModerationSettings { Links = null! };

        Assert.Equal(["links is missing."], settings.Problems());
    }
}
