namespace Commentary.Core.Moderation.Akismet;

/// <summary>The reasons Akismet's answers add to a decision, as the moderator list shows them.</summary>
public static class AkismetReasons
{
    public const string SpamRule = "akismet-spam";
    public const string DiscardRule = "akismet-discard";
    public const string UnavailableRule = "akismet-unavailable";

    public static ModerationReason Spam { get; } = new(SpamRule, "Akismet judged this comment to be spam");
    public static ModerationReason Discard { get; } = new(DiscardRule, "Akismet judged this comment to be blatant spam");
    public static ModerationReason Unavailable { get; } =
        new(UnavailableRule, "Akismet could not be reached; held until it answers or a moderator decides");
}
