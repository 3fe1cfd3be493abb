using Commentary.Core.Comments;

namespace Commentary.Cli.Migration;

/// <summary>One source comment and what the import makes of it: a comment to store, or the reason it is skipped.</summary>
public sealed record PlannedComment(SourceComment Source, string? ThreadUrl, Comment? Comment, string? SkipReason, string? Note)
{
    public bool IsSkipped => Comment is null;

    /// <summary>Skipped because it was deleted here, or its commenter erased, after an earlier import.</summary>
    public bool IsTombstoned { get; init; }
}

/// <summary>
/// Decides, without touching storage, what an import does with each comment of an export: which article it belongs
/// to, its id (derived from the source's id, so a second import finds it), its status (never more public than in the
/// source: spam is rejected, pending stays pending, deleted is skipped) and its parent (kept when the parent is
/// imported too, otherwise the reply becomes a top-level comment and the report says so). A comment deleted here or
/// written by a commenter erased here (<see cref="TombstoneSet"/>) is skipped, so a repeated import never undoes either.
/// </summary>
public static class MigrationPlanner
{
    public const string ImportRule = "import";
    public const string DeletedHere = "a moderator deleted it here";
    public const string ErasedHere = "its commenter's data was erased here at their request";

    public static IReadOnlyList<PlannedComment> Plan(
        SourceExport export, ThreadSlugMap map, DateTimeOffset importedAt, Func<string, string>? hashIp = null, TombstoneSet? tombstones = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(map);
        tombstones ??= TombstoneSet.None;
        var slugs = export.Threads.Values.ToDictionary(t => t.Key, map.Resolve, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<PlannedComment>(export.Comments.Count);

        foreach (var source in export.Comments)
        {
            var thread = export.Threads.GetValueOrDefault(source.ThreadKey);
            var (slug, how) = thread is null ? (null, $"its thread '{source.ThreadKey}' is not in the export") : slugs[thread.Key];
            var skip = !seen.Add(source.SourceId) ? "it appears twice in the export; the first one is imported"
                : source.Unsupported is { } unsupported ? $"it is {unsupported}"
                : source.State == SourceState.Deleted ? $"it was deleted in {export.DisplayName}"
                : slug is null ? $"no article for it: {how}"
                : source.Body.Length == 0 ? "it has no text"
                : source.Created is not { } created || created < DateTimeOffset.UnixEpoch ? "it has no usable date"
                : null;

            var comment = skip is null ? ToComment(export, source, slug!, importedAt, hashIp) : null;
            var gone = comment is null ? null
                : tombstones.IsErased(comment.Email) ? ErasedHere
                : tombstones.IsDeleted(comment.Id) ? DeletedHere
                : null;
            planned.Add(gone is not null ? new PlannedComment(source, thread?.Url, null, gone, null) { IsTombstoned = true }
                : new PlannedComment(source, thread?.Url, comment, skip, null));
        }

        return LinkReplies(export, planned);
    }

    // A reply keeps its parent only when the parent is imported onto the same article.
    private static IReadOnlyList<PlannedComment> LinkReplies(SourceExport export, List<PlannedComment> planned)
    {
        var imported = planned.Where(p => !p.IsSkipped)
            .GroupBy(p => p.Source.SourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Comment!, StringComparer.Ordinal);
        var skipped = planned.Where(p => p.IsSkipped)
            .GroupBy(p => p.Source.SourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SkipReason!, StringComparer.Ordinal);

        return planned.Select(p =>
        {
            if (p.IsSkipped || p.Source.ParentSourceId is not { } parentId)
            {
                return p;
            }

            if (imported.TryGetValue(parentId, out var parent) && parent.Slug == p.Comment!.Slug)
            {
                return p with { Comment = p.Comment with { ParentId = parent.Id } };
            }

            var why = imported.ContainsKey(parentId) ? "it belongs to another article"
                : skipped.TryGetValue(parentId, out var reason) ? $"it is skipped: {reason}"
                : $"it is not in the {export.DisplayName} export";
            return p with { Note = $"Reply to {parentId}, which is not imported ({why}); imported as a top-level comment." };
        }).ToArray();
    }

    private static Comment ToComment(SourceExport export, SourceComment source, string slug, DateTimeOffset importedAt, Func<string, string>? hashIp)
    {
        var status = source.State switch
        {
            SourceState.Approved => CommentStatus.Approved,
            SourceState.Spam => CommentStatus.Rejected,
            _ => CommentStatus.Pending,
        };
        var was = source.State switch
        {
            SourceState.Approved => "approved",
            SourceState.Spam => "marked as spam",
            _ => "waiting for moderation",
        };

        return new Comment
        {
            Slug = slug,
            Id = CommentId.FromSource(source.Created!.Value, $"{export.Source}:{source.SourceId}"),
            Author = string.IsNullOrWhiteSpace(source.Author) ? "Anonymous" : source.Author.Trim(),
            Email = source.Email?.Trim() ?? string.Empty,
            Website = Uri.TryCreate(source.Website?.Trim(), UriKind.Absolute, out var site) && site.Scheme is "http" or "https" ? site.ToString() : null,
            Body = source.Body,
            Created = source.Created.Value,
            Status = status,
            Reasons = [new ModerationReason(ImportRule, $"Imported from {export.DisplayName} (comment {source.SourceId}), where it was {was}.")],
            // Only with the service's own key, so imported hashes match live ones; without it no IP is kept at all.
            IpHash = hashIp is null || string.IsNullOrWhiteSpace(source.IpAddress) ? null : hashIp(source.IpAddress.Trim()),
            ModeratedBy = "import:" + export.Source,
            ModeratedAt = importedAt,
            StatusNote = status == CommentStatus.Approved ? null : $"{char.ToUpperInvariant(was[0])}{was[1..]} in {export.DisplayName}.",
        };
    }
}
