using System.Security.Cryptography;

namespace Commentary.Api.Notifications;

/// <summary>
/// The plain pages behind a commenter's confirmation and unsubscribe links: a question with one button (GET), the
/// result (POST), and a page for every refusal. No script, nothing loaded from anywhere; the one inline style is
/// allowed by its hash in <see cref="Policy"/>.
/// </summary>
public static class SubscriptionPages
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The field RFC 8058 one-click unsubscribe posts, and our page's form too.</summary>
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    private const string Style =
        "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}"
        + "button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#1b5e9f;color:#fff;cursor:pointer}"
        + "button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}"
        + "@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}button{background:#4a90d9;color:#000}}";

    /// <summary>
    /// The pages' Content-Security-Policy: nothing but the inline style (by its hash), and a form that may post only
    /// to this site; never framed.
    /// </summary>
    public static string Policy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static string ConfirmQuestion(string token) => Page(
        "Confirm your address",
        "<p>You asked to be emailed about your comment. Press the button to confirm that this address is yours; until you do, it gets no mail from us.</p>"
        + Form(SubscriptionLinks.ConfirmRoute, token, "Confirm my address", oneClick: false));

    public static string Confirmed() => Page(
        "Address confirmed",
        "<p>Thank you. You will be emailed about the comments you asked for. Every message has a link to stop it.</p>");

    public static string UnsubscribeQuestion(SubscriptionLink link, string token) => Page(
        "Stop email from us",
        $"<p>{E(Scope(link))}</p>" + Form(SubscriptionLinks.UnsubscribeRoute, token, link.Slug is null ? "Stop all email" : "Stop email about this article", oneClick: true));

    public static string Unsubscribed(SubscriptionLink link) => Page(
        "You will get no more email",
        link.Slug is null
            ? "<p>This address gets no more email from us about any comment. To hear from us again, ask for it on a comment form and confirm once more.</p>"
            : $"<p>This address gets no more email about the discussion of the article <em>{E(link.Slug)}</em>. To hear about it again, ask on a new comment there.</p>");

    public static string Message(string title, string text) => Page(title, $"<p>{E(text)}</p>");

    private static string Scope(SubscriptionLink link) => link.Slug is null
        ? "Press the button and this address gets no more email from us about comments, at once."
        : $"Press the button and this address gets no more email about the discussion of the article \"{link.Slug}\", at once.";

    private static string Form(string route, string token, string label, bool oneClick) =>
        $"<form method=\"post\" action=\"{E(route[(route.LastIndexOf('/') + 1)..])}\">"
        + $"<input type=\"hidden\" name=\"{SubscriptionLinks.TokenField}\" value=\"{E(token)}\">"
        + (oneClick ? $"<input type=\"hidden\" name=\"{OneClickField}\" value=\"{OneClickValue}\">" : string.Empty)
        + $"<button type=\"submit\">{E(label)}</button></form>";

    private static string E(string? text) => HtmlPage.Encode(text);

    private static string Page(string title, string main) =>
        HtmlPage.Document(title, $"<style>{Style}</style>", $"<h1>{E(title)}</h1>{main}");
}
