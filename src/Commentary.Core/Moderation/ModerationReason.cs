namespace Commentary.Core.Moderation;

/// <summary>Why a rule fired, in words a moderator can act on.</summary>
public sealed record ModerationReason(string Rule, string Detail);
