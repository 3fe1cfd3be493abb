using Commentary.Core.Moderation.Classifier;

namespace Commentary.Testing;

/// <summary>
/// A test that needs the public moderation data (<c>../shared/data/moderation</c> beside the repository). It runs
/// wherever the data is, and elsewhere (a fresh clone) reports itself skipped, saying why.
/// </summary>
public sealed class TrainingDataFactAttribute : FactAttribute
{
    public TrainingDataFactAttribute()
    {
        if (Folder is null)
        {
            Skip = "The moderation training data (../shared/data/moderation beside the repository) is not on this machine.";
        }
    }

    /// <summary>The data folder, found by walking up from the test's directory; null when it is not there.</summary>
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "moderation");
            if (TrainingData.IsComplete(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
