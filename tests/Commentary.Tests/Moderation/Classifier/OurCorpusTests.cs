using System.Security.Cryptography;
using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Classifier;

public sealed class OurCorpusTests
{
    [Fact]
    public void Its_ordinary_and_crisis_comments_train_and_its_spam_does_not()
    {
        var labels = JsonDocument.Parse(OurCorpus.Json).RootElement.EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();

        Assert.Equal(labels.Count(l => l == "legit"), OurCorpus.Examples.Count(e => e.Class == TextClass.Legitimate));
        Assert.Equal(labels.Count(l => l == "crisis"), OurCorpus.Examples.Count(e => e.Class == TextClass.Crisis));
        Assert.Equal(labels.Count(l => l is "legit" or "crisis"), OurCorpus.Examples.Count);
        Assert.Contains("spam", labels);
        Assert.All(OurCorpus.Examples, e => Assert.Equal(SplitPart.Train, e.Part));

        // Its ordinary comments are someone writing about their own life: they teach the urgency score what is not a crisis.
        Assert.All(OurCorpus.Examples, e => Assert.True(e.WritesAboutOwnLife));
    }

    [Fact]
    public void Its_source_names_it_with_its_hash_and_counts()
    {
        var source = OurCorpus.Source;

        Assert.Equal(OurCorpus.FileName, source.Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OurCorpus.Json))), source.Sha256);
        Assert.Equal(OurCorpus.Examples.Count(e => e.Class == TextClass.Legitimate), source.Items["legitimate"]);
        Assert.Equal(OurCorpus.Examples.Count(e => e.Class == TextClass.Crisis), source.Items["crisis"]);
    }
}
