using System.Text.Json;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Api.Moderation;

/// <summary>
/// <c>GET/PUT /moderation/settings</c>: the word lists and thresholds as JSON, versioned by ETag. A save takes effect
/// at once on this instance and within <see cref="PolicyProvider.RefreshInterval"/> everywhere else.
/// </summary>
public sealed class ModerationSettingsEndpoints(ModeratorAccess access, ModerationSettingsStore store, PolicyProvider policies)
{
    public Task<IResult> GetAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.GetModerationSettings, async (moderator, cancellationToken) =>
    {
        var stored = await store.LoadAsync(cancellationToken);
        return Answer(request, stored);
    });

    public Task<IResult> PutAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.PutModerationSettings, async (moderator, cancellationToken) =>
    {
        var (text, problem) = await JsonBody.ReadTextAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ModerationSettings settings;
        try
        {
            settings = ModerationSettings.FromJson(text!);
        }
        catch (JsonException e)
        {
            return Problems.Invalid("settings", "The settings are not valid: " + e.Message);
        }

        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            return Problems.Validation(problems
                .Select(p => (Path: p.Split(' ', 2)[0].Trim(), Message: p))
                .GroupBy(p => p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        var saved = await store.SaveAsync(settings, ifMatch.Length == 0 ? null : ifMatch, cancellationToken);
        if (saved is null)
        {
            return Problems.Conflict("The settings changed since you read them; reload them and apply your change again.");
        }

        policies.Use(saved);
        return Answer(request, saved);
    });

    private static IResult Answer(HttpRequest request, StoredModerationSettings stored)
    {
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Text(stored.Settings.ToJson(), "application/json", Encoding.UTF8);
    }
}
