namespace Commentary.Api.Moderation;

/// <summary>Who is signed in: the name the audit trail records, and the role (<c>moderator</c> or <c>admin</c>).</summary>
public sealed record SignedInModerator(string Name, string Role);

/// <summary>
/// <c>GET /moderation/me</c>: whom the credential sent belongs to. The dashboard signs in with it and shows only what
/// the role may do.
/// </summary>
public sealed class SignedInModeratorEndpoints(ModeratorAccess access)
{
    public Task<IResult> GetAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.GetSignedInModerator, (moderator, _) =>
        Task.FromResult(ApiJson.Ok(new SignedInModerator(moderator.Name, ModeratorRoleNames.ToWire(moderator.Role)))));
}
