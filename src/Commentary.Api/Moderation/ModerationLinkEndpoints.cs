using Commentary.Api.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Commentary.Api.Moderation;

/// <summary>
/// <c>GET /moderation/link?token=…</c> shows what an Approve or Reject link from a notification would do and asks
/// for confirmation; <c>POST /moderation/link</c> (the page's form, carrying the token) does it. No moderator key:
/// the link's signature is the authority (<see cref="ModerationByLink"/>). The answers are pages for people, never
/// cached or framed, with no script and nothing from elsewhere; every failure, a storage outage included, is a page
/// with the problem's status and words.
/// </summary>
public sealed class ModerationLinkEndpoints(ModerationByLink links, ModerationLinks signer, EndpointGuard guard, UiAssetCatalog catalog)
{
    /// <summary>The form holds a token and a reason; anything bigger is not from our page.</summary>
    public const int MaxFormBytes = 16 * 1024;

    /// <summary>The dashboard's stylesheet, then the few rules of these pages.</summary>
    public static readonly IReadOnlyList<string> StylesheetFiles = ["moderation.css", "moderation-comments.css", "moderation-admin.css", "moderation-link.css"];

    public const string ReasonField = "reason";

    /// <summary>No script, no frames, stylesheets of ours only, and a form that may post only here.</summary>
    public const string PagePolicy = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private readonly string[] _stylesheets = StylesheetFiles
        .Select(file => catalog.TryGet(file, out var asset)
            ? $"../ui/{file}?v={asset.Version}"
            : throw new InvalidOperationException($"The UI file {file} is missing from the build."))
        .ToArray();

    public Task<IResult> ShowAsync(HttpRequest request) => RunAsync(request, async cancellationToken =>
    {
        var token = request.Query[ModerationLinks.TokenField].ToString();
        var outcome = await links.InspectAsync(token, cancellationToken);
        return outcome.Kind == LinkOutcomeKind.Ready
            ? Html(StatusCodes.Status200OK, ModerationLinkPages.Confirmation(outcome.Link!, outcome.Comment!, _stylesheets, token))
            : Refusal(outcome);
    });

    public Task<IResult> ActAsync(HttpRequest request) => RunAsync(request, async cancellationToken =>
    {
        if (PageAnswers.FromAnotherSite(request))
        {
            return PageAnswers.NotFromThisSite((status, title, text) => Text(status, title, text));
        }

        var (form, refused) = await ReadFormAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var token = form![ModerationLinks.TokenField].ToString();
        string? reason = null;
        if (signer.Read(token) is (LinkReading.Valid, { Action: ModerationLinkAction.Reject }))
        {
            var (text, invalid) = Http.ReasonField.Read(form[ReasonField].ToString(), "Say why the comment is rejected; the reason is kept with it.");
            if (invalid is not null)
            {
                var again = await links.InspectAsync(token, cancellationToken);
                return again.Kind == LinkOutcomeKind.Ready
                    ? Html(StatusCodes.Status400BadRequest, ModerationLinkPages.Confirmation(again.Link!, again.Comment!, _stylesheets, token, invalid))
                    : Refusal(again);
            }

            reason = text;
        }

        var outcome = await links.FollowAsync(token, reason, cancellationToken);
        return outcome.Kind == LinkOutcomeKind.Done ? Html(StatusCodes.Status200OK, ModerationLinkPages.Done(outcome.Comment!, _stylesheets)) : Refusal(outcome);
    });

    private Task<IResult> RunAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> endpoint) =>
        PageAnswers.RunAsync(guard, request, PagePolicy, endpoint, (status, title, text) => Text(status, title, text));

    private IResult Refusal(LinkOutcome outcome)
    {
        var comment = outcome.Link is { } link ? (link.Slug, link.CommentId) : ((string, string)?)null;
        return outcome.Kind switch
        {
            LinkOutcomeKind.Expired => Text(StatusCodes.Status410Gone, "This link has expired",
                "Approve and Reject links work for 7 days. Nothing was changed; decide in the dashboard instead.", comment),
            LinkOutcomeKind.Used => Text(StatusCodes.Status410Gone, "This link was used already",
                $"It was used on {outcome.Use?.At.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "an earlier visit"}; a link works once. Nothing was changed now.", comment),
            LinkOutcomeKind.Stale => Text(StatusCodes.Status409Conflict, "The comment changed since this link was sent",
                $"It is {outcome.Comment?.Status.ToWire() ?? "different"} now{(outcome.Comment?.ModeratedBy is { } by ? ", by " + by : string.Empty)}. Nothing was changed; open the dashboard to see it and decide.", comment),
            LinkOutcomeKind.Gone => Text(StatusCodes.Status404NotFound, "The comment is gone",
                "It was deleted or erased since this link was sent. Nothing was changed.", comment),
            _ => Text(StatusCodes.Status403Forbidden, "This link is not valid",
                "It is incomplete or altered, or links are switched off on this site. Nothing was changed. Open the whole link from your message, or use the dashboard."),
        };
    }

    private async Task<(Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? Form, IResult? Refused)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, Text(StatusCodes.Status415UnsupportedMediaType, "Not a form", "Send the confirmation page's form."));
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            using var reader = new FormReader(request.Body, Encoding.UTF8)
            {
                ValueCountLimit = 8,
                KeyLengthLimit = 64,
                ValueLengthLimit = MaxFormBytes,
            };
            return (await reader.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
    }

    private IResult TooLarge() =>
        Text(StatusCodes.Status413PayloadTooLarge, "Too much in the form", "Send the confirmation page's form as it is.");

    private IResult Text(int status, string title, string text, (string Slug, string Id)? comment = null) =>
        Html(status, ModerationLinkPages.Message(title, text, _stylesheets, comment));

    private static IResult Html(int status, string html) => TypedResults.Content(html, ModerationLinkPages.ContentType, Encoding.UTF8, status);
}
