namespace Commentary.IntegrationTests;

/// <summary>
/// Crisis resources configured per country and language, chosen for the writer by the widget's hints and the
/// browser's Accept-Language; and the moderator's private reply, sent through a real SMTP server hosted by the test.
/// </summary>
public sealed class CrisisReplyTests(CrisisFixture fixture) : IClassFixture<CrisisFixture>
{
    private readonly SelfHost _host = fixture.Host;

    private async Task<(string Slug, string Id, string Email)> CrisisCommentAsync(string prefix)
    {
        var slug = await _host.AddArticleAsync(prefix);
        var email = $"{prefix}-{Guid.NewGuid():N}@example.com";
        var id = await _host.SubmitAsync(slug, "Robin", email, CrisisLaneTests.CrisisBody);
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));
        return (slug, id, email);
    }

    [Theory]
    [InlineData("?country=us", null, "988 Suicide & Crisis Lifeline")]
    [InlineData("?country=DE&lang=en", null, "Telefonseelsorge")]
    [InlineData("?lang=de-AT", "en-GB,en;q=0.9", "Telefonseelsorge")]
    [InlineData("", "fr-CH, de;q=0.8, en;q=0.5", "Telefonseelsorge")]
    [InlineData("?country=FR", "sv", "You are not alone")]
    [InlineData("?country=javascript:alert(1)&lang=%3Cscript%3E", null, "You are not alone")]
    public async Task The_writer_gets_the_set_for_the_page_country_then_the_language_then_the_default(string query, string? acceptLanguage, string expected)
    {
        var (slug, id, _) = await CrisisCommentAsync("crisis-choose");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"articles/{slug}/comments/{id}{query}");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resources = (await response.Content.ReadFromJsonAsync<JsonObject>())!["crisisResources"]!;
        var names = resources["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Append(resources["heading"]!.GetValue<string>());
        Assert.Contains(expected, names);
    }

    [Fact]
    public async Task A_private_reply_arrives_at_the_smtp_server_with_the_resources_shown_and_is_recorded()
    {
        var (slug, id, email) = await CrisisCommentAsync("crisis-reply");
        (await _host.GetJsonAsync($"articles/{slug}/comments/{id}?country=US")).AsObject();

        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.Equal("country US", record["crisis"]!["match"]!.GetValue<string>());
        Assert.True(record["crisis"]!["canSendMail"]!.GetValue<bool>());
        var draft = record["crisis"]!["reply"]!["text"]!.GetValue<string>();
        Assert.Contains("988", draft, StringComparison.Ordinal);

        using var request = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/private-reply");
        request.Content = JsonContent.Create(new { subject = "Thinking of you, Robin" });
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var replied = Assert.Single(answer["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.PrivateReply)!;
        Assert.Equal(SelfHost.ModeratorName, replied["by"]!.GetValue<string>());
        Assert.Contains("Thinking of you, Robin", replied["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, replied["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var message = await fixture.Smtp.NextForAsync(email);
        Assert.Equal("Thinking of you, Robin", message.Subject);
        Assert.Equal("comments@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal(draft, message.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("988 Suicide &amp; Crisis Lifeline", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains("href=\"https://988lifeline.org", message.HtmlBody!, StringComparison.Ordinal);

        // Sent because a moderator asked, once: the history holds exactly that one reply, and the comment is still held.
        var after = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.Single(after["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.PrivateReply);
        Assert.Equal("pending", after["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_with_an_empty_or_overlong_edit_is_a_400_and_sends_nothing()
    {
        var (slug, id, _) = await CrisisCommentAsync("crisis-badreply");
        foreach (var body in new object[] { new { subject = " " }, new { text = new string('x', 5001) }, new { subject = "Two\nlines" } })
        {
            using var request = _host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/private-reply");
            request.Content = JsonContent.Create(body);
            using var response = await _host.Client.SendAsync(request);
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.DoesNotContain(record["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == CommentEventKinds.PrivateReply);
    }
}

/// <summary>Its own Azurite, a real SMTP server, and a host that sends mail to it, with resources for the US and for German.</summary>
public sealed class CrisisFixture : MailHostFixture
{
    protected override void Configure(Core.Moderation.Policy.ModerationSettings settings) => CrisisResourceSamples.Configure(settings);
}
