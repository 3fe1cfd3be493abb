using System.Text.Json.Serialization;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Api.Comments;

/// <summary>
/// A posted comment's status for its writer. <see cref="CrisisResources"/> is there only for a comment in the crisis
/// lane (held as urgent); for every other comment the field is absent.
/// </summary>
public sealed record CommentStatusAnswer(string Id, string Status)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CrisisResourcesView? CrisisResources { get; init; }

    /// <summary>When its writer last edited it: the writer's page waits for this to change to know its edit was decided.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Edited { get; init; }
}

/// <summary>The resource set shown to a writer in the crisis lane: what the widget's panel displays.</summary>
public sealed record CrisisResourcesView(string Heading, string Message, IReadOnlyList<CrisisResourceView> Resources)
{
    public static CrisisResourcesView From(CrisisResourceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Heading, set.Message, (set.Resources ?? []).Select(r => new CrisisResourceView(r.Name, r.Description, r.Phone, r.Sms, r.Url)).ToArray());
    }
}

public sealed record CrisisResourceView(string Name, string? Description, string? Phone, string? Sms, string? Url);

/// <summary>
/// A posted comment's status, which its writer's widget polls: the stored status, <c>pending</c> while the comment may
/// still be waiting in the queue, and for a comment in the crisis lane the resources the writer is shown.
/// </summary>
public sealed class CommentStatusEndpoints(
    ArticleStore articles, CommentStore comments, EndpointGuard guard, PolicyProvider policies, CrisisSupport crisis, TimeProvider clock)
{
    /// <summary>How long an id that is not in the table yet may still be waiting in the queue.</summary>
    public static readonly TimeSpan QueuedGrace = TimeSpan.FromHours(1);

    public Task<IResult> StatusAsync(HttpRequest request, string slug, string id) => guard.RunAsync(request, async cancellationToken =>
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!Slug.IsValid(slug) || !CommentId.IsValid(id))
        {
            return Problems.NotFound("There is no such comment.");
        }

        var comment = await comments.FindAsync(slug, id, cancellationToken);
        if (comment is not null)
        {
            return ApiJson.Ok(new CommentStatusAnswer(comment.Id, comment.Status.ToWire())
            {
                CrisisResources = CrisisSupport.IsInCrisisLane(comment) ? await CrisisResourcesForAsync(request, comment, cancellationToken) : null,
                Edited = comment.EditedAt,
            });
        }

        // Not stored yet: a comment posted moments ago may still be waiting in the queue.
        var age = clock.GetUtcNow() - CommentId.Timestamp(id);
        return age >= TimeSpan.FromMinutes(-1) && age < QueuedGrace && await articles.FindAsync(slug, cancellationToken) is not null
            ? ApiJson.Ok(new CommentStatusAnswer(id, "pending"))
            : Problems.NotFound("There is no such comment.");
    });

    // The set that fits the writer: the page's country (data-country), the widget's language, Accept-Language, or
    // the default. Hints that are not a country code or a language tag are ignored, never refused: the panel matters more.
    private async Task<CrisisResourcesView?> CrisisResourcesForAsync(HttpRequest request, Comment comment, CancellationToken cancellationToken)
    {
        var settings = (await policies.CurrentSettingsAsync(cancellationToken)).CrisisResources;
        if (settings is not { Enabled: true })
        {
            return null;
        }

        var match = settings.Choose(request.Query["country"].ToString(), request.Query["lang"].ToString(), request.Headers.AcceptLanguage.ToString());
        await crisis.RecordShownAsync(comment, match, cancellationToken);
        return CrisisResourcesView.From(match.Set);
    }
}
