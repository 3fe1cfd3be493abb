using Commentary.Core.Privacy;

namespace Commentary.Core.Notifications;

/// <summary>What a commenter asked for with one comment.</summary>
public sealed record SubscriptionChoice(bool Published, bool Replies)
{
    public bool Any => Published || Replies;
}

/// <summary>One address's standing: confirmed (double opt-in) or not, unsubscribed from everything or not, and its last confirmation mail.</summary>
public sealed record Subscriber(string Key, DateTimeOffset? ConfirmedAt, DateTimeOffset? UnsubscribedAt, DateTimeOffset? ConfirmationSentAt, string? ConfirmationEvent, ETag ETag)
{
    /// <summary>Confirmed since the last "unsubscribe from everything".</summary>
    public bool IsConfirmed => ConfirmedAt is { } confirmed && (UnsubscribedAt is null || confirmed > UnsubscribedAt);
}

/// <summary>
/// A comment's opt-in as it stands now: <see cref="Published"/> and <see cref="Replies"/> are what may be sent (the
/// address confirmed, and no unsubscribe since the comment was written); <see cref="NeedsConfirmation"/> when the
/// reader asked for mail and the address is not confirmed.
/// </summary>
public sealed record CommentSubscription(Subscriber Subscriber, bool Published, bool Replies, bool NeedsConfirmation);

/// <summary>One row of a commenter's export.</summary>
public sealed record SubscriptionRecord(string Kind, string? Slug, string? CommentId, bool? Published, bool? Replies, DateTimeOffset? At, DateTimeOffset? ConfirmedAt, DateTimeOffset? UnsubscribedAt);

/// <summary>
/// Commenters' opt-ins, in table <c>Subscriptions</c>. PartitionKey = the keyed hash of the address (HMAC under
/// <c>Privacy:IpHashKey</c>, <see cref="KeyOf"/>): the address itself is in no key and no row here; mail takes it from
/// the comment. Rows: <c>address</c> (confirmed, unsubscribed from everything, the last confirmation mail),
/// <c>c_{slug}_{id}</c> (what was asked for with one comment, and when), <c>t_{slug}</c> (unsubscribed from one
/// article's discussions). An unsubscribe wins over every opt-in made before it; a later opt-in counts again, but
/// after "everything" only once the address is confirmed again. One partition per address, so erasure is one query.
/// </summary>
public sealed class CommenterSubscriptions(StorageClients storage, IpAddressHasher hasher, TimeProvider clock)
{
    /// <summary>A confirmation mail is sent again only after this long without an answer.</summary>
    public static readonly TimeSpan ConfirmationResendAfter = TimeSpan.FromDays(7);

    private const string AddressRow = "address";
    private readonly TableClient _table = storage.Subscriptions;

    /// <summary>The key an address is kept under: an HMAC, so the table cannot be searched by trying addresses without the key.</summary>
    public string KeyOf(string email) => hasher.Hash("subscriber:" + (email ?? throw new ArgumentNullException(nameof(email))).Trim().ToLowerInvariant());

