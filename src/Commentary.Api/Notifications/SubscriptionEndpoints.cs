using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commentary.Api.Notifications;

/// <summary>
/// The links in commenters' mail. <c>GET /subscriptions/confirm?token=…</c> asks (mail scanners follow links, so a
/// GET changes nothing) and its form's <c>POST</c> confirms the address. <c>GET /subscriptions/unsubscribe?token=…</c>
/// asks; a <c>POST</c> with <c>List-Unsubscribe=One-Click</c> (a mail client's one-click unsubscribe, RFC 8058, or the
/// page's button) stops the mail at once. The token rides in the query string, or in the form. Every answer is a
/// page for a person, never cached, sent without a referrer, under a strict Content-Security-Policy.
/// </summary>
public sealed class SubscriptionEndpoints(SubscriptionRequests requests, EndpointGuard guard)
{
    /// <summary>Our forms hold a token and a flag; a one-click POST is a line. Anything bigger is not either.</summary>
    public const int MaxFormBytes = 8 * 1024;

    public Task<IResult> ShowConfirmAsync(HttpRequest request) => RunAsync(request, cancellationToken =>
    {
        var token = request.Query[SubscriptionLinks.TokenField].ToString();
        var result = requests.Inspect(token, SubscriptionLinkPurpose.Confirm);
        return Task.FromResult(result.Outcome == SubscriptionRequestOutcome.Ready
            ? Html(StatusCodes.Status200OK, SubscriptionPages.ConfirmQuestion(token))
            : Refusal(result));
    });

    public Task<IResult> ConfirmAsync(HttpRequest request) => RunAsync(request, async cancellationToken =>
    {
        if (PageAnswers.FromAnotherSite(request))
        {
            return PageAnswers.NotFromThisSite(Text);
        }

        var (form, refused) = await ReadFormAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var result = await requests.ConfirmAsync(TokenOf(request, form!), cancellationToken);
        return result.Outcome == SubscriptionRequestOutcome.Done ? Html(StatusCodes.Status200OK, SubscriptionPages.Confirmed()) : Refusal(result);
    });

    public Task<IResult> ShowUnsubscribeAsync(HttpRequest request) => RunAsync(request, cancellationToken =>
    {
        var token = request.Query[SubscriptionLinks.TokenField].ToString();
        var result = requests.Inspect(token, SubscriptionLinkPurpose.Unsubscribe);
        return Task.FromResult(result.Outcome == SubscriptionRequestOutcome.Ready
            ? Html(StatusCodes.Status200OK, SubscriptionPages.UnsubscribeQuestion(result.Link!, token))
            : Refusal(result));
    });

    public Task<IResult> UnsubscribeAsync(HttpRequest request) => RunAsync(request, async cancellationToken =>
    {
        var (form, refused) = await ReadFormAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (form![SubscriptionPages.OneClickField].ToString() != SubscriptionPages.OneClickValue)
        {
            return Text(StatusCodes.Status400BadRequest, "Not an unsubscribe request",
                $"A one-click unsubscribe sends {SubscriptionPages.OneClickField}={SubscriptionPages.OneClickValue}. Nothing was changed.");
        }

        var result = await requests.UnsubscribeAsync(TokenOf(request, form), cancellationToken);
        return result.Outcome == SubscriptionRequestOutcome.Done ? Html(StatusCodes.Status200OK, SubscriptionPages.Unsubscribed(result.Link!)) : Refusal(result);
    });

    private static string TokenOf(HttpRequest request, IFormCollection form)
    {
        var query = request.Query[SubscriptionLinks.TokenField].ToString();
        return query.Length > 0 ? query : form[SubscriptionLinks.TokenField].ToString();
    }

    private Task<IResult> RunAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> endpoint) =>
        PageAnswers.RunAsync(guard, request, SubscriptionPages.Policy, endpoint, Text);

    private static IResult Refusal(SubscriptionRequestResult result) => result.Outcome switch
    {
        SubscriptionRequestOutcome.Expired => Text(StatusCodes.Status410Gone, "This link has expired",
            "Confirmation links work for 30 days. Nothing was changed. Ask for email on a comment form again to get a new one."),
        SubscriptionRequestOutcome.Superseded => Text(StatusCodes.Status410Gone, "This link no longer confirms",
            "The address stopped all email from us after this link was sent. Nothing was changed. Ask for email on a comment form again to get a new one."),
        _ => Text(StatusCodes.Status403Forbidden, "This link is not valid",
            "It is incomplete or altered, or this site no longer sends email about comments. Nothing was changed. Open the whole link from your message."),
    };

    private static async Task<(IFormCollection? Form, IResult? Refused)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // RFC 8058: a one-click POST is application/x-www-form-urlencoded or multipart/form-data.
        if (!request.HasFormContentType)
        {
            return (null, Text(StatusCodes.Status415UnsupportedMediaType, "Not a form", "Send the page's form, or List-Unsubscribe=One-Click as a form."));
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return (null, TooLarge());
        }

        var limits = new FormOptions
        {
            ValueCountLimit = 8,
            KeyLengthLimit = 64,
            ValueLengthLimit = MaxFormBytes,
            MultipartBodyLengthLimit = MaxFormBytes,
            MultipartHeadersLengthLimit = 2048,
            BufferBody = false,
        };
        try
        {
            return (await new FormFeature(request, limits).ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            // Over a limit, or a multipart body without its boundary.
            return (null, Text(StatusCodes.Status400BadRequest, "The form could not be read", "Send the page's form as it is. Nothing was changed."));
        }
    }

    private static IResult TooLarge() => Text(StatusCodes.Status413PayloadTooLarge, "Too much in the form", "Send the page's form as it is.");

    private static IResult Text(int status, string title, string text) => Html(status, SubscriptionPages.Message(title, text));

    private static IResult Html(int status, string html) => TypedResults.Content(html, SubscriptionPages.ContentType, Encoding.UTF8, status);
}
