namespace Commentary.Api.Http;

/// <summary>
/// The <c>reason</c> a person gives for a report, a rejection, a spam mark or a ban: trimmed, at most
/// <see cref="MaxLength"/> characters, kept with the comment or the ban and shown to moderators.
/// </summary>
public static class ReasonField
{
    public const string Name = "reason";
    public const int MaxLength = 500;

    /// <summary>
    /// The trimmed reason (null when it is blank), or the message for the <c>reason</c> field. A blank reason is an
    /// error only when <paramref name="requiredBecause"/> says why one is needed.
    /// </summary>
    public static (string? Reason, string? Error) Read(string? text, string? requiredBecause = null)
    {
        var reason = text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return (null, requiredBecause);
        }

        return reason.Length > MaxLength ? (null, $"A reason can be at most {MaxLength} characters.") : (reason, null);
    }
}
