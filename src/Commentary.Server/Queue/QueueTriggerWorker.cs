using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Commentary.Server.Queue;

/// <summary>
/// The self-host's stand-in for a Functions queue trigger: receives batches, hands each message to the handler the
/// Functions app uses too (fetching the next batch once only <c>newBatchThreshold</c> are still running, as the
/// trigger does), deletes it on success, hides it for <c>visibilityTimeout</c> on failure, and moves it to
/// the queue's <c>-poison</c> twin once it has been delivered <c>maxDequeueCount</c> times.
/// </summary>
public abstract partial class QueueTriggerWorker : BackgroundService
{
    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(100);
    private readonly QueueTriggerSetup _setup;
    private readonly QueueTriggerOptions _options;
    private readonly ILogger _logger;

    protected QueueTriggerWorker(QueueTriggerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        _options = setup.Options.Value;
        _logger = setup.LoggerFor(GetType());
    }

    protected abstract string QueueName { get; }

    /// <summary>How long a received message stays hidden while it is handled; a queue whose work takes long says so.</summary>
    protected virtual TimeSpan ProcessingLease => _options.ProcessingLease;

    /// <summary>Processes one message; an exception means "try again later".</summary>
    protected abstract Task HandleMessageAsync(string text, CancellationToken cancellationToken);

    /// <summary>The comment a message is about, for the log lines operators search by.</summary>
    protected abstract string CommentIdOf(string text);

    protected virtual void OnPoisoned()
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own clients, so that the receive side decodes exactly as host.json tells the trigger to.
        var storage = StorageClients.FromConfiguration(_setup.Configuration, _options.Encoding);
        var queue = storage.Queues.GetQueueClient(QueueName);
        var poison = storage.Queues.GetQueueClient(QueueName + "-poison");
        var delay = FirstPollDelay;
        var inFlight = new HashSet<Task>();
        await _setup.StorageInitializer.Ready.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (inFlight.Count > _options.FetchThreshold)
                {
                    inFlight.Remove(await Task.WhenAny(inFlight));
                    continue;
                }

                QueueMessage[] batch;
                try
                {
                    batch = (await queue.ReceiveMessagesAsync(_options.BatchSize, ProcessingLease, stoppingToken)).Value;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The worker outlives any storage trouble; it logs and polls again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogQueueUnavailable(_logger, QueueName, e.Message);
                    batch = [];
                    delay = _options.MaxPollingInterval;
                }

                if (batch.Length == 0)
                {
                    // An empty queue: poll less and less often. What is still running goes on meanwhile; a message
                    // that takes long must not stop the worker from taking the next ones.
                    await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    inFlight.RemoveWhere(t => t.IsCompleted);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = FirstPollDelay;
                foreach (var message in batch)
                {
                    inFlight.Add(HandleAsync(queue, poison, message, stoppingToken));
                }
            }
        }
        finally
        {
            // Handlers never throw; on shutdown they see the cancelled token, and the host waits for them here.
            await Task.WhenAll(inFlight);
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, "delivered more often than maxDequeueCount", stoppingToken);
                return;
            }

            await HandleMessageAsync(message.Body.ToString(), stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message reappears when its lease ends and is processed then.
        }
#pragma warning disable CA1031 // One bad message must not stop the worker; the queue's retry rules decide its fate.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await FailAsync(queue, poison, message, e, stoppingToken);
        }
    }

    private async Task FailAsync(QueueClient queue, QueueClient poison, QueueMessage message, Exception error, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount >= _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, error.Message, stoppingToken);
                return;
            }

            LogRetry(_logger, QueueName, CommentIdOf(message.Body.ToString()), message.MessageId, message.DequeueCount, error.Message);
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: stoppingToken);
        }
#pragma warning disable CA1031 // If even this fails, the lease runs out and the message is simply delivered again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRetryFailed(_logger, message.MessageId, e.Message);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, string problem, CancellationToken stoppingToken)
    {
        await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        LogPoisoned(_logger, QueueName, CommentIdOf(message.Body.ToString()), message.MessageId, message.DequeueCount, problem);
        OnPoisoned();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed; polling again later: {Problem}")]
    private static partial void LogQueueUnavailable(ILogger logger, string queue, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message on {Queue} for comment {CommentId} (message {MessageId}) failed on delivery {DequeueCount}; it will be retried: {Problem}")]
    private static partial void LogRetry(ILogger logger, string queue, string commentId, string messageId, long dequeueCount, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} could not be rescheduled; it reappears when its lease ends: {Problem}")]
    private static partial void LogRetryFailed(ILogger logger, string messageId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message on {Queue} for comment {CommentId} (message {MessageId}) moved to the poison queue after {DequeueCount} deliveries: {Problem}")]
    private static partial void LogPoisoned(ILogger logger, string queue, string commentId, string messageId, long dequeueCount, string problem);
}
