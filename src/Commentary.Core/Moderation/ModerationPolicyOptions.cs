namespace Commentary.Core.Moderation;

/// <summary>The policy's settings (section <c>Moderation</c>). Word lists are data: operators change them without a build.</summary>
public sealed class ModerationPolicyOptions
{
    public const string Section = "Moderation";

    /// <summary>Whole words or phrases that reject a comment outright.</summary>
    public List<string> BlockedTerms { get; init; } = [];

    /// <summary>A comment with this many links or more waits for a moderator.</summary>
    public int HoldAtLinkCount { get; set; } = 2;

    /// <summary>Hold the first comment of an email address that has no approved comment yet.</summary>
    public bool HoldFirstComments { get; set; } = true;
}
