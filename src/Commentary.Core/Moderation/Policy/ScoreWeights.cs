namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// What each reason adds to a decision's score. The score orders a moderator's queue by suspicion (0 means nothing
/// was noticed); it never sets the status, which comes from the rules alone. Crisis language adds nothing: it is not
/// suspicion, and its urgency is carried by the priority.
/// </summary>
internal static class ScoreWeights
{
    public const double Banned = 1.0;
    public const double BlockedTerm = 1.0;
    public const double EachFurtherBlockedTerm = 0.25;
    public const double Duplicate = 0.8;
    public const double SuspectTerm = 0.4;
    public const double SpamPhrase = 0.4;
    public const double Link = 0.2;
    public const double SuspiciousAuthor = 0.5;
    public const double Flood = 0.5;
    public const double MostlyLink = 0.4;
    public const double DisposableEmail = 0.4;
    public const double Shouting = 0.3;
    public const double PersonalData = 0.3;
    public const double RepeatedCharacters = 0.2;
    public const double FirstComment = 0.2;
    public const double CrisisLanguage = 0.0;

    /// <summary>A classifier score adds itself times this, so a confident model weighs like a blocked term.</summary>
    public const double Classifier = 1.0;
    public const double ClassifierUnavailable = 0.1;
}
