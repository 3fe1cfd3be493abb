namespace Commentary.Core.Notifications;

/// <summary>When a link was used, and by whom.</summary>
public sealed record LinkUse(DateTimeOffset At, string Moderator, ModerationLinkAction Action);

/// <summary>
/// Used moderation links in table <c>UsedModerationLinks</c>: PartitionKey = <c>{slug}_{id}</c> (both validated,
/// so free of the characters table keys forbid), RowKey = the link id. A link is claimed by inserting its row, which
/// only one request can do, so two clicks of the same link never both act.
/// </summary>
public sealed class UsedModerationLinks(StorageClients storage)
{
    private readonly TableClient _table = storage.UsedModerationLinks;

    public async Task<LinkUse?> FindAsync(ModerationLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await _table.FindAsync(Partition(link), link.LinkId, cancellationToken) is not { } entity)
        {
            return null;
        }

        return new LinkUse(
            entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            entity.GetString("Moderator") ?? string.Empty,
            Enum.TryParse<ModerationLinkAction>(entity.GetString("Action"), out var action) ? action : link.Action);
    }

    /// <summary>Marks the link used; false when it was used already (by this request's twin, or long ago).</summary>
    public async Task<bool> ClaimAsync(ModerationLink link, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var entity = new TableEntity(Partition(link), link.LinkId)
        {
            ["At"] = at,
            ["Moderator"] = link.Moderator,
            ["Action"] = link.Action.ToString(),
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Gives a claimed link back when its action changed nothing, so it stays usable as before.</summary>
    public async Task ReleaseAsync(ModerationLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        try
        {
            await _table.DeleteEntityAsync(Partition(link), link.LinkId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Not there: nothing to give back.
        }
    }

    private static string Partition(ModerationLink link) => link.Slug + "_" + link.CommentId;
}
