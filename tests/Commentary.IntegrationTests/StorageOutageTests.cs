namespace Commentary.IntegrationTests;

/// <summary>With storage unreachable the host still starts, and answers 503 problems quickly instead of hanging or 500s.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Health_and_a_post_answer_503_with_retry_after_when_storage_is_unreachable()
    {
        var deadPort = AzuriteProcess.FreePorts(1)[0];
        var connection = AzuriteProcess.ConnectionStringFor(deadPort, deadPort, deadPort);
        await using var host = await SelfHost.StartAsync(connection, waitForStorage: false);

        using var health = await host.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal("down", report["services"]!["blob"]!.GetValue<string>());
        Assert.Equal("down", report["services"]!["queue"]!.GetValue<string>());
        Assert.Equal("down", report["services"]!["table"]!.GetValue<string>());
        Assert.NotNull(health.Headers.RetryAfter);

        using var post = await host.PostCommentAsync("some-article", "Ann", "ann@example.com", "Is anyone there?");
        var problem = await post.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(post.Headers.RetryAfter);
        Assert.DoesNotContain("Exception", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
