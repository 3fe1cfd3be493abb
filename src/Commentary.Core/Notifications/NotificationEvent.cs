using System.Text.Json.Serialization;

namespace Commentary.Core.Notifications;

/// <summary>The kinds of <see cref="NotificationEvent"/>: part of the contract with webhook receivers, which choose among them.</summary>
public static class NotificationKinds
{
    /// <summary>A comment in the crisis lane is held: moderators are told at once, on every channel that takes it.</summary>
    public const string Urgent = "comment.urgent";

    /// <summary>A comment is held for a moderator (at decision, or again after readers' reports).</summary>
    public const string Held = "comment.held";

    /// <summary>A comment became public (by the policy, a moderator, or Akismet's late answer).</summary>
    public const string Published = "comment.published";

    /// <summary>A comment was rejected (by the policy, a moderator, or as spam).</summary>
    public const string Rejected = "comment.rejected";

    /// <summary>A reply became public: the event names the reply (<see cref="NotificationEvent.CommentId"/>) and the comment answered (<see cref="NotificationEvent.ParentId"/>).</summary>
    public const string Replied = "comment.replied";

    /// <summary>Held comments gathered into one message (<see cref="NotificationOptions.DigestMinutes"/>); endpoints that take <see cref="Held"/> get it.</summary>
    public const string HeldDigest = "comment.held.digest";

    /// <summary>The kinds an endpoint may choose.</summary>
    public static IReadOnlyList<string> All { get; } = [Urgent, Held, Published, Rejected, Replied];

    /// <summary>What moderators' channels get unless they choose otherwise.</summary>
    public static IReadOnlyList<string> ModeratorDefaults { get; } = [Urgent, Held];
}

/// <summary>
/// One thing that happened to a comment, as a notification carries it. It holds what any recipient needs to write its
/// message (the article, the comment, its parent, the author's display name, the beginning of the text, the reasons)
/// and never the commenter's email or IP hash: webhook payloads are built from it. <see cref="Id"/> is stable across
/// redeliveries of the same happening, so deliveries are deduplicated by it.
/// </summary>
public sealed record NotificationEvent
{
    /// <summary>How much of the comment's text a notification shows.</summary>
    public const int ExcerptLength = 280;

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Slug { get; init; }

    /// <summary>The comment the event is about; for <see cref="NotificationKinds.Replied"/>, the reply.</summary>
    public required string CommentId { get; init; }

    /// <summary>The comment answered, when <see cref="CommentId"/> is a reply.</summary>
    public string? ParentId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The commenter's display name (public on a published comment anyway).</summary>
    public required string Author { get; init; }

    /// <summary>The beginning of the comment's text, at most <see cref="ExcerptLength"/> characters.</summary>
    public required string Excerpt { get; init; }

    public IReadOnlyList<ModerationReason> Reasons { get; init; } = [];

    /// <summary>The comment's status after the event: pending, approved, rejected.</summary>
    public required string Status { get; init; }

    public bool Urgent { get; init; }

    /// <summary>The comment's ETag when the event happened: Approve and Reject links act only on that version.</summary>
    public string? ETag { get; init; }

    /// <summary>Who caused it: a moderator's name, <c>policy</c>, <c>readers</c>, <c>akismet</c>.</summary>
    public string? By { get; init; }

    /// <summary>A moderator's note (the reason for a rejection).</summary>
    public string? Note { get; init; }

    /// <summary>Filled only for <see cref="NotificationKinds.HeldDigest"/>: the held comments it gathers, oldest first.</summary>
    public IReadOnlyList<NotificationEvent>? Digest { get; init; }

    /// <summary>The comment ids an operator searches the logs by.</summary>
    [JsonIgnore]
    public string CommentIds => Digest is { Count: > 0 } items ? string.Join(",", items.Select(i => i.CommentId)) : CommentId;
}

