namespace Commentary.IntegrationTests;

/// <summary>Storage goes away while the host runs, then comes back: the host answers 503 meanwhile and then just works.</summary>
public sealed class StorageRecoveryTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "commentary-recovery-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_data);

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task During_an_outage_posts_are_503_and_afterwards_serving_and_moderation_resume_without_a_restart()
    {
        await using var host = await SelfHost.StartAsync(_azurite.ConnectionString);
        var slug = await host.AddArticleAsync("outage");
        var before = await host.SubmitAsync(slug, "Before", "before@example.com", "Posted before the outage.");
        Assert.Equal("pending", await host.StoredStatusAsync(slug, before));

        await _azurite.StopAsync();
        using var during = await host.PostCommentAsync(slug, "During", "during@example.com", "Posted while storage is down.");
        await during.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(during.Headers.RetryAfter);
        using var health = await host.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("down", JsonNode.Parse(await health.Content.ReadAsStringAsync())!["services"]!["table"]!.GetValue<string>());

        await _azurite.StartAgainAsync();
        var after = await Eventually.GetAsync(async () =>
        {
            using var response = await host.PostCommentAsync(slug, "After", "after@example.com", "Posted after storage came back.");
            return response.StatusCode == HttpStatusCode.Accepted ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>() : null;
        }, "posting to work again");

        Assert.Equal("pending", await host.StoredStatusAsync(slug, after));
        Assert.Equal("pending", await host.StoredStatusAsync(slug, before));
        using var healthy = await host.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }
}
