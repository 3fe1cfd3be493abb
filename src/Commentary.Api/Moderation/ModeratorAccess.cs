using Commentary.Api.Http;
using Commentary.Api.Protection;
using Commentary.Core.Access;
using Commentary.Core.Moderation;
using Commentary.Core.Telemetry;

namespace Commentary.Api.Moderation;

/// <summary>
/// The door to every moderator route: no caching, the lockout for addresses that keep guessing, then the key check.
/// The endpoint runs only for a known moderator, whose name it is given for the audit trail.
/// </summary>
public sealed class ModeratorAccess(ModeratorKeys keys, ClientAddress clientAddress, ModeratorLockout lockout, EndpointGuard guard)
{
    public Task<IResult> RunAsync(HttpRequest request, Func<string, CancellationToken, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        return guard.RunAsync(request, cancellationToken =>
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            var client = clientAddress.Of(request.HttpContext);
            if (lockout.WaitFor(client) is { } wait)
            {
                return Task.FromResult<IResult>(Problems.TooManyRequests(request, wait, "Too many wrong moderator keys from this address; wait before trying again."));
            }

            var moderator = keys.Authenticate(request.Headers.Authorization.ToString());
            if (moderator is null)
            {
                lockout.Failed(client);
                return Task.FromResult<IResult>(Problems.Unauthorized(request));
            }

            lockout.Succeeded(client);
            return endpoint(moderator, cancellationToken);
        });
    }
}
