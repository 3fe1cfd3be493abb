namespace Commentary.Api.Protection;

/// <summary>A public POST as far as every one of them goes alike: who sent it, and its JSON body.</summary>
public sealed record PublicPost<T>(string Client, T? Body, IResult? Problem)
    where T : class;

/// <summary>
/// What a reader's POST (a comment, a report) meets before its own checks: the client's address, the posting rate
/// limit shared by comments and reports (<c>429</c> with <c>Retry-After</c>), then the JSON body. The limit comes
/// first, so a flood costs no parsing.
/// </summary>
public sealed class PublicPosts(ClientAddress clientAddress, PostingRateLimiter rateLimiter)
{
    public async Task<PublicPost<T>> ReadAsync<T>(HttpRequest request, string tooFast, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = clientAddress.Of(request.HttpContext);
        if (rateLimiter.TryAcquire(client) is { } wait)
        {
            return new PublicPost<T>(client, null, Problems.TooManyRequests(request, wait, tooFast));
        }

        var (body, problem) = await JsonBody.ReadAsync<T>(request, cancellationToken);
        return new PublicPost<T>(client, body, problem);
    }
}
