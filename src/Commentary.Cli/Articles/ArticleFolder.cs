namespace Commentary.Cli.Articles;

/// <summary>One file of a folder being imported: valid (with its parsed article) or not (with the reason).</summary>
public sealed record ArticleFile(string Slug, string FileName, string Text, string ContentSha256, Article? Article, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>Reads the <c>{slug}.md</c> files of a folder and checks each slug and front matter as the API will read them.</summary>
public static class ArticleFolder
{
    public static async Task<IReadOnlyList<ArticleFile>> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"There is no folder '{folder}'.");
        }

        var files = new List<ArticleFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var hash = ArticleBlobs.ContentHash(text);
            if (!Slug.IsValid(slug))
            {
                files.Add(new ArticleFile(slug, Path.GetFileName(path), text, hash, null,
                    $"'{slug}' is not a slug: lower-case letters and digits in words joined by single hyphens, at most {Slug.MaxLength} characters."));
                continue;
            }

            try
            {
                files.Add(new ArticleFile(slug, Path.GetFileName(path), text, hash, ArticleParser.Parse(slug, text), null));
            }
            catch (ArticleFormatException e)
            {
                files.Add(new ArticleFile(slug, Path.GetFileName(path), text, hash, null, e.Message));
            }
        }

        return files;
    }
}
