using Commentary.Api.Http;
using Commentary.Core.Moderation.Classifier;
using Microsoft.Extensions.Logging;

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
    bool Retraining,
    RetrainReport? LastRetrain);

/// <summary>What <c>POST /moderation/model/retrain</c> answers: the retrain started now, or one was already running.</summary>
public sealed record RetrainAnswer(string Status);

/// <summary>
/// <c>GET /moderation/model</c> (the version in force, when and on what it was trained, its evaluation) and
/// <c>POST /moderation/model/retrain</c> (starts the daily retrain now, on this instance, and answers 202 at once;
/// the result shows in <c>lastRetrain</c>).
/// </summary>
public sealed partial class ModelEndpoints(ModeratorAccess access, ModelProvider models, ModelRetrainer retrainer, ILogger<ModelEndpoints> logger)
{
    public Task<IResult> GetAsync(HttpRequest request) => access.RunAsync(request, async (moderator, cancellationToken) =>
    {
        var state = await models.CurrentAsync(cancellationToken);
        var m = state.Model.Manifest;
        return ApiJson.Ok(new ModelAnswer(
            m.Version, m.Origin, m.TrainedAt, m.TrainedOn, m.Evaluation, m.Notes,
            state.Degraded ? "degraded" : "ok", state.Problem, retrainer.IsRunning, retrainer.LastReport));
    });

    public Task<IResult> RetrainAsync(HttpRequest request) => access.RunAsync(request, (moderator, cancellationToken) =>
    {
        var running = retrainer.IsRunning;
        if (!running)
        {
            LogRetrainRequested(logger, moderator);

            // Not tied to the request: the retrain outlives the answer (about half a minute of training).
            _ = Task.Run(RunInBackgroundAsync, CancellationToken.None);
        }

        request.HttpContext.Response.Headers.Location = $"/{Routes.Prefix}/{Routes.ModerationModel}";
        return Task.FromResult<IResult>(ApiJson.Status(new RetrainAnswer(running ? "running" : "started"), StatusCodes.Status202Accepted));
    });

    private async Task RunInBackgroundAsync()
    {
        try
        {
            await retrainer.RetrainAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed retrain leaves the model in force; it is logged for the operator.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRetrainFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator {Moderator} asked for the moderation model to be retrained")]
    private static partial void LogRetrainRequested(ILogger logger, string moderator);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining the moderation model failed; the model in force stays")]
    private static partial void LogRetrainFailed(ILogger logger, Exception exception);
}