    /// <summary>True for what <see cref="KeyOf"/> makes: 64 lower-case hex digits.</summary>
    public static bool IsSubscriberKey(string? value) => value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Records what a reader asked for with a comment; again for a redelivered submission, harmlessly.</summary>
    public async Task RecordAsync(string email, string slug, string commentId, SubscriptionChoice choice, DateTimeOffset submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var key = KeyOf(email);
        var row = new TableEntity(key, CommentRow(slug, commentId))
        {
            ["Slug"] = slug,
            ["CommentId"] = commentId,
            ["Published"] = choice.Published,
            ["Replies"] = choice.Replies,
            ["Submitted"] = submitted,
        };
        await Task.WhenAll(_table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), AddSubscriberAsync(key, cancellationToken));
    }

    private async Task AddSubscriberAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(key, AddressRow) { ["Created"] = clock.GetUtcNow() }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Known already.
        }
    }

    /// <summary>What one comment's author may be sent now, or null when they asked for nothing with it.</summary>
    public async Task<CommentSubscription?> FindAsync(string email, string slug, string commentId, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var choice = _table.FindAsync(key, CommentRow(slug, commentId), cancellationToken);
        var thread = _table.FindAsync(key, ThreadRow(slug), cancellationToken);
        var subscriber = SubscriberAsync(key, cancellationToken);
        await Task.WhenAll(choice, thread, subscriber);
        if (await choice is not { } row)
        {
            return null;
        }

        var who = await subscriber;
        var submitted = row.GetDateTimeOffset("Submitted") ?? DateTimeOffset.MinValue;
        var threadOff = (await thread)?.GetDateTimeOffset("UnsubscribedAt");
        var live = submitted > (who.UnsubscribedAt ?? DateTimeOffset.MinValue) && submitted > (threadOff ?? DateTimeOffset.MinValue);
        var published = live && row.GetBoolean("Published") == true;
        var replies = live && row.GetBoolean("Replies") == true;
        return new CommentSubscription(who, who.IsConfirmed && published, who.IsConfirmed && replies, !who.IsConfirmed && (published || replies));
    }

    /// <summary>The address's standing (a new, unconfirmed one when nothing is stored).</summary>
    public async Task<Subscriber> SubscriberAsync(string key, CancellationToken cancellationToken)
    {
        if (await _table.FindAsync(key, AddressRow, cancellationToken) is not { } row)
        {
            return new Subscriber(key, null, null, null, null, default);
        }

        return new Subscriber(key, row.GetDateTimeOffset("ConfirmedAt"), row.GetDateTimeOffset("UnsubscribedAt"),
            row.GetDateTimeOffset("ConfirmationSentAt"), row.GetString("ConfirmationEvent"), row.ETag);
    }

    /// <summary>
    /// True when notification <paramref name="eventId"/> may send the address its confirmation mail: no other sent one
    /// within <see cref="ConfirmationResendAfter"/>. The claim is made under the row's ETag, so of two events at once
    /// one sends; the same event asking again (a retry) keeps its claim.
    /// </summary>
    public static bool MayConfirm(Subscriber subscriber, string eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return !subscriber.IsConfirmed
            && (subscriber.ConfirmationEvent == eventId || subscriber.ConfirmationSentAt is null || now - subscriber.ConfirmationSentAt >= ConfirmationResendAfter);
    }

    /// <inheritdoc cref="MayConfirm"/>
    public async Task<bool> ClaimConfirmationAsync(string key, string eventId, CancellationToken cancellationToken)
    {
        var subscriber = await SubscriberAsync(key, cancellationToken);
        var now = clock.GetUtcNow();
        if (!MayConfirm(subscriber, eventId, now))
        {
            return false;
        }

        if (subscriber.ConfirmationEvent == eventId)
        {
            return true;
        }

        var row = new TableEntity(key, AddressRow) { ["ConfirmationSentAt"] = now, ["ConfirmationEvent"] = eventId };
        try
        {
            if (subscriber.ETag == default)
            {
                row["Created"] = now;
                await _table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(row, subscriber.ETag, TableUpdateMode.Merge, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // Another event changed the row first: it sends, or the address was confirmed meanwhile.
            return false;
        }
    }

    /// <summary>Confirms the address, unless the link predates an unsubscribe from everything. Returns the standing after.</summary>
    public async Task<(bool Confirmed, Subscriber Subscriber)> ConfirmAsync(SubscriptionLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var subscriber = await SubscriberAsync(link.Subscriber, cancellationToken);
        if (subscriber.UnsubscribedAt is { } off && link.IssuedAt <= off)
        {
            return (false, subscriber);
        }

        if (subscriber.IsConfirmed)
        {
            return (true, subscriber);
        }

        var now = clock.GetUtcNow();
        await _table.UpsertEntityAsync(new TableEntity(link.Subscriber, AddressRow) { ["ConfirmedAt"] = now }, TableUpdateMode.Merge, cancellationToken);
        return (true, subscriber with { ConfirmedAt = now });
    }

    /// <summary>Stops mail at once: about one article's discussions (<paramref name="slug"/>) or everything (null).</summary>
    public async Task UnsubscribeAsync(string key, string? slug, CancellationToken cancellationToken)
    {
        var row = new TableEntity(key, slug is null ? AddressRow : ThreadRow(slug)) { ["UnsubscribedAt"] = clock.GetUtcNow() };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Everything kept for an address, for a commenter's export.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string email, CancellationToken cancellationToken)
    {
        var records = new List<SubscriptionRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == KeyOf(email), cancellationToken: cancellationToken))
        {
            records.Add(row.RowKey switch
            {
                AddressRow => new SubscriptionRecord("address", null, null, null, null, row.GetDateTimeOffset("Created"), row.GetDateTimeOffset("ConfirmedAt"), row.GetDateTimeOffset("UnsubscribedAt")),
                _ when row.RowKey.StartsWith("t_", StringComparison.Ordinal) =>
                    new SubscriptionRecord("article", row.RowKey[2..], null, null, null, null, null, row.GetDateTimeOffset("UnsubscribedAt")),
                _ => new SubscriptionRecord("comment", row.GetString("Slug"), row.GetString("CommentId"), row.GetBoolean("Published"), row.GetBoolean("Replies"),
                    row.GetDateTimeOffset("Submitted"), null, null),
            });
        }

        return records;
    }

    /// <summary>Deletes everything kept for an address; returns how many rows there were.</summary>
    public async Task<int> EraseAsync(string email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var rows = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == key, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row.RowKey);
        }

        // A deleted row that is gone already counts as deleted.
        await Task.WhenAll(rows.Select(r => _table.DeleteEntityAsync(key, r, ETag.All, cancellationToken)));
        return rows.Count;
    }

    private static string CommentRow(string slug, string commentId) => $"c_{slug}_{commentId}";

    private static string ThreadRow(string slug) => "t_" + slug;
}
