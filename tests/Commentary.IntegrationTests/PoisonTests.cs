using Microsoft.Extensions.Logging;

namespace Commentary.IntegrationTests;

/// <summary>Messages that can never be processed: retried, moved aside, logged once, and handed to a moderator.</summary>
/// <remarks>These tests break an article's data on purpose, so they get an Azurite and a host of their own.</remarks>
public sealed class PoisonTests : IClassFixture<StorageFixture>
{
    private readonly SelfHost _host;

    public PoisonTests(StorageFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    private static SubmissionMessage Message(string slug, string body) => new(
        SubmissionMessage.CurrentVersion, CommentId.New(), slug, "Poison Pat", $"pat-{Guid.NewGuid():N}@example.com",
        null, body, null, null, DateTimeOffset.UtcNow);

    private async Task<JsonArray> PoisonListAsync()
    {
        using var request = _host.AsModerator(HttpMethod.Get, "moderation/poison");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    [Fact]
    public async Task A_message_that_always_fails_is_poisoned_after_max_dequeue_count_logged_once_and_can_be_requeued_once_fixed()
    {
        // A counter entity that cannot be read makes every attempt to store a comment on this article fail.
        var slug = await _host.AddArticleAsync("broken");
        await _host.Storage.Comments.UpsertEntityAsync(new TableEntity(slug, ArticleCounts.RowKey) { ["Approved"] = "not a number" });
        var doomed = Message(slug, "This one cannot be stored yet.");
        var inbox = _host.Services.GetRequiredService<CommentInbox>();
        await inbox.EnqueueAsync(doomed, CancellationToken.None);

        var healthySlug = await _host.AddArticleAsync("healthy");
        var healthy = Message(healthySlug, "This one goes through meanwhile.");
        await inbox.EnqueueAsync(healthy, CancellationToken.None);
        await _host.StoredStatusAsync(healthySlug, healthy.Id);

        var item = await Eventually.GetAsync(async () =>
            (await PoisonListAsync()).FirstOrDefault(i => i!["commentId"]?.GetValue<string>() == doomed.Id), "the failing message in the poison queue");
        Assert.Equal(slug, item!["slug"]!.GetValue<string>());
        var messageId = item["messageId"]!.GetValue<string>();

        // The worker moves the message to the poison queue, then logs: the error may follow the item by a moment.
        await Eventually.GetAsync(
            () => Task.FromResult(_host.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Error && e.Message.Contains(doomed.Id, StringComparison.Ordinal))),
            "the poisoning logged as an error");
        var about = _host.Logs.Entries.Where(e => e.Message.Contains(doomed.Id, StringComparison.Ordinal)).ToArray();
        var story = string.Join("\n", about.Select(e => $"{e.Level}: {e.Message}"));
        Assert.True(about.Count(e => e.Level == LogLevel.Error) == 1, "the poisoning is logged once as an error:\n" + story);
        Assert.Contains("moved to the poison queue", about.Single(e => e.Level == LogLevel.Error).Message, StringComparison.Ordinal);
        Assert.True(about.Count(e => e.Level == LogLevel.Warning) is >= 1 and <= 4, "each retry before it is a warning:\n" + story);
        Assert.Null(await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, doomed.Id, CancellationToken.None));

        // The operator mends the data, then a moderator puts the message back.
        await _host.Storage.Comments.DeleteEntityAsync(slug, ArticleCounts.RowKey);
        using var requeue = _host.AsModerator(HttpMethod.Post, $"moderation/poison/{messageId}/requeue");
        using var requeued = await _host.Client.SendAsync(requeue);
        Assert.Equal(HttpStatusCode.NoContent, requeued.StatusCode);
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, doomed.Id));
        Assert.DoesNotContain(await PoisonListAsync(), i => i!["messageId"]!.GetValue<string>() == messageId);
    }

    [Fact]
    public async Task A_moderator_can_discard_a_poison_message_and_unknown_ids_are_404()
    {
        var marker = "discard-me-" + Guid.NewGuid().ToString("N");
        await _host.Storage.SubmissionsPoison.SendMessageAsync(marker);
        var item = (await PoisonListAsync()).Single(i => i!["text"]!.GetValue<string>() == marker)!;
        var messageId = item["messageId"]!.GetValue<string>();

        using var discard = _host.AsModerator(HttpMethod.Delete, $"moderation/poison/{messageId}");
        using var discarded = await _host.Client.SendAsync(discard);
        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.DoesNotContain(await PoisonListAsync(), i => i!["text"]!.GetValue<string>() == marker);

        using var again = _host.AsModerator(HttpMethod.Delete, $"moderation/poison/{messageId}");
        using var gone = await _host.Client.SendAsync(again);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        using var garbage = _host.AsModerator(HttpMethod.Post, "moderation/poison/not-a-guid/requeue");
        using var notFound = await _host.Client.SendAsync(garbage);
        await notFound.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_search_past_many_messages_finds_a_late_one_and_leaves_the_rest_visible()
    {
        var marker = "many-" + Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await _host.Storage.SubmissionsPoison.SendMessageAsync($"{marker}-{i}")).Value.MessageId);
        }

        using (var unknown = await _host.Client.SendAsync(_host.AsModerator(HttpMethod.Delete, $"moderation/poison/{Guid.NewGuid()}")))
        {
            await unknown.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var late = await _host.Client.SendAsync(_host.AsModerator(HttpMethod.Delete, $"moderation/poison/{ids[^1]}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        }

        // Every message the searches went past is visible again at once, not when its lease runs out. Taking them
        // also clears them away, so the other tests' lists (at most 32 messages) still show their own.
        var visible = new HashSet<string>();
        for (var batch = 0; batch < 3; batch++)
        {
            foreach (var message in (await _host.Storage.SubmissionsPoison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
            {
                if (ids.Contains(message.MessageId))
                {
                    visible.Add(message.MessageId);
                    await _host.Storage.SubmissionsPoison.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                else
                {
                    await _host.Storage.SubmissionsPoison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }
        }

        Assert.Equal(ids[..^1].ToHashSet(), visible);
    }
}
