using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Commentary.Core.Storage;

/// <summary>
/// The three storage service clients, built from the one <c>AzureWebJobsStorage</c> setting:
/// a connection string, or the identity-based form with service URIs.
/// </summary>
public sealed class StorageClients
{
    /// <summary>Queue messages are base64 text, as Functions' queue trigger expects by default; host.json says so too.</summary>
    public const QueueMessageEncoding SubmissionEncoding = QueueMessageEncoding.Base64;

    public StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    public BlobContainerClient Articles => Blobs.GetBlobContainerClient(StorageNames.ArticlesContainer);
    public BlobContainerClient Settings => Blobs.GetBlobContainerClient(StorageNames.SettingsContainer);
    public BlobContainerClient Models => Blobs.GetBlobContainerClient(StorageNames.ModelsContainer);
    public QueueClient Submissions => Queues.GetQueueClient(StorageNames.SubmissionsQueue);
    public QueueClient SubmissionsPoison => Queues.GetQueueClient(StorageNames.SubmissionsPoisonQueue);
    public QueueClient AkismetWork => Queues.GetQueueClient(StorageNames.AkismetQueue);
    public QueueClient AkismetWorkPoison => Queues.GetQueueClient(StorageNames.AkismetPoisonQueue);
    public QueueClient ModelRetrain => Queues.GetQueueClient(StorageNames.ModelRetrainQueue);
    public QueueClient Notifications => Queues.GetQueueClient(StorageNames.NotificationsQueue);
    public QueueClient NotificationsPoison => Queues.GetQueueClient(StorageNames.NotificationsPoisonQueue);
    public TableClient Comments => Tables.GetTableClient(StorageNames.CommentsTable);
    public TableClient ModerationIndex => Tables.GetTableClient(StorageNames.ModerationIndexTable);
    public TableClient CommenterIndex => Tables.GetTableClient(StorageNames.CommenterIndexTable);
    public TableClient IdempotencyKeys => Tables.GetTableClient(StorageNames.IdempotencyKeysTable);
    public TableClient RecentSignals => Tables.GetTableClient(StorageNames.RecentSignalsTable);
    public TableClient Bans => Tables.GetTableClient(StorageNames.BansTable);
    public TableClient SpamFingerprints => Tables.GetTableClient(StorageNames.SpamFingerprintsTable);
    public TableClient CommentHistory => Tables.GetTableClient(StorageNames.CommentHistoryTable);
    public TableClient Reports => Tables.GetTableClient(StorageNames.ReportsTable);
    public TableClient UsedModerationLinks => Tables.GetTableClient(StorageNames.UsedModerationLinksTable);
    public TableClient Tombstones => Tables.GetTableClient(StorageNames.TombstonesTable);
    public TableClient NotificationDeliveries => Tables.GetTableClient(StorageNames.NotificationDeliveriesTable);
    public TableClient NotificationDigests => Tables.GetTableClient(StorageNames.NotificationDigestsTable);
    public TableClient Subscriptions => Tables.GetTableClient(StorageNames.SubscriptionsTable);
    public TableClient HelpfulMarks => Tables.GetTableClient(StorageNames.HelpfulMarksTable);

    /// <summary>Builds the clients from configuration, or explains exactly which setting is missing.</summary>
    /// <param name="patience">How long to wait for one request and how often to try it again; by default what a request path can afford.</param>
    public static StorageClients FromConfiguration(
        IConfiguration configuration, QueueMessageEncoding queueEncoding = SubmissionEncoding, StoragePatience? patience = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StorageNames.ConnectionSetting);
        var connectionString = section.Value;

        patience ??= StoragePatience.RequestPath;
        var blobOptions = Configure(new BlobClientOptions(), patience);
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = queueEncoding }, patience);
        var tableOptions = Configure(new TableClientOptions(), patience);

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new BlobServiceClient(connectionString, blobOptions),
                new QueueServiceClient(connectionString, queueOptions),
                new TableServiceClient(connectionString, tableOptions));
        }

        var accountName = section["accountName"];
        var blobUri = ServiceUri(section, "blobServiceUri", accountName, "blob");
        var queueUri = ServiceUri(section, "queueServiceUri", accountName, "queue");
        var tableUri = ServiceUri(section, "tableServiceUri", accountName, "table");
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new StorageConfigurationException(
                $"Storage is not configured. Set '{StorageNames.ConnectionSetting}' to a connection string " +
                $"(for local development 'UseDevelopmentStorage=true'), or set '{StorageNames.ConnectionSetting}__blobServiceUri', " +
                $"'{StorageNames.ConnectionSetting}__queueServiceUri' and '{StorageNames.ConnectionSetting}__tableServiceUri' " +
                $"(or '{StorageNames.ConnectionSetting}__accountName') for identity-based access.");
        }

        var credential = Credential(section);
        return new StorageClients(
            new BlobServiceClient(blobUri, credential, blobOptions),
            new QueueServiceClient(queueUri, credential, queueOptions),
            new TableServiceClient(tableUri, credential, tableOptions));
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            // Identity-based access sends tokens, which the SDK (rightly) allows only over HTTPS.
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                ? uri
                : throw new StorageConfigurationException($"'{StorageNames.ConnectionSetting}__{key}' must be an absolute https:// URI, not '{value}'.");
        }

        return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        var kind = section["credential"];
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    // A dead endpoint must fail fast enough for the API to answer 503 instead of hanging for the SDK's default ~25 s.
    private static T Configure<T>(T options, StoragePatience patience) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = patience.MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = patience.NetworkTimeout;
        return options;
    }
}

/// <summary>How long one storage request may take and how many times it is tried again.</summary>
public sealed record StoragePatience(TimeSpan NetworkTimeout, int MaxRetries)
{
    /// <summary>A reader or moderator is waiting: fail fast and say storage is down.</summary>
    public static StoragePatience RequestPath { get; } = new(TimeSpan.FromSeconds(5), 2);

    /// <summary>The CLI's long jobs (an import's transactions of 100 entities on a busy account): wait longer, try more.</summary>
    public static StoragePatience BatchTool { get; } = new(TimeSpan.FromSeconds(30), 4);
}

public sealed class StorageConfigurationException(string message) : Exception(message);
