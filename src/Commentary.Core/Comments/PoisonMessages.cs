using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Commentary.Core.Comments;

/// <summary>A message in the poison queue, as a moderator or operator sees it.</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedOn, string Text, string? CommentId, string? Slug);

/// <summary>
/// Looks into <c>comment-submissions-poison</c> and puts a message back on the submissions queue or drops it.
/// Queues can only be addressed by pop receipt, so finding one message means receiving a batch for a moment;
/// the others are made visible again at once.
/// </summary>
public sealed partial class PoisonMessages(StorageClients storage, ILogger<PoisonMessages> logger)
{
    private const int MaxPeek = 32;
    private const int MaxBatchesSearched = 20;
    private static readonly TimeSpan SearchLease = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var peeked = (await storage.SubmissionsPoison.PeekMessagesAsync(MaxPeek, cancellationToken)).Value;
        return peeked.Select(m => Describe(m.MessageId, m.InsertedOn, m.Body.ToString())).ToArray();
    }

    /// <summary>Sends the message to the submissions queue again; false if there is no such poison message.</summary>
    public async Task<bool> RequeueAsync(string messageId, string moderator, CancellationToken cancellationToken)
    {
        var found = await TakeAsync(messageId, async message =>
            await storage.Submissions.SendMessageAsync(message.Body.ToString(), cancellationToken), cancellationToken);
        if (found)
        {
            LogRequeued(logger, messageId, moderator);
        }

        return found;
    }

    public async Task<bool> DiscardAsync(string messageId, string moderator, CancellationToken cancellationToken)
    {
        var found = await TakeAsync(messageId, _ => Task.CompletedTask, cancellationToken);
        if (found)
        {
            LogDiscarded(logger, messageId, moderator);
        }

        return found;
    }

    private async Task<bool> TakeAsync(string messageId, Func<QueueMessage, Task> use, CancellationToken cancellationToken)
    {
        var poison = storage.SubmissionsPoison;

        // A peek that sees the whole queue settles a missing id in one call, without hiding anything from anyone.
        var peeked = (await poison.PeekMessagesAsync(MaxPeek, cancellationToken)).Value;
        if (peeked.Length < MaxPeek && peeked.All(m => m.MessageId != messageId))
        {
            return false;
        }

        // Messages searched past stay received until the search ends, so each batch brings new ones (made visible again
        // at once, they would come back in every batch and a missing id would cost every batch the search allows).
        var searched = new List<QueueMessage>();
        try
        {
            for (var batch = 0; batch < MaxBatchesSearched; batch++)
            {
                var messages = (await poison.ReceiveMessagesAsync(MaxPeek, SearchLease, cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    return false;
                }

                var match = messages.FirstOrDefault(m => m.MessageId == messageId);
                searched.AddRange(messages.Where(m => m != match));
                if (match is not null)
                {
                    await use(match);
                    await poison.DeleteMessageAsync(match.MessageId, match.PopReceipt, cancellationToken);
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await ReleaseAsync(poison, searched);
        }
    }

    /// <summary>
    /// Makes the messages searched past visible again at once. Not tied to the request: a search cut short by its
    /// deadline still gives them back. One that cannot be given back reappears when its lease ends.
    /// </summary>
    private static async Task ReleaseAsync(QueueClient poison, List<QueueMessage> messages)
    {
        try
        {
            await Task.WhenAll(messages.Select(m => poison.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero)));
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is RequestFailedException)
        {
            // Visible again within SearchLease anyway; nothing for anyone to do.
        }
    }

    private static PoisonMessage Describe(string messageId, DateTimeOffset? insertedOn, string text)
    {
        try
        {
            var message = SubmissionMessage.Parse(text);
            // Moderators see what was submitted, not the reader's address (which only the spam check was to see).
            var shown = message.Client is null ? text : (message with { Client = null }).ToJson();
            return new PoisonMessage(messageId, insertedOn, shown, message.Id, message.Slug);
        }
        catch (MalformedMessageException e)
        {
            return new PoisonMessage(messageId, insertedOn, text, e.CommentId, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poison message {MessageId} requeued by {Moderator}")]
    private static partial void LogRequeued(ILogger logger, string messageId, string moderator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poison message {MessageId} discarded by {Moderator}")]
    private static partial void LogDiscarded(ILogger logger, string messageId, string moderator);
}
