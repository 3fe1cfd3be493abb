namespace Commentary.Tests.Moderation.Policy;

public class CrisisResourceSettingsTests
{
    private static ModerationSettings WithSet(Action<CrisisResourceSet> change)
    {
        var settings = ModerationSettings.Defaults;
        var set = new CrisisResourceSet
        {
            Countries = ["US"],
            Heading = "You don't have to face this alone",
            Message = "Someone can talk with you right now.",
            Resources = [new CrisisResource { Name = "988 Suicide & Crisis Lifeline", Phone = "988", Sms = "988", Url = "https://988lifeline.org" }],
        };
        change(set);
        settings.CrisisResources.Sets.Add(set);
        return settings;
    }

    private static ModerationSettings WithEntry(Action<CrisisResource> change) =>
        WithSet(set => change(set.Resources[0]));

    [Fact]
    public void The_shipped_defaults_are_a_neutral_message_pointing_to_local_emergency_services()
    {
        var crisis = ModerationSettings.Defaults.CrisisResources;

        Assert.True(crisis.Enabled);
        Assert.Empty(crisis.Sets);
        Assert.Empty(crisis.Default.Resources);
        Assert.Contains("local emergency services", crisis.Default.Message, StringComparison.Ordinal);
        Assert.Contains("{resources}", crisis.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(WithSet(_ => { }).Problems());
    }

    public static TheoryData<string, Action<CrisisResource>> BadEntries => new()
    {
        { "crisisResources.sets[0].resources[0].url", e => e.Url = "javascript:alert(1)" },
        { "crisisResources.sets[0].resources[0].url", e => e.Url = "data:text/html,<script>alert(1)</script>" },
        { "crisisResources.sets[0].resources[0].url", e => e.Url = "http://988lifeline.org" },
        { "crisisResources.sets[0].resources[0].url", e => e.Url = "https://user:pass@example.org" },
        { "crisisResources.sets[0].resources[0].url", e => e.Url = "https://example.org/" + new string('a', 500) },
        { "crisisResources.sets[0].resources[0].phone", e => e.Phone = "1-800-SUICIDE" },
        { "crisisResources.sets[0].resources[0].phone", e => e.Phone = "9" },
        { "crisisResources.sets[0].resources[0].phone", e => e.Phone = "12+34" },
        { "crisisResources.sets[0].resources[0].sms", e => e.Sms = "HOME" },
        { "crisisResources.sets[0].resources[0].name", e => e.Name = "" },
        { "crisisResources.sets[0].resources[0].name", e => e.Name = new string('n', 101) },
        { "crisisResources.sets[0].resources[0].name", e => e.Name = "Two\nlines" },
        { "crisisResources.sets[0].resources[0].description", e => e.Description = new string('d', 301) },
        { "crisisResources.sets[0].resources[0]", e => (e.Phone, e.Sms, e.Url) = (null, null, null) },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Unsafe_or_malformed_entries_are_refused_by_json_path(string path, Action<CrisisResource> change)
    {
        var problem = Assert.Single(WithEntry(change).Problems());

        Assert.StartsWith(path + " ", problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<CrisisResourceSet>> BadSets => new()
    {
        { "crisisResources.sets[0].countries[0]", s => s.Countries = ["XX"] },
        { "crisisResources.sets[0].countries[0]", s => s.Countries = ["USA"] },
        { "crisisResources.sets[0].languages[0]", s => s.Languages = ["english!"] },
        { "crisisResources.sets[0]", s => s.Countries = [] },
        { "crisisResources.sets[0].heading", s => s.Heading = new string('h', 121) },
        { "crisisResources.sets[0].message", s => s.Message = new string('m', 601) },
        { "crisisResources.sets[0].message", s => s.Message = " " },
        { "crisisResources.sets[0].resources", s => s.Resources = [.. Enumerable.Range(0, 21).Select(i => new CrisisResource { Name = $"Line {i}", Phone = "116 123" })] },
    };

    [Theory]
    [MemberData(nameof(BadSets))]
    public void Sets_for_unknown_countries_or_over_their_limits_are_refused_by_json_path(string path, Action<CrisisResourceSet> change)
    {
        var problem = Assert.Single(WithSet(change).Problems());

        Assert.StartsWith(path + " ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_entries_are_allowed_and_the_default_set_is_for_everyone()
    {
        var settings = WithSet(s => s.Resources = [.. Enumerable.Range(0, 20).Select(i => new CrisisResource { Name = $"Line {i}", Phone = "+44 (0)116 123" })]);
        Assert.Empty(settings.Problems());

        settings.CrisisResources.Default.Countries = ["GB"];
        settings.CrisisResources.Reply.Subject = "";
        var problems = settings.Problems();
        Assert.Contains(problems, p => p.StartsWith("crisisResources.default ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("crisisResources.reply.subject ", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_with_crisis_resources_round_trip_through_json()
    {
        var settings = WithSet(s => s.Languages = ["en-US"]);

        var back = ModerationSettings.FromJson(settings.ToJson());

        Assert.Equal(settings.ToJson(), back.ToJson());
        Assert.Equal("988", back.CrisisResources.Sets[0].Resources[0].Phone);
    }

    [Theory]
    [InlineData("US", null, null, "country US")]
    [InlineData("us", "de", null, "country US")]
    [InlineData("DE", "de-AT", null, "language de")]
    [InlineData(null, "de-AT", "en-US", "language de")]
    [InlineData(null, null, "fr-CH, de;q=0.8, en;q=0.9", "language en-US")]
    [InlineData(null, null, "pt-BR", "language pt-BR")]
    [InlineData(null, null, "pt-PT,fr;q=0.5", "language pt")]
    [InlineData(null, null, "de;q=0, fr", "default")]
    [InlineData("FR", "sv", "*", "default")]
    [InlineData("javascript:alert(1)", "<script>", "💥", "default")]
    public void The_set_fits_the_page_country_then_the_widget_language_then_the_browser(string? country, string? language, string? acceptLanguage, string expected)
    {
        var settings = ModerationSettings.Defaults.CrisisResources;
        settings.Sets.Add(new CrisisResourceSet { Countries = ["US"], Languages = ["en-US"], Heading = "US", Message = "m" });
        settings.Sets.Add(new CrisisResourceSet { Countries = ["AT"], Languages = ["de"], Heading = "DE", Message = "m" });
        settings.Sets.Add(new CrisisResourceSet { Languages = ["pt", "pt-BR"], Heading = "PT", Message = "m" });

        var match = settings.Choose(country, language, acceptLanguage);

        Assert.Equal(expected, match.Key);
        Assert.Same(match.Set, settings.Find(match.Key));
    }

    [Fact]
    public void The_reply_draft_fills_in_the_writer_the_article_the_resources_and_the_moderator()
    {
        var settings = WithSet(_ => { }).CrisisResources;
        var comment = new Comment
        {
            Slug = "sleep",
            Id = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V",
            Author = "Robin",
            Email = "robin@example.com",
            Body = "I want to die.",
            Created = DateTimeOffset.UnixEpoch,
            Status = CommentStatus.Pending,
            Priority = CommentPriority.Urgent,
        };

        var draft = CrisisSupport.Draft(settings.Reply, comment, "When anxiety wakes you at 4am", settings.Sets[0], "Mira");

        Assert.Equal("About your comment on When anxiety wakes you at 4am", draft.Subject);
        Assert.StartsWith("Hello Robin,", draft.Text, StringComparison.Ordinal);
        Assert.Contains("- 988 Suicide & Crisis Lifeline\n  call 988 · text 988 · https://988lifeline.org", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Mira", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("robin@example.com", draft.Text, StringComparison.Ordinal);
    }
}
