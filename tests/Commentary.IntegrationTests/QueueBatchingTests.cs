using Azure.Core;

namespace Commentary.IntegrationTests;

/// <summary>
/// The self-host's worker fetches more messages while a slow one is still being processed, as the Functions trigger
/// does at <c>newBatchThreshold</c>. Its own Azurite: on the shared one, other hosts' workers would take the messages.
/// </summary>
public sealed class QueueBatchingTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Comments_behind_a_message_that_is_stuck_are_stored_while_it_waits()
    {
        string? slow = null;
        // The worker's first step for the slow comment, looking it up, gets its answer and then waits for the test.
        var hold = new HoldAnswerPolicy(m =>
        {
            var path = Uri.UnescapeDataString(m.Request.Uri.Path);
            return slow is not null && m.Request.Method == RequestMethod.Get && path.Contains($"PartitionKey='{slow}'", StringComparison.Ordinal)
                && !path.Contains("~counts", StringComparison.Ordinal);
        });
        var connection = _azurite.ConnectionString;
        await using var host = await SelfHost.StartAsync(connection, storage: PolicyStorageClients.For(connection, hold));
        slow = await host.AddArticleAsync("slow");
        var fast = await host.AddArticleAsync("fast");

        var held = hold.Arm();
        var stuck = await host.SubmitAsync(slow, "Stuck", "stuck@example.com", "This one waits for the test.");
        await held;
        try
        {
            var behind = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                behind.Add(await host.SubmitAsync(fast, "Behind", $"behind-{i}@example.com", $"Posted behind a stuck message, number {i}."));
            }

            foreach (var id in behind)
            {
                Assert.Equal("pending", await host.StoredStatusAsync(fast, id));
            }
        }
        finally
        {
            hold.Release();
        }

        Assert.Equal("pending", await host.StoredStatusAsync(slow, stuck));
    }
}
