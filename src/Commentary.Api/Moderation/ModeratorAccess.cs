using Commentary.Api.Http;
using Commentary.Api.Protection;
using Commentary.Core.Access;

namespace Commentary.Api.Moderation;

/// <summary>
/// The door to every moderator route: no caching, the lockout for addresses that keep guessing, the credential check,
/// then the role the route declares in <see cref="ModeratorRoutes"/>. The endpoint runs only for a known moderator
/// whose role allows it, and is given who they are for the audit trail.
/// </summary>
public sealed class ModeratorAccess(ModeratorKeys keys, ClientAddress clientAddress, ModeratorLockout lockout, EndpointGuard guard)
{
    /// <param name="request">the request</param>
    /// <param name="route">the route's function name (<see cref="FunctionNames"/>), whose role <see cref="ModeratorRoutes"/> declares</param>
    /// <param name="endpoint">what the route does for an allowed moderator</param>
    public Task<IResult> RunAsync(HttpRequest request, string route, Func<Moderator, CancellationToken, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var required = ModeratorRoutes.RoleFor(route);
        return guard.RunAsync(request, cancellationToken =>
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            var client = clientAddress.Of(request.HttpContext);
            if (lockout.WaitFor(client) is { } wait)
            {
                return Task.FromResult<IResult>(Problems.TooManyRequests(request, wait, "Too many wrong moderator keys from this address; wait before trying again."));
            }

            var authorization = request.Headers.Authorization;
            var moderator = authorization.Count == 1 ? keys.Authenticate(authorization.ToString()) : null;
            if (moderator is null)
            {
                lockout.Failed(client);
                return Task.FromResult<IResult>(Problems.Unauthorized(request));
            }

            lockout.Succeeded(client);
            return moderator.May(required)
                ? endpoint(moderator, cancellationToken)
                : Task.FromResult<IResult>(Refused(required));
        });
    }

    /// <summary>The answer to a signed-in moderator whose role does not include <paramref name="required"/>.</summary>
    public static IResult Refused(ModeratorRole required)
    {
        var role = ModeratorRoleNames.ToWire(required);
        return Problems.Forbidden(role, $"This needs the {role} role, which you do not have. Ask an administrator.");
    }
}
