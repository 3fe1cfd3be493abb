namespace Commentary.Benchmarks;

/// <summary>Made-up words to lengthen a term list without adding anything real comments could contain.</summary>
public static class InventedTerms
{
    /// <summary>The list followed by invented terms until it is <paramref name="scale"/> times as long.</summary>
    public static IEnumerable<string> Grow(IReadOnlyCollection<string> terms, int scale)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var random = new Random(20_260_914);
        var invented = Enumerable.Range(0, terms.Count * (scale - 1)).Select(_ => Word(random));
        return terms.Concat(invented);
    }

    private static string Word(Random random)
    {
        const string consonants = "bcdfghjklmnpqrstvwxz";
        const string vowels = "aeiouy";
        var letters = new char[random.Next(6, 12)];
        for (var i = 0; i < letters.Length; i++)
        {
            var pool = i % 2 == 0 ? consonants : vowels;
            letters[i] = pool[random.Next(pool.Length)];
        }

        return new string(letters);
    }
}
