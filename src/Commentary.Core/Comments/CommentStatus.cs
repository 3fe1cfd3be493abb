namespace Commentary.Core.Comments;

public enum CommentStatus
{
    Pending,
    Approved,
    Rejected,
}

public static class CommentStatusNames
{
    public static string ToWire(this CommentStatus status) => status switch
    {
        CommentStatus.Pending => "pending",
        CommentStatus.Approved => "approved",
        CommentStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? value, out CommentStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "pending": status = CommentStatus.Pending; return true;
            case "approved": status = CommentStatus.Approved; return true;
            case "rejected": status = CommentStatus.Rejected; return true;
            default: status = default; return false;
        }
    }
}
