using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Commentary.Core.Articles;
using Commentary.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Commentary.Tests.Moderation;

/// <summary>
/// The private reply to a writer in the crisis lane goes out through the mail channel exactly once: a person in
/// crisis must never get the same mail twice, and a refusal must reach the moderator rather than be retried behind
/// their back or recorded as sent. The interaction with the channel is the behaviour, so the channel is a mock; the
/// storage the reply would be recorded in is the real client, and any request to it fails the test. (Recording a
/// reply that was sent is shown against Azurite by the integration tests.)
/// </summary>
public class CrisisReplyMailTests
{
    private static readonly Comment Writer = new()
    {
        Slug = "night-worries",
        Id = CommentId.New(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero))),
        Author = "Sam",
        Email = "sam@example.com",
        Body = "I cannot go on like this.",
        Created = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero),
        Status = CommentStatus.Pending,
        Priority = CommentPriority.Urgent,
    };

    private static readonly CrisisReplyDraft Reply = new("We read your comment", "Sam, we are here.\n\nCall someone tonight.");

    [Fact]
    public async Task A_reply_the_mail_server_refuses_is_offered_once_to_the_writer_not_retried_and_not_recorded()
    {
        var mail = new Mock<IMailSender>(MockBehavior.Strict);
        mail.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MailDeliveryException("550 mailbox unavailable", new IOException("refused")));
        var storage = new UntouchableStorage();
        var crisis = new CrisisSupport(new CommentEvents(storage.Clients), new ArticleStore(storage.Clients, NullLogger<ArticleStore>.Instance), mail.Object, TimeProvider.System);

        var refusal = await Assert.ThrowsAsync<MailDeliveryException>(() => crisis.SendReplyAsync(Writer, Reply, "Mira", CancellationToken.None));

        Assert.Equal("550 mailbox unavailable", refusal.Message);
        mail.Verify(m => m.SendAsync(
            It.Is<MailMessage>(sent => sent.To == Writer.Email && sent.ToName == Writer.Author && sent.Subject == Reply.Subject && sent.Text == Reply.Text
                && sent.Html == CommentBodyRenderer.ToHtml(Reply.Text)),
            It.IsAny<CancellationToken>()), Times.Once);
        mail.VerifyNoOtherCalls();
        Assert.Equal(0, storage.Requests);
    }

    [Fact]
    public async Task Without_mail_settings_the_reply_is_refused_by_the_channel_once_and_nothing_is_recorded()
    {
        var mail = new Mock<IMailSender>(MockBehavior.Strict);
        mail.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new MailNotConfiguredException());
        mail.SetupGet(m => m.IsConfigured).Returns(false);
        var storage = new UntouchableStorage();
        var crisis = new CrisisSupport(new CommentEvents(storage.Clients), new ArticleStore(storage.Clients, NullLogger<ArticleStore>.Instance), mail.Object, TimeProvider.System);

        Assert.False(crisis.CanSendMail);
        await Assert.ThrowsAsync<MailNotConfiguredException>(() => crisis.SendReplyAsync(Writer, Reply, "Mira", CancellationToken.None));

        mail.VerifyGet(m => m.IsConfigured, Times.Once);
        mail.Verify(m => m.SendAsync(It.Is<MailMessage>(sent => sent.To == Writer.Email), It.IsAny<CancellationToken>()), Times.Once);
        mail.VerifyNoOtherCalls();
        Assert.Equal(0, storage.Requests);
    }

    /// <summary>Real storage clients whose every request is counted and fails at once, before it leaves the process.</summary>
    private sealed class UntouchableStorage : HttpPipelinePolicy
    {
        private const string ConnectionString = "UseDevelopmentStorage=true";
        private int _requests;

        public UntouchableStorage()
        {
            var blobs = new BlobClientOptions();
            blobs.AddPolicy(this, HttpPipelinePosition.PerCall);
            var queues = new QueueClientOptions();
            queues.AddPolicy(this, HttpPipelinePosition.PerCall);
            var tables = new TableClientOptions();
            tables.AddPolicy(this, HttpPipelinePosition.PerCall);
            Clients = new StorageClients(
                new BlobServiceClient(ConnectionString, blobs), new QueueServiceClient(ConnectionString, queues), new TableServiceClient(ConnectionString, tables));
        }

        public StorageClients Clients { get; }

        public int Requests => Volatile.Read(ref _requests);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw Touched(message);

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw Touched(message);

        private InvalidOperationException Touched(HttpMessage message)
        {
            Interlocked.Increment(ref _requests);
            return new InvalidOperationException($"Storage was asked {message.Request.Method} {message.Request.Uri}; nothing may be recorded.");
        }
    }
}
