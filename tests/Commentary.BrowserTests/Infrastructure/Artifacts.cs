namespace Commentary.BrowserTests.Infrastructure;

/// <summary>Screenshots for people to look at, in the git-ignored test-artifacts folder at the repository root.</summary>
public static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var folder = RepositoryRoot.Combine("test-artifacts");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }
}
