namespace Commentary.Core.Access;

/// <summary>
/// Moderators' OpenID Connect sign-in (section <c>Moderation:SignIn</c>): the provider that issues their tokens, the
/// audience the tokens must be for, and which claim values mean which role. Off while <see cref="Authority"/> is unset;
/// keys work either way.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "Moderation:SignIn";
    public const string DefaultRoleClaim = "roles";
    public const string DefaultModeratorValue = "Commentary.Moderator";
    public const string DefaultAdminValue = "Commentary.Admin";

    /// <summary>The provider's issuer address, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; its discovery document names the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The application's client id, which the dashboard signs in as; accepted as an audience too.</summary>
    public string? ClientId { get; set; }

    /// <summary>The audience tokens must carry (<c>aud</c>), e.g. <c>api://commentary</c>; the client id when unset.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The scope the dashboard asks for besides <c>openid</c> and <c>profile</c>, so that the provider issues an access
    /// token for this API, e.g. <c>api://commentary/Moderate</c> for Entra ID; none when the provider needs none.
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>Whether the dashboard can offer "Sign in with your organisation": a provider and a client id to sign in as.</summary>
    public bool OffersDashboardSignIn => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The claim whose values give the role: <c>roles</c> (app roles) or <c>groups</c> (group object ids).</summary>
    public string RoleClaim { get; set; } = DefaultRoleClaim;

    /// <summary>The claim value that makes someone a moderator.</summary>
    public string ModeratorValue { get; set; } = DefaultModeratorValue;

    /// <summary>The claim value that makes someone an admin.</summary>
    public string AdminValue { get; set; } = DefaultAdminValue;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The audiences a token may carry: the audience and the client id, whichever are set.</summary>
    public IReadOnlyList<string> Audiences =>
        new[] { Audience, ClientId }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The highest role the claim values grant, or null when they grant none.</summary>
    public ModeratorRole? RoleFrom(IEnumerable<string> roleClaimValues)
    {
        ArgumentNullException.ThrowIfNull(roleClaimValues);
        ModeratorRole? role = null;
        foreach (var value in roleClaimValues)
        {
            if (string.Equals(value, AdminValue, StringComparison.Ordinal))
            {
                return ModeratorRole.Admin;
            }

            if (string.Equals(value, ModeratorValue, StringComparison.Ordinal))
            {
                role = ModeratorRole.Moderator;
            }
        }

        return role;
    }

    /// <summary>
    /// The name the audit trail records for a token's holder: <c>name</c>, else <c>preferred_username</c>, else the
    /// subject (an application signing in as itself has neither).
    /// </summary>
    public static string NameFrom(Func<string, string?> claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        foreach (var type in new[] { "name", "preferred_username", "sub" })
        {
            var value = claim(type);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return "unknown";
    }

    /// <summary>Start-up validation: a usable authority, an audience, a role claim and two different role values.</summary>
    public static IEnumerable<string> Problems(SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            yield return "Moderation:SignIn:Authority must be the provider's https:// address (http:// only on loopback) (environment: Moderation__SignIn__Authority).";
        }

        if (options.Audiences.Count == 0)
        {
            yield return "Moderation:SignIn:Audience or Moderation:SignIn:ClientId must be set with an authority (environment: Moderation__SignIn__Audience, Moderation__SignIn__ClientId).";
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            yield return "Moderation:SignIn:RoleClaim cannot be empty (environment: Moderation__SignIn__RoleClaim).";
        }

        if (string.IsNullOrWhiteSpace(options.ModeratorValue) || string.IsNullOrWhiteSpace(options.AdminValue)
            || string.Equals(options.ModeratorValue, options.AdminValue, StringComparison.Ordinal))
        {
            yield return "Moderation:SignIn:ModeratorValue and AdminValue must be set and differ (environment: Moderation__SignIn__ModeratorValue, Moderation__SignIn__AdminValue).";
        }
    }
}
