using Commentary.Api.Moderation;
using Commentary.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>One moderator route as the self-host maps it: name, method, route (below <c>/api/</c>) and declared role.</summary>
public sealed record MappedModeratorRoute(string Name, string Method, string Route, ModeratorRole? Role)
{
    /// <summary>
    /// Every route under <c>/api/moderation/</c> in the self-host's endpoint data source, one per method, with the role
    /// its metadata declares (null where it declares none). The page behind the Approve and Reject links
    /// (<see cref="Commentary.Api.Http.Routes.ModerationLink"/>) lives there too but is authorised by its signed token,
    /// not by a moderator's credentials, so it is left out (ModerationLinkTests hold it), as is the public answer that
    /// tells the dashboard how to sign in (<see cref="Commentary.Api.Http.Routes.SignInConfiguration"/>).
    /// </summary>
    public static IReadOnlyList<MappedModeratorRoute> Of(SelfHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/moderation/", StringComparison.Ordinal))
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') != "api/" + Commentary.Api.Http.Routes.ModerationLink)
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') != "api/" + Commentary.Api.Http.Routes.SignInConfiguration)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => new MappedModeratorRoute(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                m,
                e.RoutePattern.RawText!.TrimStart('/')["api/".Length..],
                e.Metadata.GetMetadata<RequiredModeratorRole>()?.Role)))
            .ToArray();

    /// <summary>The route with its parameters filled with well-formed values that name nothing stored.</summary>
    public string PathOn(string slug) => Route
        .Replace("{slug}", slug, StringComparison.Ordinal)
        .Replace("{id}", CommentId.New(), StringComparison.Ordinal)
        .Replace("{messageId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{banId}", "email-" + new string('0', 64), StringComparison.Ordinal)
        .Replace("{email}", $"nobody-{Guid.NewGuid():N}@example.com", StringComparison.Ordinal);
}
