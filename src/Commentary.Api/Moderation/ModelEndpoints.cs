using Commentary.Core.Moderation.Classifier;

namespace Commentary.Api.Moderation;

/// <summary>The classifier in force on this instance, as <c>GET /moderation/model</c> answers it.</summary>
public sealed record ModelAnswer(
    string Version,
    string Origin,
    DateTimeOffset TrainedAt,
    IReadOnlyList<TrainingSource> TrainedOn,
    IReadOnlyList<ScoreEvaluation> Evaluation,
    IReadOnlyList<string> Notes,
    string State,
    string? Problem,
    RetrainReport? LastRetrain);

/// <summary>What <c>POST /moderation/model/retrain</c> answers: the request is queued.</summary>
public sealed record RetrainAnswer(string Status);

/// <summary>
/// <c>GET /moderation/model</c> (the version in force, when and on what it was trained, its evaluation, and the last
/// retrain's report) and <c>POST /moderation/model/retrain</c> (queues a retrain on <c>model-retrain</c> and answers
/// 202 at once; the result shows in <c>lastRetrain</c>).
/// </summary>
public sealed class ModelEndpoints(ModeratorAccess access, ModelProvider models, ModelStore store, TimeProvider clock)
{
    public Task<IResult> GetAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.GetModerationModel, async (moderator, cancellationToken) =>
    {
        var state = await models.CurrentAsync(cancellationToken);
        var m = state.Model.Manifest;
        return ApiJson.Ok(new ModelAnswer(
            m.Version, m.Origin, m.TrainedAt, m.TrainedOn, m.Evaluation, m.Notes,
            state.Degraded ? "degraded" : "ok", state.Problem, await store.LastReportAsync(cancellationToken)));
    });

    public Task<IResult> RetrainAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.RetrainModerationModel, async (moderator, cancellationToken) =>
    {
        await store.RequestRetrainAsync(new RetrainRequest(moderator.Name, clock.GetUtcNow()), cancellationToken);
        request.HttpContext.Response.Headers.Location = $"/{Routes.Prefix}/{Routes.ModerationModel}";
        return ApiJson.Status(new RetrainAnswer("queued"), StatusCodes.Status202Accepted);
    });
}
