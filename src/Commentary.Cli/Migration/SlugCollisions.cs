namespace Commentary.Cli.Migration;

/// <summary>Different source pages whose threads would land on one article: one slug, and the URLs that led to it.</summary>
public sealed record SlugCollision(string Slug, IReadOnlyList<string> Urls);

/// <summary>
/// Finds source threads with comments whose different pages resolve to the same slug without the map file saying so
/// (four posts whose URLs all end in <c>/next-jdbc/</c>), which would silently merge into one article. The same page
/// written twice (http and https, with and without a trailing slash) is one page, and a slug the map file gives is
/// the site owner's choice.
/// </summary>
public static class SlugCollisions
{
    public static IReadOnlyList<SlugCollision> Find(SourceExport export, ThreadSlugMap map)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(map);
        var commented = export.Comments.Select(c => c.ThreadKey).ToHashSet(StringComparer.Ordinal);
        return export.Threads.Values
            .Where(t => commented.Contains(t.Key) && t.Url is not null)
            .Select(t => (Thread: t, Resolved: map.Resolve(t)))
            .Where(t => t.Resolved.Slug is not null && t.Resolved.How != ThreadSlugMap.FromMapFile)
            .GroupBy(t => t.Resolved.Slug!, StringComparer.Ordinal)
            .Select(g => new SlugCollision(g.Key, g.DistinctBy(t => ThreadSlugMap.PageKey(t.Thread.Url!), StringComparer.Ordinal).Select(t => t.Thread.Url!).Order(StringComparer.Ordinal).ToArray()))
            .Where(c => c.Urls.Count > 1)
            .OrderBy(c => c.Slug, StringComparer.Ordinal)
            .ToArray();
    }
}
