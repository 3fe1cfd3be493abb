namespace Commentary.Api.Moderation;

/// <summary>The provider the dashboard signs in with: its issuer, the public client the dashboard is, and the scope to ask for.</summary>
public sealed record OrganisationSignIn(string Authority, string ClientId, string Scope);

/// <summary>How the dashboard may sign in: <see cref="Organisation"/> is null when no provider (or no client id) is configured.</summary>
public sealed record SignInConfiguration(OrganisationSignIn? Organisation);

/// <summary>
/// <c>GET /moderation/sign-in</c>, public: what the dashboard needs to run the authorization-code flow with PKCE in the
/// browser. The dashboard is a public client, so nothing here is secret; tokens it gets are checked by
/// <see cref="ModeratorAccess"/> like any other.
/// </summary>
public sealed class SignInConfigurationEndpoints(IOptions<SignInOptions> options, EndpointGuard guard)
{
    /// <summary>What the dashboard always asks for: an ID token (for the nonce) with the person's name.</summary>
    public const string BaseScope = "openid profile";

    private readonly SignInConfiguration _answer = Describe(options.Value);

    public Task<IResult> GetAsync(HttpRequest request) => guard.RunAsync(request, _ =>
    {
        // Read on every load of the dashboard, and a changed setting should show at once.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Task.FromResult(ApiJson.Ok(_answer));
    });

    public static SignInConfiguration Describe(SignInOptions signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (!signIn.OffersDashboardSignIn)
        {
            return new SignInConfiguration(null);
        }

        var scope = string.IsNullOrWhiteSpace(signIn.Scope) ? BaseScope : $"{BaseScope} {signIn.Scope.Trim()}";
        return new SignInConfiguration(new OrganisationSignIn(signIn.Authority!.Trim(), signIn.ClientId!.Trim(), scope));
    }
}
