namespace Commentary.Api.Moderation;

/// <summary>A ban as moderators see it. <c>email</c> is set for email bans; <c>active</c> is false once it expired.</summary>
public sealed record BanView(string Id, string Kind, string Hash, string? Email, string Reason, string BannedBy, DateTimeOffset Created, DateTimeOffset? ExpiresAt, bool Active)
{
    public static BanView From(Ban ban, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ban);
        return new(ban.Id, BanIds.PartitionKey(ban.Kind), ban.Hash, ban.Email, ban.Reason, ban.BannedBy, ban.Created, ban.ExpiresAt, ban.IsActive(now));
    }
}

public sealed record BanPage(IReadOnlyList<BanView> Items);

public sealed record BanRequest(string? Email, string? IpHash, string? Reason, DateTimeOffset? ExpiresAt);

/// <summary>List, add and lift bans on an email address or a client address (by its IP hash).</summary>
public sealed class BanEndpoints(ModeratorAccess access, BanList bans, TimeProvider clock)
{
    public Task<IResult> ListAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.ListBans, async (moderator, cancellationToken) =>
    {
        var now = clock.GetUtcNow();
        return ApiJson.Ok(new BanPage((await bans.ListAsync(cancellationToken)).Select(b => BanView.From(b, now)).ToArray()));
    });

    public Task<IResult> AddAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.AddBan, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await JsonBody.ReadValidAsync<BanRequest>(request, Validate, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var email = body!.Email?.Trim();
        var (reason, _) = ReasonField.Read(body.Reason);
        var now = clock.GetUtcNow();
        var ban = email is not null
            ? new Ban(BanKind.Email, CommenterIdentity.EmailHash(email), email, reason!, moderator.Name, now, body.ExpiresAt)
            : new Ban(BanKind.Ip, body.IpHash!, null, reason!, moderator.Name, now, body.ExpiresAt);
        await bans.AddAsync(ban, cancellationToken);
        request.HttpContext.Response.Headers.Location = Routes.Path(Routes.Ban, ban.Id);
        return ApiJson.Status(BanView.From(ban, now), StatusCodes.Status201Created);
    });

    public Task<IResult> RemoveAsync(HttpRequest request, string banId) => access.RunAsync(request, FunctionNames.RemoveBan, async (moderator, cancellationToken) =>
        await bans.RemoveAsync(banId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("There is no such ban."));

    /// <summary>Exactly one of email and ipHash, a reason; an expiry in the past records a ban that has already lapsed.</summary>
    public static Dictionary<string, string[]> Validate(BanRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        var hasEmail = !string.IsNullOrWhiteSpace(body.Email);
        var hasIp = !string.IsNullOrWhiteSpace(body.IpHash);
        if (hasEmail == hasIp)
        {
            errors["email"] = ["Ban either an email address or an IP hash: give exactly one of email and ipHash."];
        }
        else if (hasEmail && !SubmissionValidator.IsPlausibleEmail(body.Email!.Trim()))
        {
            errors["email"] = ["This is not an email address."];
        }
        else if (hasIp && !BanIds.IsHash(body.IpHash))
        {
            errors["ipHash"] = ["An IP hash is 64 lower-case hex digits, as shown in a comment's ipHash."];
        }

        var (_, invalidReason) = ReasonField.Read(body.Reason, "Say why; the reason is shown to moderators and recorded with rejected comments.");
        if (invalidReason is not null)
        {
            errors[ReasonField.Name] = [invalidReason];
        }

        return errors;
    }
}
