namespace Commentary.Api.Moderation;

/// <summary>
/// The role each moderator route requires, by function name: the one place it is declared. <see cref="ModeratorAccess"/>
/// enforces it in both hosts, the self-host's route map attaches it to each endpoint, and tests hold the OpenAPI
/// document (each operation's security requirement names the role) and the routes themselves to this table.
/// </summary>
public static class ModeratorRoutes
{
    public static IReadOnlyDictionary<string, ModeratorRole> Required { get; } = new Dictionary<string, ModeratorRole>(StringComparer.Ordinal)
    {
        [FunctionNames.GetSignedInModerator] = ModeratorRole.Moderator,
        [FunctionNames.ListModerationComments] = ModeratorRole.Moderator,
        [FunctionNames.GetModeratedComment] = ModeratorRole.Moderator,
        [FunctionNames.ApproveComment] = ModeratorRole.Moderator,
        [FunctionNames.RejectComment] = ModeratorRole.Moderator,
        [FunctionNames.MarkCommentAsSpam] = ModeratorRole.Moderator,
        [FunctionNames.ModerateInBulk] = ModeratorRole.Moderator,
        [FunctionNames.ReplyPrivately] = ModeratorRole.Moderator,
        [FunctionNames.DeleteComment] = ModeratorRole.Admin,
        [FunctionNames.ListBans] = ModeratorRole.Admin,
        [FunctionNames.AddBan] = ModeratorRole.Admin,
        [FunctionNames.RemoveBan] = ModeratorRole.Admin,
        [FunctionNames.ListPoisonMessages] = ModeratorRole.Admin,
        [FunctionNames.RequeuePoisonMessage] = ModeratorRole.Admin,
        [FunctionNames.DiscardPoisonMessage] = ModeratorRole.Admin,
        [FunctionNames.ExportCommenter] = ModeratorRole.Admin,
        [FunctionNames.EraseCommenter] = ModeratorRole.Admin,
        [FunctionNames.GetModerationSettings] = ModeratorRole.Admin,
        [FunctionNames.PutModerationSettings] = ModeratorRole.Admin,
        [FunctionNames.GetModerationModel] = ModeratorRole.Admin,
        [FunctionNames.RetrainModerationModel] = ModeratorRole.Admin,
        [FunctionNames.ReplyToComment] = ModeratorRole.Moderator,
        [FunctionNames.PinComment] = ModeratorRole.Moderator,
        [FunctionNames.UnpinComment] = ModeratorRole.Moderator,
    };

    /// <summary>The role the named route requires; a moderator route missing from the table is a programming error.</summary>
    public static ModeratorRole RoleFor(string functionName) =>
        Required.TryGetValue(functionName, out var role)
            ? role
            : throw new InvalidOperationException($"The moderator route {functionName} declares no role in {nameof(ModeratorRoutes)}.");
}

/// <summary>Endpoint metadata on the self-host's moderator routes: the role the table declares for the route.</summary>
public sealed record RequiredModeratorRole(ModeratorRole Role);
