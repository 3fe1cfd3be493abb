namespace Commentary.Api.Moderation;

/// <summary>Up to 32 of the oldest poison messages, with the comment they carried where it can be read.</summary>
public sealed record PoisonPage(IReadOnlyList<PoisonMessage> Items);

/// <summary>The submissions that could not be processed: list them, send one back to the queue, or discard it.</summary>
public sealed class PoisonEndpoints(ModeratorAccess access, PoisonMessages poison)
{
    public Task<IResult> ListAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.ListPoisonMessages, async (moderator, cancellationToken) =>
        ApiJson.Ok(new PoisonPage(await poison.ListAsync(cancellationToken))));

    public Task<IResult> RequeueAsync(HttpRequest request, string messageId) => access.RunAsync(request, FunctionNames.RequeuePoisonMessage, async (moderator, cancellationToken) =>
        Guid.TryParse(messageId, out _) && await poison.RequeueAsync(messageId, moderator.Name, cancellationToken)
            ? TypedResults.NoContent()
            : NoSuchMessage());

    public Task<IResult> DiscardAsync(HttpRequest request, string messageId) => access.RunAsync(request, FunctionNames.DiscardPoisonMessage, async (moderator, cancellationToken) =>
        Guid.TryParse(messageId, out _) && await poison.DiscardAsync(messageId, moderator.Name, cancellationToken)
            ? TypedResults.NoContent()
            : NoSuchMessage());

    private static IResult NoSuchMessage() => Problems.NotFound("There is no such message in the poison queue.");
}
