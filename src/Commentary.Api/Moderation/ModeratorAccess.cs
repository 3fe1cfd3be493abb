using Commentary.Api.Access;
using Commentary.Api.Protection;

namespace Commentary.Api.Moderation;

/// <summary>
/// The door to every moderator route: no caching, the lockout for addresses that keep guessing, the credential check
/// (a key, or else an OpenID Connect bearer token when sign-in is configured; exactly one <c>Authorization</c> header),
/// then the role the route declares in <see cref="ModeratorRoutes"/>. The endpoint runs only for a known moderator
/// whose role allows it, and is given who they are for the audit trail. A wrong key and an invalid token count alike
/// towards the lockout; a valid token that grants no role is <c>403</c>.
/// </summary>
public sealed class ModeratorAccess(ModeratorKeys keys, ModeratorTokens tokens, ClientAddress clientAddress, ModeratorLockout lockout, EndpointGuard guard)
{
    /// <param name="request">the request</param>
    /// <param name="route">the route's function name (<see cref="FunctionNames"/>), whose role <see cref="ModeratorRoutes"/> declares</param>
    /// <param name="endpoint">what the route does for an allowed moderator</param>
    public Task<IResult> RunAsync(HttpRequest request, string route, Func<Moderator, CancellationToken, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var required = ModeratorRoutes.RoleFor(route);
        return guard.RunAsync(request, async cancellationToken =>
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            var client = clientAddress.Of(request.HttpContext);
            if (lockout.WaitFor(client) is { } wait)
            {
                return Problems.TooManyRequests(request, wait, "Too many wrong moderator keys or tokens from this address; wait before trying again.");
            }

            var (verdict, moderator) = await IdentifyAsync(request);
            if (verdict == TokenVerdict.Invalid)
            {
                lockout.Failed(client);
                return Problems.Unauthorized(request);
            }

            lockout.Succeeded(client);
            return moderator is null ? Refused(ModeratorRole.Moderator)
                : moderator.May(required) ? await endpoint(moderator, cancellationToken)
                : Refused(required);
        });
    }

    /// <summary>Who sent the request: a key's moderator, or else a token's holder; never both headers at once.</summary>
    private async Task<(TokenVerdict Verdict, Moderator? Moderator)> IdentifyAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1)
        {
            return (TokenVerdict.Invalid, null);
        }

        return keys.Authenticate(authorization.ToString()) is { } keyHolder
            ? (TokenVerdict.Valid, keyHolder)
            : await tokens.AuthenticateAsync(request.HttpContext);
    }

    /// <summary>The answer to a signed-in moderator whose role does not include <paramref name="required"/>.</summary>
    public static IResult Refused(ModeratorRole required)
    {
        var role = ModeratorRoleNames.ToWire(required);
        return Problems.Forbidden(role, $"This needs the {role} role, which you do not have. Ask an administrator.");
    }
}
