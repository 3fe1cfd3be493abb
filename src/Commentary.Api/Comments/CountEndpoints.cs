using System.Globalization;

namespace Commentary.Api.Comments;

/// <summary>The answer of <c>GET /counts</c>: each asked-for slug and its approved comments.</summary>
public sealed record CommentCountList(IReadOnlyDictionary<string, int> Counts);

/// <summary><c>GET /counts?article=a&amp;article=b</c>: the comment counts of up to 100 articles in one request, for listing pages (count.js).</summary>
public sealed class CountEndpoints(CommentCounts counts, EndpointGuard guard)
{
    public const string ArticleParameter = "article";

    // A malformed slug is named in the problem, cut to this length: the answer need not echo a whole long query.
    private const int MaxEchoed = Slug.MaxLength + 1;

    public Task<IResult> GetAsync(HttpRequest request) => guard.RunAsync(request, async cancellationToken =>
    {
        var slugs = request.Query[ArticleParameter].Select(s => s ?? string.Empty).ToArray();
        if (slugs.Length is 0 or > CommentCounts.MaxArticles)
        {
            return Problems.Invalid(ArticleParameter,
                $"Give 1 to {CommentCounts.MaxArticles} article slugs as ?{ArticleParameter}=a&{ArticleParameter}=b; this request gave {slugs.Length}.");
        }

        var malformed = slugs.Where(s => !Slug.IsValid(s)).Distinct(StringComparer.Ordinal).ToArray();
        if (malformed.Length > 0)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                [ArticleParameter] = [.. malformed.Select(s => $"'{(s.Length > MaxEchoed ? s[..MaxEchoed] + "…" : s)}' is not a slug (lower-case letters and digits joined by single hyphens, at most {Slug.MaxLength} characters).")],
            });
        }

        var approved = await counts.ApprovedAsync(slugs, cancellationToken);
        var version = new StringBuilder("counts");
        foreach (var (slug, count) in approved)
        {
            version.Append('\n').Append(slug).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        var answer = JsonAnswer.Of(new CommentCountList(new Dictionary<string, int>(approved, StringComparer.Ordinal)), HttpCaching.ETagOf(version.ToString()));
        return HttpCaching.IsNotModified(request, answer.ETag, HttpCaching.PublicShortLived) ? HttpCaching.NotModified() : answer;
    });
}
