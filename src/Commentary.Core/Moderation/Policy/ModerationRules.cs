namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// The rule names a decision's reasons carry. They are stored with each comment and shown to moderators, so they are
/// part of the contract: rename one only with a migration of stored comments.
/// </summary>
public static class ModerationRules
{
    public const string BlockedTerm = "blocked-term";
    public const string SuspectTerm = "suspect-term";
    public const string Links = "links";
    public const string SpamPhrase = "spam-phrase";
    public const string Shouting = "shouting";
    public const string RepeatedCharacters = "repeated-characters";
    public const string MostlyLink = "mostly-link";
    public const string SuspiciousAuthor = "suspicious-author";
    public const string DisposableEmail = "disposable-email";
    public const string Duplicate = "duplicate";
    public const string Flood = "flood";
    public const string FirstComment = "first-comment";
    public const string Banned = "banned";
    public const string CrisisLanguage = "crisis-language";
    public const string PersonalData = "personal-data";
    public const string SpamClassifier = "spam-classifier";
    public const string ToxicClassifier = "toxic-classifier";
    public const string CrisisClassifier = "crisis-classifier";
    public const string ClassifierUnavailable = "classifier-unavailable";
}
