using Microsoft.AspNetCore.Authentication;

namespace Commentary.Api.Access;

/// <summary>What a bearer token turned out to be.</summary>
public enum TokenVerdict
{
    /// <summary>Not a valid token from the configured provider for this application (or sign-in is off).</summary>
    Invalid,

    /// <summary>A valid token whose role claim grants neither role.</summary>
    NoRole,

    /// <summary>A valid token with a role.</summary>
    Valid,
}

/// <summary>
/// Moderators' OpenID Connect bearer tokens, checked by ASP.NET Core's JWT bearer handler (registered as
/// <see cref="Scheme"/>): signature against the provider's published keys, issuer, audience, lifetime. The endpoint
/// code calls it, not a middleware, so the Functions app and the self-host check tokens the same way.
/// </summary>
public sealed class ModeratorTokens(IOptions<SignInOptions> options)
{
    public const string Scheme = "ModeratorToken";
    private readonly SignInOptions _options = options.Value;

    public bool Enabled => _options.Enabled;

    public async Task<(TokenVerdict Verdict, Moderator? Moderator)> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.Enabled)
        {
            return (TokenVerdict.Invalid, null);
        }

        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return (TokenVerdict.Invalid, null);
        }

        var role = _options.RoleFrom(principal.FindAll(_options.RoleClaim).Select(c => c.Value));
        return role is null
            ? (TokenVerdict.NoRole, null)
            : (TokenVerdict.Valid, new Moderator(SignInOptions.NameFrom(type => principal.FindFirst(type)?.Value), role.Value));
    }

    /// <summary>The JWT bearer options for the configured provider.</summary>
    internal static void Configure(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions bearer, SignInOptions signIn)
    {
        if (!signIn.Enabled)
        {
            return;
        }

        var authority = new Uri(signIn.Authority!.Trim());
        bearer.Authority = authority.ToString();
        bearer.RequireHttpsMetadata = !authority.IsLoopback;
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters.ValidAudiences = signIn.Audiences;
        bearer.TokenValidationParameters.NameClaimType = "name";
        bearer.TokenValidationParameters.RoleClaimType = signIn.RoleClaim;
        bearer.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
    }
}
