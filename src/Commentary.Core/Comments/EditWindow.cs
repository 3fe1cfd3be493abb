namespace Commentary.Core.Comments;

/// <summary>
/// The rule every change a writer makes to their comment meets first: the token is this comment's, and the edit window
/// (<see cref="EditOptions.EditWindow"/>, counted from posting) is still open. The token is checked first, so a
/// stranger learns nothing about a comment's age.
/// </summary>
public sealed class EditWindow(IOptions<EditOptions> options, TimeProvider clock)
{
    public AuthorActionKind? Refusal(Comment comment, string? token)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (!EditTokens.Matches(token, comment.EditTokenHash))
        {
            return AuthorActionKind.WrongToken;
        }

        return IsOpen(comment.Created) ? null : AuthorActionKind.WindowClosed;
    }

    /// <summary>Whether a comment posted at <paramref name="created"/> may still be changed by its writer; never while editing is off.</summary>
    public bool IsOpen(DateTimeOffset created)
    {
        var window = options.Value.EditWindow;
        return window > TimeSpan.Zero && clock.GetUtcNow() - created <= window;
    }
}
