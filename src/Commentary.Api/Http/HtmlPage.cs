using System.Text.Encodings.Web;

namespace Commentary.Api.Http;

/// <summary>
/// The frame of the few HTML pages the API serves itself (a signed moderation link, a subscription confirmed or
/// ended): opened from an email, never indexed, English, with everything the caller passes as text encoded.
/// </summary>
public static class HtmlPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Encodes text for an element's content or a quoted attribute.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <param name="title">The page's title, as text.</param>
    /// <param name="head">Markup for the head after the title (stylesheets), already safe.</param>
    /// <param name="main">Markup for the main element, already safe.</param>
    public static string Document(string title, string head, string main) =>
        $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{Encode(title)}</title>
        {head}
        </head>
        <body>
        <main>
        {main}
        </main>
        </body>
        </html>
        """;
}
