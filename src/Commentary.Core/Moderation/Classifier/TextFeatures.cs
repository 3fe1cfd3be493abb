namespace Commentary.Core.Moderation.Classifier;

/// <summary>
/// Turns a comment into the sparse vector the model reads: hashed word unigrams and bigrams and character 3- to
/// 5-grams over the text as the rules fold it (lower case, accents and look-alike letters folded, invisible
/// characters gone), each counted as 1 + ln(count) and the whole vector scaled to length 1. Hashing keeps the model a
/// fixed size whatever the vocabulary, and the hash is our own (FNV-1a), so a model trained in one process scores the
/// same in another. Change anything here and <see cref="Version"/> must change: a model only loads with the features
/// it was trained on.
/// </summary>
internal sealed class TextFeatures
{
    /// <summary>The feature layout a model was trained on; stored in every model file.</summary>
    public const int Version = 1;

    /// <summary>2^18 hash buckets: collisions cost little at this size, and three models stay about 3 MB.</summary>
    public const int Bits = 18;

    public const int Dimension = 1 << Bits;

    /// <summary>Longer comments are read this far: enough to judge, and scoring stays cheap whatever is posted.</summary>
    public const int MaxCharacters = 4000;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    [ThreadStatic]
    private static TextFeatures? t_instance;

    private readonly FoldedText _folded = new();
    private char[] _text = new char[512];
    private uint[] _hashes = new uint[2048];
    private int _count;

    /// <summary>One instance per thread: featurizing allocates nothing once its buffers have grown.</summary>
    public static TextFeatures ForThisThread => t_instance ??= new TextFeatures();

    /// <summary>The indices (ascending, distinct) and values of the non-zero features; valid until the next call.</summary>
    public SparseVector Compute(string? text)
    {
        var input = text is { Length: > MaxCharacters } ? text[..MaxCharacters] : text ?? string.Empty;
        var words = Normalize(_folded.Fold(input).Plain);
        _count = 0;

        // Words and word pairs.
        var span = _text.AsSpan(0, words);
        var previousStart = -1;
        var previousLength = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && span[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < span.Length && span[i] != ' ')
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            Add(Hash(Hash(FnvOffset, 'w'), span[start..i]));
            if (previousStart >= 0)
            {
                var pair = Hash(Hash(FnvOffset, 'b'), span.Slice(previousStart, previousLength));
                Add(Hash(Hash(pair, ' '), span[start..i]));
            }

            previousStart = start;
            previousLength = i - start;
        }

        // Character n-grams over " word word ", so word edges count.
        for (var n = 3; n <= 5; n++)
        {
            var seed = Hash(FnvOffset, (char)('0' + n));
            for (var k = 0; k + n <= span.Length; k++)
            {
                Add(Hash(seed, span.Slice(k, n)));
            }
        }

        return Collect();
    }

    /// <summary>Keeps letters, digits and apostrophes; everything else becomes one space; pads with a space each side.</summary>
    private int Normalize(ReadOnlySpan<char> plain)
    {
        if (_text.Length < plain.Length + 2)
        {
            _text = new char[(plain.Length * 2) + 2];
        }

        var length = 0;
        _text[length++] = ' ';
        foreach (var c in plain)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                _text[length++] = c;
            }
            else if (_text[length - 1] != ' ')
            {
                _text[length++] = ' ';
            }
        }

        if (_text[length - 1] != ' ')
        {
            _text[length++] = ' ';
        }

        return length;
    }

    private void Add(uint hash)
    {
        if (_count == _hashes.Length)
        {
            Array.Resize(ref _hashes, _hashes.Length * 2);
        }

        _hashes[_count++] = hash & (Dimension - 1);
    }

    private SparseVector Collect()
    {
        var hashes = _hashes.AsSpan(0, _count);
        hashes.Sort();
        var distinct = 0;
        var values = new float[CountDistinct(hashes)];
        var indices = new int[values.Length];
        double norm = 0;
        for (var k = 0; k < hashes.Length;)
        {
            var run = 1;
            while (k + run < hashes.Length && hashes[k + run] == hashes[k])
            {
                run++;
            }

            var value = (float)(1 + Math.Log(run));
            indices[distinct] = (int)hashes[k];
            values[distinct++] = value;
            norm += value * value;
            k += run;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < values.Length; k++)
            {
                values[k] *= scale;
            }
        }

        return new SparseVector(indices, values);
    }

    private static int CountDistinct(ReadOnlySpan<uint> sorted)
    {
        var distinct = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    private static uint Hash(uint seed, char c) => (seed ^ c) * FnvPrime;

    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }
}

/// <summary>A sparse feature vector: ascending distinct indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values);
