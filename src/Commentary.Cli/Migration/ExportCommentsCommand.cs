using System.Text.Encodings.Web;
using System.Text.Json;
using Commentary.Cli.Articles;
using Commentary.Core.Comments;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Cli.Migration;

public sealed class ExportCommentsSettings : StorageSettings
{
    [CommandOption("--article <SLUG>")]
    [Description("Export only this article's comments.")]
    public string? Article { get; set; }

    public override Spectre.Console.ValidationResult Validate() =>
        Article is null || Slug.IsValid(Article) ? Spectre.Console.ValidationResult.Success() : Spectre.Console.ValidationResult.Error($"'{Article}' is not a slug.");
}

/// <summary>Everything stored about one comment, emails, hashes and moderation included.</summary>
public sealed record ExportedComment(
    string Id, string? ParentId, string Author, string Email, string? Website, string Body, DateTimeOffset Created,
    string Status, double Score, string Priority, IReadOnlyList<ModerationReason> Reasons, string? IpHash,
    string? ModeratedBy, DateTimeOffset? ModeratedAt, string? StatusNote);

/// <summary>An article's comments, oldest first; <c>articleStored</c> says whether its Markdown file is still with us.</summary>
public sealed record ExportedArticle(string Slug, string? Title, bool ArticleStored, IReadOnlyList<ExportedComment> Comments);

public sealed record CommentsExport(string Format, int Version, DateTimeOffset ExportedAt, IReadOnlyList<ExportedArticle> Articles)
{
    public const string FormatName = "commentary-comments";
    public const int CurrentVersion = 1;
}

/// <summary>
/// <c>comments export [--article slug]</c>: every comment of every status with every field, as JSON on standard
/// output, so a site owner can take their data elsewhere. Messages go to standard error.
/// </summary>
public sealed class ExportCommentsCommand(CliOutput output, TimeProvider clock) : AsyncCommand<ExportCommentsSettings>
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Comment text stays readable; this is a file for people and programs, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override async Task<int> ExecuteAsync(CommandContext context, ExportCommentsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var storage = await StorageConnection.OpenAsync(settings, cancellationToken);
        var comments = new Dictionary<string, List<ExportedComment>>(StringComparer.Ordinal);
        await foreach (var comment in new CommentStore(storage).AllAsync(settings.Article, cancellationToken))
        {
            if (!comments.TryGetValue(comment.Slug, out var list))
            {
                comments[comment.Slug] = list = [];
            }

            list.Add(From(comment));
        }

        var files = await new ArticleBlobs(storage).ListAsync(cancellationToken);
        var slugs = settings.Article is { } only ? [only] : files.Keys.Union(comments.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var store = new ArticleStore(storage, NullLogger<ArticleStore>.Instance);
        var articles = new List<ExportedArticle>();
        foreach (var slug in slugs)
        {
            var article = files.ContainsKey(slug) ? await store.FindAsync(slug, cancellationToken) : null;
            var list = comments.GetValueOrDefault(slug) ?? [];
            articles.Add(new ExportedArticle(slug, article?.Article.Title, files.ContainsKey(slug), list.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray()));
        }

        await output.Data.WriteLineAsync(JsonSerializer.Serialize(
            new CommentsExport(CommentsExport.FormatName, CommentsExport.CurrentVersion, clock.GetUtcNow(), articles), Json));
        await output.Data.FlushAsync(cancellationToken);
        output.Errors.MarkupLineInterpolated($"Exported {articles.Sum(a => a.Comments.Count)} comments of {articles.Count} articles.");
        return 0;
    }

    private static ExportedComment From(Comment c) => new(
        c.Id, c.ParentId, c.Author, c.Email, c.Website, c.Body, c.Created, c.Status.ToWire(), c.Score,
        c.Priority == CommentPriority.Urgent ? "urgent" : "normal", c.Reasons, c.IpHash, c.ModeratedBy, c.ModeratedAt, c.StatusNote);
}
