namespace Commentary.Core.Comments;

/// <summary>The orders a reader may list an article's comments in (<c>?sort=</c>).</summary>
public enum CommentSort
{
    /// <summary>Oldest thread first: the conversation as it happened (the default).</summary>
    Oldest,

    /// <summary>Newest thread first.</summary>
    Newest,

    /// <summary>Threads whose first comment most readers marked "This helped" first; ties oldest first.</summary>
    Helpful,
}

public static class CommentSortNames
{
    public static IReadOnlyList<string> All { get; } = ["oldest", "newest", "helpful"];

    public static string ToWire(this CommentSort sort) => All[(int)sort];

    /// <summary>An absent or empty value is the default order; anything but the three names is false.</summary>
    public static bool TryParse(string? value, out CommentSort sort)
    {
        sort = CommentSort.Oldest;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var index = All.ToList().IndexOf(value);
        if (index < 0)
        {
            return false;
        }

        sort = (CommentSort)index;
        return true;
    }
}

/// <summary>
/// Puts an article's approved comments in a reader's order, as one list the widget can page through: each thread's
/// first comment, then its replies (depth first, oldest first), so a reply always follows its parent. The order only
/// decides which thread comes first; among siblings pinned comments come first in every order. A reply whose parent
/// is not published counts as a thread of its own, as the widget shows it.
/// </summary>
public static class CommentOrdering
{
    public static IReadOnlyList<PublishedComment> Order(IReadOnlyList<PublishedComment> approved, CommentSort sort)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var ids = approved.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var children = approved
            .Where(c => c.ParentId is { } parent && parent != c.Id && ids.Contains(parent))
            .GroupBy(c => c.ParentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Siblings(g, CommentSort.Oldest), StringComparer.Ordinal);
        var roots = Siblings(approved.Where(c => c.ParentId is not { } parent || parent == c.Id || !ids.Contains(parent)), sort);

        var ordered = new List<PublishedComment>(approved.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<PublishedComment>();
        foreach (var root in roots)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var comment = stack.Pop();
                // Ids are unique in a partition, so this only guards against a cycle of parents in hand-edited data.
                if (!placed.Add(comment.Id))
                {
                    continue;
                }

                ordered.Add(comment);
                if (children.TryGetValue(comment.Id, out var replies))
                {
                    for (var i = replies.Count - 1; i >= 0; i--)
                    {
                        stack.Push(replies[i]);
                    }
                }
            }
        }

        return ordered;
    }

    /// <summary>
    /// The page of <paramref name="limit"/> comments after the one with id <paramref name="afterId"/> (from the start
    /// without one), and the id to continue after when more follow. A continuation id no longer in the list (its
    /// comment was unpublished since) ends the list rather than start it again.
    /// </summary>
    public static (IReadOnlyList<PublishedComment> Items, string? LastId) Page(IReadOnlyList<PublishedComment> ordered, string? afterId, int limit)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var start = 0;
        if (afterId is not null)
        {
            var at = -1;
            for (var i = 0; i < ordered.Count && at < 0; i++)
            {
                at = ordered[i].Id == afterId ? i : -1;
            }

            if (at < 0)
            {
                return ([], null);
            }

            start = at + 1;
        }

        var count = Math.Max(0, Math.Min(limit, ordered.Count - start));
        var items = ordered.Skip(start).Take(count).ToArray();
        return (items, start + count < ordered.Count && count > 0 ? items[^1].Id : null);
    }

    private static List<PublishedComment> Siblings(IEnumerable<PublishedComment> comments, CommentSort sort)
    {
        var pinnedFirst = comments.OrderByDescending(c => c.Pinned);
        var ordered = sort switch
        {
            CommentSort.Newest => pinnedFirst.ThenByDescending(c => c.Created).ThenByDescending(c => c.Id, StringComparer.Ordinal),
            CommentSort.Helpful => pinnedFirst.ThenByDescending(c => c.Helpful).ThenBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal),
            _ => pinnedFirst.ThenBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal),
        };
        return ordered.ToList();
    }
}

/// <summary>Pins: a moderator lists a published comment first among its siblings, labelled "Pinned".</summary>
public static class CommentPins
{
    /// <summary>A pin is for the few answers every reader should see; more would only push the conversation down.</summary>
    public const int MaxPerArticle = 3;
}
