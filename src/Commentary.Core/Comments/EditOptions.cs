namespace Commentary.Core.Comments;

/// <summary>How long a reader may edit or delete their own comment (<c>Comments:EditWindow</c>).</summary>
public sealed class EditOptions
{
    public const string Section = "Comments";

    /// <summary>The longest window accepted: beyond a day an "edit" is a new statement, and tokens live too long.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>Counted from the moment the comment was posted; zero turns editing and deleting off.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(15);

    public static bool IsValid(EditOptions options) =>
        options is not null && options.EditWindow >= TimeSpan.Zero && options.EditWindow <= MaxWindow;
}