/// <summary>
/// One message on the <c>notifications</c> queue: the events of one happening (a reply's approval is both
/// <c>comment.published</c> and <c>comment.replied</c>, sent together in one queue message), or a digest to send.
/// <see cref="Attempt"/> counts the deliveries made; <see cref="FirstTried"/> is when the first was, so retries stop
/// after <see cref="NotificationOptions.RetryFor"/>.
/// </summary>
public sealed record NotificationMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyList<NotificationEvent> Events { get; init; } = [];

    /// <summary>The digest to send (its items are read from the digest table), instead of <see cref="Events"/>.</summary>
    public string? Digest { get; init; }

    public int Attempt { get; init; }

    public DateTimeOffset? FirstTried { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The message, or null when it is not one we could ever act on.</summary>
    public static NotificationMessage? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<NotificationMessage>(text, Json);
            if (message is null || message.Attempt < 0)
            {
                return null;
            }

            if (message.Digest is not null)
            {
                return NotificationKeys.IsSafe(message.Digest) && message.Events.Count == 0 ? message : null;
            }

            return message.Events.Count > 0 && message.Events.All(IsWellFormed) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The comment ids in a message's text, for log lines, even when it does not parse as a whole.</summary>
    public static string CommentIdsOf(string? text)
    {
        var message = Parse(text);
        if (message is null)
        {
            return "(unreadable)";
        }

        return message.Digest is { } digest ? "digest " + digest : string.Join(",", message.Events.Select(e => e.CommentId).Distinct());
    }

    private static bool IsWellFormed(NotificationEvent e) =>
        e is not null && NotificationKeys.IsSafe(e.Id) && NotificationKinds.All.Contains(e.Kind) && Slug.IsValid(e.Slug) && CommentId.IsValid(e.CommentId)
        && (e.ParentId is null || CommentId.IsValid(e.ParentId)) && e.Author is not null && e.Excerpt is not null && e.Status is not null;
}

/// <summary>Builds the events of what happened to a comment; the moderation worker and the moderators' actions share it.</summary>
public static class NotificationEvents
{
    /// <summary>The events of the worker's decision on a new comment. Stable ids: a redelivered submission makes the same ones.</summary>
    public static IReadOnlyList<NotificationEvent> ForDecision(Comment comment) => For(comment, "decided");

    /// <summary>
    /// The events of a change of status (a moderator's action, readers' reports, Akismet's late answer). The id is
    /// made from the comment's new ETag: each change is a happening of its own.
    /// </summary>
    public static IReadOnlyList<NotificationEvent> ForChange(Comment changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(changed.ETag)).AsSpan(0, 6));
        return For(changed, "v" + version);
    }

    private static IReadOnlyList<NotificationEvent> For(Comment comment, string cause)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var first = Event(comment, cause, comment.Status switch
        {
            CommentStatus.Pending when comment.Priority == CommentPriority.Urgent => NotificationKinds.Urgent,
            CommentStatus.Pending => NotificationKinds.Held,
            CommentStatus.Approved => NotificationKinds.Published,
            _ => NotificationKinds.Rejected,
        });
        return comment is { Status: CommentStatus.Approved, ParentId: not null }
            ? [first, Event(comment, cause, NotificationKinds.Replied)]
            : [first];
    }

    private static NotificationEvent Event(Comment comment, string cause, string kind) => new()
    {
        // "comment." is the same for every kind; the rest keeps the id short and safe as a table key.
        Id = $"{comment.Id}.{cause}.{kind["comment.".Length..]}",
        Kind = kind,
        Slug = comment.Slug,
        CommentId = comment.Id,
        ParentId = comment.ParentId,
        At = comment.ModeratedAt ?? comment.Created,
        Author = comment.Author,
        Excerpt = Excerpt(comment.Body),
        Reasons = comment.Reasons,
        Status = comment.Status.ToWire(),
        Urgent = comment.Priority == CommentPriority.Urgent,
        ETag = string.IsNullOrEmpty(comment.ETag) ? null : comment.ETag,
        By = comment.ModeratedBy,
        Note = comment.StatusNote,
    };

    /// <summary>The beginning of a text: whitespace folded, cut at a word before <see cref="NotificationEvent.ExcerptLength"/> with "…".</summary>
    public static string Excerpt(string? body)
    {
        var folded = string.Join(' ', (body ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (folded.Length <= NotificationEvent.ExcerptLength)
        {
            return folded;
        }

        var cut = folded.LastIndexOf(' ', NotificationEvent.ExcerptLength - 1);
        if (cut < NotificationEvent.ExcerptLength / 2)
        {
            cut = NotificationEvent.ExcerptLength - 1;
        }

        // Never split a surrogate pair.
        if (char.IsHighSurrogate(folded[cut - 1]))
        {
            cut--;
        }

        return folded[..cut].TrimEnd() + "…";
    }
}

/// <summary>Table keys made from notification ids and recipients.</summary>
public static class NotificationKeys
{
    /// <summary>True when <paramref name="value"/> can be a table key as it is: letters, digits and <c>.-_:</c>, at most 200.</summary>
    public static bool IsSafe(string? value) =>
        value is { Length: > 0 and <= 200 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    /// <summary>A short, stable stand-in for an address in keys and logs: the address itself is not stored.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())).AsSpan(0, 10));
}
