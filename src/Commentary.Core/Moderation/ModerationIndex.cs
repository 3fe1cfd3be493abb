using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Commentary.Core.Comments;
using Commentary.Core.Storage;

namespace Commentary.Core.Moderation;

/// <summary>
/// Comments by status across all articles, newest first, so the moderation queue never scans <c>Comments</c>.
/// PartitionKey = status; RowKey = inverted submission time + id. It is written after the comment itself,
/// so it can lag: every write path re-asserts it and every read checks it against <c>Comments</c> and mends it.
/// </summary>
public sealed class ModerationIndex(StorageClients storage, CommentStore comments)
{
    private const long MaxMilliseconds = 9_999_999_999_999;
    private static readonly CommentStatus[] Statuses = Enum.GetValues<CommentStatus>();
    private readonly TableClient _table = storage.ModerationIndex;

    public static string RowKey(string id) =>
        (MaxMilliseconds - CommentId.Timestamp(id).ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture) + "_" + id;

    public static bool IsRowKey(string? value) =>
        value is { Length: 40 } && value[13] == '_' && value[..13].All(char.IsAsciiDigit) && CommentId.IsValid(value[14..]);

    /// <summary>Records the comment under its status and nowhere else.</summary>
    public async Task PutAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var entity = new TableEntity(comment.Status.ToWire(), RowKey(comment.Id)) { ["Slug"] = comment.Slug, ["CommentId"] = comment.Id };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await Task.WhenAll(Statuses.Where(s => s != comment.Status).Select(s => DeleteQuietlyAsync(s, comment.Id, cancellationToken)));
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        Task.WhenAll(Statuses.Select(s => DeleteQuietlyAsync(s, id, cancellationToken)));

    /// <summary>A page of comments with this status, newest first, checked against the comments themselves.</summary>
    public async Task<(IReadOnlyList<Comment> Items, string? Next)> ListAsync(
        CommentStatus status, string? after, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {status.ToWire()} and RowKey gt {after ?? string.Empty}");
        var entries = new List<TableEntity>(limit + 1);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken))
        {
            entries.Add(entity);
            if (entries.Count > limit)
            {
                break;
            }
        }

        var next = entries.Count > limit ? entries[limit - 1].RowKey : null;
        var page = entries.Take(limit).ToArray();
        var found = await Task.WhenAll(page.Select(e => comments.FindAsync(e.GetString("Slug") ?? string.Empty, e.GetString("CommentId") ?? string.Empty, cancellationToken)));

        var items = new List<Comment>(page.Length);
        var repairs = new List<Task>();
        for (var i = 0; i < page.Length; i++)
        {
            var comment = found[i];
            if (comment is not null && comment.Status == status)
            {
                items.Add(comment);
            }
            else
            {
                // A stale entry: the comment moved on or was deleted while the index write was lost.
                repairs.Add(comment is null ? RemoveAsync(page[i].GetString("CommentId") ?? string.Empty, cancellationToken) : PutAsync(comment, cancellationToken));
            }
        }

        await Task.WhenAll(repairs);
        return (items, next);
    }

    private async Task DeleteQuietlyAsync(CommentStatus status, string id, CancellationToken cancellationToken)
    {
        if (!CommentId.IsValid(id))
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(status.ToWire(), RowKey(id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: the index holds what we want.
        }
    }
}
