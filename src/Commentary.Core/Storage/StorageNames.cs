namespace Commentary.Core.Storage;

/// <summary>Names of every storage resource, shared by the producer, both hosts, the trigger and the templates.</summary>
public static class StorageNames
{
    /// <summary>The setting that names the storage account, as Azure Functions users know it.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public const string ArticlesContainer = "articles";
    public const string SettingsContainer = "settings";

    /// <summary>Retrained moderation models (<c>moderation/{version}.zip</c> and <c>moderation/current</c>) and their training data.</summary>
    public const string ModelsContainer = "models";
    public const string SubmissionsQueue = "comment-submissions";
    public const string SubmissionsPoisonQueue = SubmissionsQueue + "-poison";
    public const string AkismetQueue = "akismet-work";
    public const string AkismetPoisonQueue = AkismetQueue + "-poison";

    /// <summary>Requests to retrain the moderation model now (a moderator's <c>POST /moderation/model/retrain</c>).</summary>
    public const string ModelRetrainQueue = "model-retrain";
    public const string ModelRetrainPoisonQueue = ModelRetrainQueue + "-poison";

    /// <summary>Notification events (the outbox): sent by the <c>SendNotifications</c> trigger, each at most once per recipient.</summary>
    public const string NotificationsQueue = "notifications";
    public const string NotificationsPoisonQueue = NotificationsQueue + "-poison";

    public const string CommentsTable = "Comments";
    public const string ModerationIndexTable = "ModerationIndex";
    public const string CommenterIndexTable = "CommenterIndex";
    public const string IdempotencyKeysTable = "IdempotencyKeys";
    public const string RecentSignalsTable = "RecentSignals";
    public const string BansTable = "Bans";
    public const string SpamFingerprintsTable = "SpamFingerprints";
    public const string CommentHistoryTable = "CommentHistory";
    public const string ReportsTable = "Reports";

    /// <summary>Moderation links that were used, one row each, so a link acts once.</summary>
    public const string UsedModerationLinksTable = "UsedModerationLinks";

    /// <summary>Records of deleted comments and erased commenters, which every import honours.</summary>
    public const string TombstonesTable = "Tombstones";

    /// <summary>One row per notification sent (or being sent) to one recipient: the dedupe that makes redelivery harmless.</summary>
    public const string NotificationDeliveriesTable = "NotificationDeliveries";
    /// <summary>Held comments waiting for the next digest, and the digests claimed from them.</summary>
    public const string NotificationDigestsTable = "NotificationDigests";

    /// <summary>Commenters' opt-ins, confirmations and unsubscribes, keyed by the keyed hash of the address (never the address).</summary>
    public const string SubscriptionsTable = "Subscriptions";

    /// <summary>Readers' "This helped" marks, one row per reader and comment, keyed by a hash of the reader.</summary>
    public const string HelpfulMarksTable = "HelpfulMarks";

    public static IReadOnlyList<string> Tables { get; } =
    [
        CommentsTable, ModerationIndexTable, CommenterIndexTable, IdempotencyKeysTable, RecentSignalsTable,
        BansTable, SpamFingerprintsTable, CommentHistoryTable, ReportsTable, UsedModerationLinksTable, TombstonesTable,
        NotificationDeliveriesTable, NotificationDigestsTable, SubscriptionsTable,
        HelpfulMarksTable,
    ];

    public static IReadOnlyList<string> Containers { get; } = [ArticlesContainer, SettingsContainer, ModelsContainer];
    public static IReadOnlyList<string> Queues { get; } =
    [
        SubmissionsQueue, SubmissionsPoisonQueue, AkismetQueue, AkismetPoisonQueue, ModelRetrainQueue, ModelRetrainPoisonQueue,
        NotificationsQueue, NotificationsPoisonQueue,
    ];
}
