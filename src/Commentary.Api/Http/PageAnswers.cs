using Microsoft.AspNetCore.Http.HttpResults;

namespace Commentary.Api.Http;

/// <summary>
/// What the pages behind links in our messages (Approve and Reject, confirm and unsubscribe) share: they are read by a
/// person, not a program, so they are never cached, framed or referred on, every answer is a page (the guard's
/// problems included), and their forms are taken only from their own site.
/// </summary>
public static class PageAnswers
{
    /// <summary>Runs a page's endpoint under the guard with those headers; a problem the guard answers becomes a page.</summary>
    public static async Task<IResult> RunAsync(
        EndpointGuard guard, HttpRequest request, string contentSecurityPolicy, Func<CancellationToken, Task<IResult>> endpoint, Func<int, string, string, IResult> page)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        var result = await guard.RunAsync(request, endpoint);
        return result is ProblemHttpResult problem
            ? page(problem.StatusCode, problem.ProblemDetails.Title ?? "Something went wrong", problem.ProblemDetails.Detail ?? string.Empty)
            : result;
    }

    /// <summary>
    /// Whether the browser says the form came from another site. Our pages post from their own origin; a form
    /// elsewhere that somehow holds a token may not act for the person it was sent to.
    /// </summary>
    public static bool FromAnotherSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    /// <summary>The answer to a form from another site, in the words both kinds of page use.</summary>
    public static IResult NotFromThisSite(Func<int, string, string, IResult> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page(StatusCodes.Status403Forbidden, "Not from this site", "This form can only be sent from its own page. Open the link from your message again.");
    }
}
