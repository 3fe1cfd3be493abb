using System.Globalization;

namespace Commentary.Api.Http;

/// <summary>The <c>limit</c> and <c>continuationToken</c> query parameters of a paged list, checked.</summary>
public sealed record PageRequest(int Limit, string? After)
{
    public static (PageRequest? Page, IResult? Problem) From(HttpRequest request, int defaultLimit, int maxLimit, Func<string, bool> isValidToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(isValidToken);
        var limit = defaultLimit;
        var limitText = request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            return (null, Problems.Invalid("limit", $"limit must be a whole number from 1 to {maxLimit}."));
        }

        var token = request.Query["continuationToken"].ToString();
        if (token.Length > 0 && !isValidToken(token))
        {
            return (null, Problems.Invalid("continuationToken", "This continuation token was not issued by this list."));
        }

        return (new PageRequest(limit, token.Length == 0 ? null : token), null);
    }
}
