using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Commentary.Server.Queue;
using Microsoft.Extensions.Configuration;

namespace Commentary.IntegrationTests;

/// <summary>The submissions queue: encoding agreement, at-least-once delivery, and poison messages.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class QueueTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private static SubmissionMessage Message(string slug, string body) => new(
        SubmissionMessage.CurrentVersion, CommentId.New(), slug, "Queue Tester", $"queue-{Guid.NewGuid():N}@example.com",
        null, body, null, null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task What_the_producer_sends_is_what_a_receiver_configured_from_host_json_reads()
    {
        var queueName = "encoding-" + Guid.NewGuid().ToString("N")[..12];
        var settings = new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.Combine("src", "Commentary.Functions", "host.json"))
            .Build().GetSection(QueueTriggerOptions.Section).Get<QueueTriggerOptions>()!;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.ConnectionSetting] = fixture.Azurite.ConnectionString,
        }).Build();
        var producer = StorageClients.FromConfiguration(config).Queues.GetQueueClient(queueName);
        var trigger = StorageClients.FromConfiguration(config, settings.Encoding).Queues.GetQueueClient(queueName);
        var raw = StorageClients.FromConfiguration(config, QueueMessageEncoding.None).Queues.GetQueueClient(queueName);
        await producer.CreateAsync();

        var message = Message("some-article", "Ünïcode, \"quotes\" and <angle> brackets survive.");
        await producer.SendMessageAsync(message.ToJson());

        var onTheWire = (await raw.PeekMessageAsync()).Value.Body.ToString();
        Assert.Equal(message.ToJson(), Encoding.UTF8.GetString(Convert.FromBase64String(onTheWire)));
        var received = (await trigger.ReceiveMessageAsync()).Value;
        Assert.Equal(message, SubmissionMessage.Parse(received.Body.ToString()));
        await producer.DeleteAsync();
    }

    [Fact]
    public void The_worker_fetches_the_next_batch_at_host_json_newBatchThreshold_or_else_at_half_a_batch()
    {
        var section = new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.Combine("src", "Commentary.Functions", "host.json"))
            .Build().GetSection(QueueTriggerOptions.Section);
        var fromHostJson = section.Get<QueueTriggerOptions>()!;
        Assert.Equal(section.GetValue<int>("newBatchThreshold"), fromHostJson.FetchThreshold);
        Assert.True(fromHostJson.FetchThreshold < fromHostJson.BatchSize);

        Assert.Equal(5, new QueueTriggerOptions { BatchSize = 10 }.FetchThreshold);
        // A threshold at or past the batch size would fetch without end while messages are still being processed.
        Assert.Equal(9, new QueueTriggerOptions { BatchSize = 10, NewBatchThreshold = 50 }.FetchThreshold);
        Assert.Equal(0, new QueueTriggerOptions { BatchSize = 1 }.FetchThreshold);
    }

    [Fact]
    public async Task A_queue_counts_its_hidden_and_leased_messages_so_an_empty_queue_means_no_handler_is_still_at_work()
    {
        // What Drained relies on: a message waiting out a delay, or received and being handled, still counts.
        var queue = _host.Storage.Queues.GetQueueClient("count-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateAsync();
        try
        {
            await queue.SendMessageAsync("retry later", visibilityTimeout: TimeSpan.FromMinutes(5));
            await queue.SendMessageAsync("now");
            var leased = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value;
            Assert.Equal("now", leased.Body.ToString());
            Assert.Null((await queue.ReceiveMessageAsync()).Value);
            Assert.Equal(2, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

            await queue.DeleteMessageAsync(leased.MessageId, leased.PopReceipt);
            Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        finally
        {
            await queue.DeleteAsync();
        }
    }

    [Fact]
    public async Task The_same_message_delivered_twice_leaves_one_comment_and_counts_it_once()
    {
        var slug = await _host.AddArticleAsync("dup");
        var message = Message(slug, "Delivered twice, stored once.");
        var inbox = _host.Services.GetRequiredService<CommentInbox>();
        await inbox.EnqueueAsync(message, CancellationToken.None);
        await inbox.EnqueueAsync(message, CancellationToken.None);
        await _host.StoredStatusAsync(slug, message.Id);

        // And a third delivery straight into the processor, racing nothing.
        await _host.Services.GetRequiredService<CommentModerator>().HandleAsync(message.ToJson(), CancellationToken.None);
        await Drained.QueueAsync(_host.Storage.Submissions);

        var store = _host.Services.GetRequiredService<CommentStore>();
        var rows = new List<string>();
        await foreach (var e in _host.Storage.Comments.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{slug}'"))
        {
            rows.Add(e.RowKey);
        }

        Assert.Equal([message.Id, ArticleCounts.RowKey], rows);
        Assert.Equal(new ArticleCounts(0, 1, 0), await store.CountsAsync(slug, CancellationToken.None));
        var history = await _host.Services.GetRequiredService<CommentEvents>().ListAsync(slug, message.Id, CancellationToken.None);
        Assert.Equal([CommentEventKinds.Submitted, CommentEventKinds.Decided], history.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_comment_stored_by_a_worker_that_died_before_writing_its_history_gets_it_from_the_redelivery()
    {
        var slug = await _host.AddArticleAsync("mend");
        var message = Message(slug, $"Stored, then the worker died ({Guid.NewGuid():N}).");
        var store = _host.Services.GetRequiredService<CommentStore>();
        var events = _host.Services.GetRequiredService<CommentEvents>();
        // What the dead worker got done: the comment, held by the policy, and nothing after it.
        await store.InsertAsync(
            new Comment
            {
                Slug = slug,
                Id = message.Id,
                Author = message.Author,
                Email = message.Email,
                Body = message.Body,
                Created = message.Submitted,
                Status = CommentStatus.Pending,
                Score = 0.2,
                Reasons = [new ModerationReason("first-comment", "first comment from this address")],
            },
            CancellationToken.None);
        Assert.Empty(await events.ListAsync(slug, message.Id, CancellationToken.None));

        var processor = _host.Services.GetRequiredService<CommentModerator>();
        await processor.HandleAsync(message.ToJson(), CancellationToken.None);
        await processor.HandleAsync(message.ToJson(), CancellationToken.None);

        var history = await events.ListAsync(slug, message.Id, CancellationToken.None);
        Assert.Equal([CommentEventKinds.Submitted, CommentEventKinds.Decided], history.Select(e => e.Kind));
        Assert.Equal("pending: first-comment (first comment from this address)", history[1].Detail);
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, message.Id));
    }

    [Fact]
    public async Task A_malformed_message_goes_to_the_poison_queue_and_the_worker_keeps_draining()
    {
        var slug = await _host.AddArticleAsync("poison");
        var marker = "not-json-" + Guid.NewGuid().ToString("N");
        await _host.Storage.Submissions.SendMessageAsync(marker);
        var good = Message(slug, "Sent after the bad one.");
        await _host.Services.GetRequiredService<CommentInbox>().EnqueueAsync(good, CancellationToken.None);

        await _host.StoredStatusAsync(slug, good.Id);
        var poisoned = await Eventually.GetAsync(async () =>
        {
            var peeked = (await _host.Storage.SubmissionsPoison.PeekMessagesAsync(32)).Value;
            return peeked.FirstOrDefault(m => m.Body.ToString() == marker);
        }, "the malformed message in the poison queue");
        Assert.Equal(marker, poisoned.Body.ToString());
    }

    [Fact]
    public async Task A_message_for_valid_json_with_invalid_fields_is_poisoned_not_stored()
    {
        var slug = await _host.AddArticleAsync("badfields");
        var id = CommentId.New();
        var text = JsonSerializer.Serialize(new { version = 1, id, slug, author = "", email = "x", body = "?", submitted = DateTimeOffset.UtcNow });
        await _host.Storage.Submissions.SendMessageAsync(text);
        await Eventually.GetAsync(async () =>
            (await _host.Storage.SubmissionsPoison.PeekMessagesAsync(32)).Value.FirstOrDefault(m => m.Body.ToString().Contains(id, StringComparison.Ordinal)),
            "the invalid message in the poison queue");
        Assert.Null(await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None));
    }
}
