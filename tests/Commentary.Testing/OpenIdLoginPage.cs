using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Commentary.Testing;

/// <summary>
/// The test provider's authorization endpoint (OpenIddict passes it through once it has checked the request): a login
/// page with a user name and a password, as a provider shows a person. A right pair signs the user in and OpenIddict
/// sends the browser back to the dashboard with a code; a wrong one shows the page again with an error.
/// </summary>
public static class OpenIdLoginPage
{
    private const string UserNameField = "username";
    private const string PasswordField = "password";

    public static async Task<IResult> AnswerAsync(HttpContext http, Func<string, IEnumerable<string>, ClaimsPrincipal> principalFor)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(principalFor);
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict passed on no authorization request.");
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return Page(request, error: null);
        }

        var form = await http.Request.ReadFormAsync();
        var userName = form[UserNameField].ToString();
        if (OpenIdProvider.Users.ContainsKey(userName) && form[PasswordField] == OpenIdProvider.PasswordOf(userName))
        {
            return Results.SignIn(principalFor(userName, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Page(request, "That user name and password do not match.");
    }

    /// <summary>The form, carrying the authorization request's parameters along as hidden fields so that the POST repeats it.</summary>
    private static IResult Page(OpenIddictRequest request, string? error)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is UserNameField or PasswordField)
            {
                continue;
            }

            hidden.Append(CultureInvariant($"<input type=\"hidden\" name=\"{Html(name)}\" value=\"{Html(value.ToString() ?? string.Empty)}\">"));
        }

        var message = error is null ? string.Empty : $"<p id=\"error\" role=\"alert\">{Html(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in · Test provider</title></head>
            <body>
              <main>
                <h1>Sign in to the test provider</h1>
                {{message}}
                <form method="post" action="authorize">
                  {{hidden}}
                  <p><label for="username">User name</label> <input id="username" name="{{UserNameField}}" autocomplete="username" required></p>
                  <p><label for="password">Password</label> <input id="password" name="{{PasswordField}}" type="password" autocomplete="current-password" required></p>
                  <p><button type="submit">Sign in</button></p>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
